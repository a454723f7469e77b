namespace SchemaTasks.Schema;

/// <summary>
/// A partition bound's constants read as labels of an enum-typed key column: PostgreSQL coerces
/// each value of <c>FOR VALUES</c> to its key column's type when it reads the statement, and
/// refuses a label the type lacks (22P02), after checking the bound's strategy and its count of
/// values, and value by value, lower bound first, before a NULL in a range. Checked on
/// PostgreSQL 15. A constant cast to another type (<c>'z'::text</c>) is refused whatever its
/// label (42804), so it is reported here too when its label is missing.
/// </summary>
internal static class PartitionBoundLabels
{
    /// <summary>The first value of <paramref name="bound"/> the server refuses as a label, with the key column's enum type; or null.</summary>
    public static (CatalogEnumType Type, string Label)? FirstMissing(Catalog catalog, CatalogTable parent, PartitionKey key, PartitionBound bound)
    {
        if (bound.Strategy != key.Strategy) return null; // Refused for its strategy first (42P16).
        switch (key.Strategy)
        {
            case PartitionStrategy.List:
                return key.Parts.Length == 1 ? FirstMissing(catalog, parent, bound.Lower, _ => key.Parts[0]) : null;
            case PartitionStrategy.Range:
                if (bound.Lower.Length != key.Parts.Length || bound.Upper.Length != key.Parts.Length) return null; // Refused for the count first (42P16).
                foreach (var values in new[] { bound.Lower, bound.Upper })
                {
                    if (values.Any(v => v.Kind == BoundValueKind.Null)) return FirstMissing(catalog, parent, values.TakeWhile(v => v.Kind != BoundValueKind.Null).ToArray(), i => key.Parts[i]);
                    if (FirstMissing(catalog, parent, values, i => key.Parts[i]) is { } found) return found;
                }

                return null;
            default:
                return null;
        }
    }

    private static (CatalogEnumType, string)? FirstMissing(Catalog catalog, CatalogTable parent, IReadOnlyList<BoundValue> values, Func<int, PartitionKeyPart> partOf)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Kind != BoundValueKind.String || partOf(i).Column is not { } column) continue;
            if (parent.FindColumn(column, SqlDialect.Postgres) is not { IsArray: false, TypeReference: { } typeName }) continue;
            if (catalog.FindEnumType(typeName) is { } type && !type.HasLabel(values[i].Text)) return (type, values[i].Text);
        }

        return null;
    }
}
