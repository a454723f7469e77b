using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A PostgreSQL enum type.</summary>
/// <param name="Name">The type's name.</param>
/// <param name="Labels">The labels in the type's sort order (declared order, with <c>BEFORE</c>/<c>AFTER</c> insertions).</param>
public sealed record CatalogEnumType(QualifiedName Name, ImmutableArray<string> Labels)
{
    // The labels as a set, for the array it was made from: ADD VALUE carries it to the next
    // version of the type, so a long run of ADD VALUEs does not search the labels each time.
    private (ImmutableArray<string> For, ImmutableHashSet<string> Set) _labelSet;

    /// <summary>The labels as a set (ordinal).</summary>
    internal ImmutableHashSet<string> LabelSet
    {
        get
        {
            if (_labelSet.Set is null || _labelSet.For != Labels) _labelSet = (Labels, Labels.ToImmutableHashSet(StringComparer.Ordinal));
            return _labelSet.Set;
        }

        init => _labelSet = (Labels, value);
    }

    /// <summary>Equal when the names and the labels are (the label set is only a lookup aid).</summary>
    public bool Equals(CatalogEnumType? other)
        => other is not null && Name.Equals(other.Name) && Labels.Equals(other.Labels);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Name.GetHashCode() * 397) ^ Labels.GetHashCode());
}
