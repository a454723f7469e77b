namespace SchemaTasks.Schema;

/// <summary>The filters on a column's type that a test on <c>information_schema.columns</c> may add.</summary>
internal sealed partial class ExistenceCondition
{
    /// <summary>
    /// Whether <c>information_schema.columns</c> has a row for the filters, when some of them test the
    /// column's type. Every column of a matching table must have a type whose row is known
    /// (<see cref="InformationSchemaColumnTypes"/>) unless another filter rules it out first.
    /// </summary>
    private bool? DecideColumnTypes(HashSet<string> relations, Dictionary<string, string> eq)
    {
        if (eq.ContainsValue("\0contradiction")) return false;
        if (!relations.SetEquals(["information_schema.columns"]) || !eq.Keys.All(Columns(["information_schema.columns"]).Contains)) return null;
        string? Get(string column) => eq.TryGetValue(column, out var v) ? v : null;
        var (table, schema, name, nullable) = (Get("table_name"), Get("table_schema"), Get("column_name"), Get("is_nullable"));
        if (table is null || nullable is not (null or "YES" or "NO")) return null;
        var unknown = false;
        foreach (var candidate in _catalog.Tables.Values)
        {
            if (candidate.Name.Name != table || !SchemaMatches(candidate.Name.Schema, schema)) continue;
            foreach (var column in candidate.Columns)
            {
                if ((name is not null && column.Name != name) || (nullable is not null && column.IsNullable != (nullable == "YES"))) continue;
                switch (TypeMatches(InformationSchemaColumnTypes.Of(column, _catalog)))
                {
                    case true: return Known(true);
                    case null:
                        unknown = true;
                        _unknown ??= $"the information_schema.columns type of {candidate.Name.Name}.{column.Name} ({column.Type}), which SchemaTasks does not map";
                        break;
                }
            }
        }

        if (unknown) return null;
        return RelationExistence.MayBeView(_catalog, schema, table) ? null : Known(false); // A view's columns are not known.
    }

    // All type filters hold for the row; a comparison with a NULL length is NULL, which WHERE drops.
    private bool? TypeMatches(InformationSchemaColumnTypes.Row? row)
    {
        if (row is null) return null;
        foreach (var filter in _typeFilters)
        {
            switch (filter.Column)
            {
                case "data_type" when (row.DataType == filter.Value) != filter.Equal:
                case "udt_name" when (row.UdtName == filter.Value) != filter.Equal:
                    return false;
                case "character_maximum_length":
                    if (row.MaximumLength is not { } length) return false;
                    if (!int.TryParse(filter.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var wanted)) return null;
                    if ((length == wanted) != filter.Equal) return false;
                    break;
            }
        }

        return true;
    }

    /// <summary>One <c>[NOT] column {= | != | &lt;&gt;} value</c> on a column of <c>information_schema.columns</c> that describes the type.</summary>
    /// <param name="Column">data_type, udt_name or character_maximum_length.</param>
    /// <param name="Value">The literal compared with, unquoted.</param>
    /// <param name="Equal">Whether the row must equal it (otherwise differ from it).</param>
    private sealed record ColumnTypeFilter(string Column, string Value, bool Equal)
    {
        /// <summary>The columns read this way.</summary>
        public static readonly HashSet<string> Columns = ["data_type", "udt_name", "character_maximum_length"];
    }
}
