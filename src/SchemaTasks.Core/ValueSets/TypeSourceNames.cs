using SchemaTasks.Schema;

namespace SchemaTasks.ValueSets;

/// <summary>
/// The structured name of the enum type or domain behind an allowed-values source of a column.
/// <see cref="AllowedValuesSource.Name"/> is <c>schema.name</c> in one string, which cannot be
/// split back when a part holds a dot (<c>"a.b".priority</c>); the column's type chain still
/// has the names in parts, and the source is the one link of its kind with that text.
/// </summary>
internal static class TypeSourceNames
{
    // As deep as the catalog follows domains over domains.
    private const int MaxDepth = 16;

    public static QualifiedName Of(Catalog catalog, CatalogColumn column, AllowedValuesSource source)
    {
        var wantEnumType = source.Kind == AllowedValuesSourceKind.EnumType;
        var link = column.TypeReference;
        for (var depth = 0; link is { } name && depth <= MaxDepth; depth++)
        {
            var enumType = catalog.FindEnumType(name);
            if (wantEnumType == (enumType is not null) && string.Equals(name.ToString(), source.Name, StringComparison.Ordinal))
            {
                return name;
            }

            link = enumType is null ? catalog.FindDomain(name)?.BaseTypeReference : null;
        }

        // The catalog made the source from this very chain; not finding it is a bug, never a guess.
        throw new InvalidOperationException($"The {source.Kind} '{source.Name}' restricting column '{column.Name}' is not in the column's type chain.");
    }
}
