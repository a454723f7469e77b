namespace SchemaTasks.Schema;

/// <summary>
/// The type of <c>a op b</c> (<c>+ - * / %</c>) and <c>-a</c> for PostgreSQL's built-in types, as
/// the operator the server resolves returns it (each pair checked on PostgreSQL 15 with
/// pg_typeof and views read back with format_type). Types come without their modifiers
/// (<c>numeric(10,2)</c> is <c>numeric</c>), and so does the result. Any other pair, a domain,
/// enum, array or a quoted string of unknown type, is not decided: null.
/// </summary>
internal static class QueryArithmetic
{
    // The number types, in the order the operators widen them: smallint with integer is integer's
    // operator, any integer with numeric is numeric's, and real beside anything but real is
    // double precision (the server casts both to float8).
    private static readonly string[] Numbers = ["smallint", "integer", "bigint", "numeric", "real", "double precision"];

    private const string Timestamp = "timestamp without time zone";
    private const string TimestampTz = "timestamp with time zone";

    /// <summary>The result type of <paramref name="left"/> <paramref name="symbol"/> <paramref name="right"/>, or null.</summary>
    public static string? Binary(string left, char symbol, string right)
    {
        var l = Array.IndexOf(Numbers, left);
        var r = Array.IndexOf(Numbers, right);
        if (l >= 0 && r >= 0) return Numeric(l, symbol, r);
        return symbol switch
        {
            '+' => Plus(left, right) ?? Plus(right, left),
            '-' => Minus(left, right),
            '*' => Scaled(left, right) ?? Scaled(right, left),
            '/' => Scaled(left, right),
            _ => null,
        };
    }

    /// <summary>The type of <c>-x</c>: the number's or the interval's own.</summary>
    public static string? Negated(string operand) => Array.IndexOf(Numbers, operand) >= 0 || operand == "interval" ? operand : null;

    private static string? Numeric(int left, char symbol, int right)
    {
        var real = Array.IndexOf(Numbers, "real");
        var widest = Math.Max(left, right);

        // real and double precision have no % (42883).
        if (symbol == '%' && widest >= real) return null;
        if (widest == real && Math.Min(left, right) != real) return "double precision";
        return Numbers[widest];
    }

    // The + operators, one way round (the other is tried too): date + integer, date + time,
    // a timestamp, date or time + interval, interval + interval.
    private static string? Plus(string left, string right) => (left, right) switch
    {
        ("date", "integer" or "smallint") => "date",
        ("date", "time without time zone") => Timestamp,
        ("date", "interval") => Timestamp,
        (Timestamp or TimestampTz or "time without time zone" or "interval", "interval") => left,
        _ => null,
    };

    private static string? Minus(string left, string right) => (left, right) switch
    {
        ("date", "date") => "integer",
        ("date", "integer" or "smallint") => "date",
        ("date", "interval") => Timestamp,
        (Timestamp or TimestampTz or "time without time zone" or "interval", "interval") => left,
        (Timestamp or TimestampTz or "date", Timestamp or TimestampTz or "date") => "interval",
        _ => null,
    };

    // interval * number and interval / number (and number * interval): an interval.
    private static string? Scaled(string left, string right)
        => left == "interval" && Array.IndexOf(Numbers, right) >= 0 ? "interval" : null;
}
