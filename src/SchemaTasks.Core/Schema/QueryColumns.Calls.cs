using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

// The built-in calls whose type is fixed or follows their argument's, beyond the aggregates: window
// functions, the current time, date_part, extract and date_trunc, enum_range and unnest. Each
// checked on PostgreSQL 15 with format_type of a table made from the query.
internal static partial class QueryColumns
{
    private const string Timestamp = "timestamp without time zone";
    private const string TimestampTz = "timestamp with time zone";

    // The aggregates CallType reads, which take OVER too, and then have the type they have without it.
    private static readonly HashSet<string> WindowAggregates = new(StringComparer.Ordinal) { "count", "max", "min", "sum", "avg", "string_agg", "bool_and", "bool_or", "every" };

    /// <summary>
    /// A call with OVER: row_number, rank and dense_rank are bigint, ntile integer, percent_rank
    /// and cume_dist double precision; lag, lead, first_value, last_value and nth_value have their
    /// value's type (lag and lead with a default, the type it and the value resolve to); an
    /// aggregate has its own type. Anything else (the server refuses OVER on a plain function) is null.
    /// </summary>
    private static ValueType? WindowCallType(Catalog catalog, CallShape call, List<ValueType> arguments)
    {
        if (call.Star) return call.Function == "count" && arguments.Count == 0 ? new ValueType("bigint") : null;
        return (call.Function, arguments.Count) switch
        {
            ("row_number" or "rank" or "dense_rank", 0) => new ValueType("bigint"),
            ("percent_rank" or "cume_dist", 0) => new ValueType("double precision"),
            ("ntile", 1) => IsWholeNumber(arguments[0]) ? new ValueType("integer") : null,
            ("lag" or "lead" or "first_value" or "last_value", 1) => Resolved(catalog, arguments[0]),
            ("lag" or "lead" or "nth_value", 2) => IsWholeNumber(arguments[1]) ? Resolved(catalog, arguments[0]) : null,
            ("lag" or "lead", 3) => IsWholeNumber(arguments[1]) && Common(catalog, [arguments[0], arguments[2]]) is { } common ? Resolved(catalog, common) : null,
            _ when WindowAggregates.Contains(call.Function) => CallType(catalog, call, arguments),
            _ => null,
        };
    }

    /// <summary>
    /// The current time's functions and keywords (timestamp with time zone, current_date a date,
    /// localtimestamp a timestamp...), date_part (double precision) and extract (numeric) of a date,
    /// time, timestamp or interval, date_trunc of a timestamp or interval (its type).
    /// </summary>
    private static ValueType? TimeCallType(CallShape call, List<ValueType> arguments)
    {
        if (call.Star) return null;
        var value = arguments.Count == 2 && IsFieldName(arguments[0]) && arguments[1].IsPlainBuiltin ? WithoutModifier(arguments[1].Type!) : null;
        return (call.Function, arguments.Count) switch
        {
            ("now" or "current_timestamp" or "transaction_timestamp" or "statement_timestamp" or "clock_timestamp", 0) => new ValueType(TimestampTz),
            ("current_date", 0) => new ValueType("date"),
            ("localtimestamp", 0) => new ValueType(Timestamp),
            ("current_time", 0) => new ValueType("time with time zone"),
            ("localtime", 0) => new ValueType("time without time zone"),
            ("date_part", 2) when value is "date" or Timestamp or TimestampTz or "interval" or "time without time zone" or "time with time zone" => new ValueType("double precision"),
            ("extract", 2) when value is "date" or Timestamp or TimestampTz or "interval" or "time without time zone" or "time with time zone" => new ValueType("numeric"),
            ("date_trunc", 2) when value is Timestamp or TimestampTz or "interval" => new ValueType(value),
            _ => null,
        };
    }

    /// <summary>enum_range(x) of an enum value is an array of the enum; unnest of an array of an enum or of a built-in type without modifier is its element.</summary>
    private static ValueType? ArrayCallType(Catalog catalog, CallShape call, List<ValueType> arguments)
    {
        if (call.Star || arguments.Count != 1) return null;
        var argument = arguments[0];
        return call.Function switch
        {
            "enum_range" when argument is { Reference: { } enumType, IsArray: false, Type: { } text } && catalog.EnumTypes.ContainsKey(enumType)
                => new ValueType(text + "[]", enumType, IsArray: true),
            "unnest" when argument is { IsArray: true, Type: { } text } && text.EndsWith("[]", StringComparison.Ordinal) && text.IndexOf('[') == text.Length - 2
                => argument.Reference is { } enumType ? (catalog.EnumTypes.ContainsKey(enumType) ? new ValueType(text[..^2], enumType) : null)
                    : HasModifier(argument) ? null : new ValueType(text[..^2]),
            _ => null,
        };
    }

    /// <summary>
    /// The type an argument gives a function's value where the function takes and returns the same
    /// polymorphic type (as PostgreSQL's own lag and first_value do): a built-in type without its
    /// length or precision (where format_type then shows its name), an enum or an array of one, a
    /// domain (kept, not made its base type); null for a value of unknown type and the rest (not read).
    /// </summary>
    private static ValueType? Resolved(Catalog catalog, ValueType type)
    {
        if (type.Quoted || type.Type is null) return null;
        if (type.Reference is { } reference) return catalog.EnumTypes.ContainsKey(reference) || (!type.IsArray && catalog.Domains.ContainsKey(reference)) ? type : null;
        return type.IsArray || StripModifier(type.Type) is not { } bare ? null : new ValueType(bare);
    }

    // An integer argument (a count or offset): integer or smallint, which convert to integer.
    private static bool IsWholeNumber(ValueType type) => type.IsPlainBuiltin && type.Type is "integer" or "smallint";

    // date_part's and extract's field: a string, or text.
    private static bool IsFieldName(ValueType type) => type.Quoted || (type.IsPlainBuiltin && type.Type == "text");
}
