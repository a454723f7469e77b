namespace SchemaTasks.Schema;

/// <summary>
/// What PostgreSQL 15's <c>information_schema.columns</c> shows for a column's type:
/// <c>data_type</c>, <c>udt_name</c> and <c>character_maximum_length</c>, read from the type
/// text the catalog keeps. Only types whose rows were checked on a real server are mapped; any
/// other type (a domain shows its base type, for one) is <see langword="null"/>, so a filter on it
/// stays undecided.
/// </summary>
internal static class InformationSchemaColumnTypes
{
    /// <summary>The three columns of one <c>information_schema.columns</c> row that describe its type; a <see langword="null"/> length is SQL NULL.</summary>
    /// <param name="DataType">The <c>data_type</c> text, such as <c>character varying</c> or <c>ARRAY</c>.</param>
    /// <param name="UdtName">The <c>udt_name</c> text, such as <c>varchar</c> or <c>_int4</c>.</param>
    /// <param name="MaximumLength">The <c>character_maximum_length</c>, or <see langword="null"/> where the server shows NULL.</param>
    internal sealed record Row(string DataType, string UdtName, int? MaximumLength);

    // Catalog type text (as ColumnFactory normalises it) -> data_type, udt_name; checked on PostgreSQL 15.
    private static readonly Dictionary<string, (string DataType, string UdtName)> Plain = new(StringComparer.Ordinal)
    {
        ["integer"] = ("integer", "int4"),
        ["bigint"] = ("bigint", "int8"),
        ["smallint"] = ("smallint", "int2"),
        ["boolean"] = ("boolean", "bool"),
        ["text"] = ("text", "text"),
        ["jsonb"] = ("jsonb", "jsonb"),
        ["json"] = ("json", "json"),
        ["uuid"] = ("uuid", "uuid"),
        ["bytea"] = ("bytea", "bytea"),
        ["date"] = ("date", "date"),
        ["real"] = ("real", "float4"),
        ["double precision"] = ("double precision", "float8"),
        ["character varying"] = ("character varying", "varchar"),
    };

    /// <summary>The row for <paramref name="column"/>, or <see langword="null"/> when its type is not one mapped here.</summary>
    public static Row? Of(CatalogColumn column, Catalog catalog)
    {
        var type = column.Type;
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            // Any array shows ARRAY; udt_name is the element's with a leading underscore.
            var element = Of(column with { Type = type[..^2], IsArray = false }, catalog);
            return element is null || column.Type.EndsWith("[][]", StringComparison.Ordinal) ? null : new Row("ARRAY", "_" + element.UdtName, null);
        }

        if (column.TypeReference is { } reference)
        {
            // An enum shows USER-DEFINED; a domain shows its base type, which is not read here.
            return catalog.EnumTypes.ContainsKey(reference) && !column.IsArray ? new Row("USER-DEFINED", reference.Name, null) : null;
        }

        if (Plain.TryGetValue(type, out var plain)) return new Row(plain.DataType, plain.UdtName, null);
        if (Length(type, "character varying(") is { } varying) return new Row("character varying", "varchar", varying);
        if (Length(type, "character(") is { } fixedLength) return new Row("character", "bpchar", fixedLength);
        if (type.StartsWith("numeric", StringComparison.Ordinal) && (type.Length == 7 || type[7] == '(')) return new Row("numeric", "numeric", null);
        if (Timestamp(type, " without time zone")) return new Row("timestamp without time zone", "timestamp", null);
        if (Timestamp(type, " with time zone")) return new Row("timestamp with time zone", "timestamptz", null);
        return null;
    }

    private static int? Length(string type, string prefix)
    {
        if (!type.StartsWith(prefix, StringComparison.Ordinal) || !type.EndsWith(')')) return null;
        return int.TryParse(type.Substring(prefix.Length, type.Length - prefix.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) ? length : null;
    }

    // timestamp, timestamp(3): the precision does not show in data_type.
    private static bool Timestamp(string type, string zone)
    {
        if (!type.StartsWith("timestamp", StringComparison.Ordinal) || !type.EndsWith(zone, StringComparison.Ordinal)) return false;
        var precision = type["timestamp".Length..^zone.Length];
        return precision.Length == 0 || (precision.StartsWith('(') && precision.EndsWith(')') && precision[1..^1].All(char.IsDigit) && precision.Length > 2);
    }
}
