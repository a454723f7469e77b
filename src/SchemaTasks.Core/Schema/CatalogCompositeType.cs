using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// A PostgreSQL composite type (<c>CREATE TYPE c AS (a int, b text)</c>) with its attributes in
/// order. Kept beside its name in <see cref="Catalog.OtherTypes"/> and out of the snapshot: the
/// attributes decide what the server refuses (an attribute dropped twice, a type a composite still
/// uses dropped), not what the enum check reads.
/// </summary>
/// <param name="Name">The type's name.</param>
/// <param name="Attributes">The attributes, in order.</param>
internal sealed record CatalogCompositeType(QualifiedName Name, ImmutableArray<CompositeAttribute> Attributes)
{
    /// <summary>The index of the attribute named <paramref name="name"/> (names compare exactly, as PostgreSQL's do), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Attributes.Length; i++)
        {
            if (Attributes[i].Name == name) return i;
        }

        return -1;
    }
}

/// <summary>One attribute of a composite type.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="Type">The normalised type, as a column of it would show.</param>
/// <param name="TypeReference">The user type it names (enum, domain, composite or other type; also for an array of it), or <see langword="null"/> for a built-in type.</param>
internal sealed record CompositeAttribute(string Name, string Type, QualifiedName? TypeReference);
