using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// What MariaDB's <c>information_schema.COLUMNS.COLUMN_DEFAULT</c> holds for a column the catalog
/// holds, for the cases checked against MariaDB 10.11: a column without a default shows the
/// string <c>'NULL'</c> when it is nullable (generated columns too) and SQL NULL when it is NOT
/// NULL; a string default is quoted as written in SQL (<c>'a''b'</c>) on VARCHAR and TEXT
/// columns, and on DATE, DATETIME, TIME, ENUM and SET columns when written in the form the server
/// stores; a number default on an integer or DECIMAL column is the number at the column's scale; a BIT
/// default is a bit literal (<c>b'101'</c>). Anything
/// else (<c>current_timestamp()</c>, which the catalog keeps as <c>current_timestamp</c>, an
/// expression, a FLOAT, a TIMESTAMP without a default) has no text here. MySQL 8 shows defaults
/// unquoted and without the <c>'NULL'</c> string, and was not checked: it has none either.
/// </summary>
internal static class MariaDbColumnDefaultText
{
    // The server stores these types' defaults as they are written only in their canonical form
    // ('2020-1-1' shows as '2020-01-01', a CHAR drops trailing spaces, an ENUM takes the
    // declared case, a DECIMAL is rounded to its scale): other forms have no text here.
    private static readonly Regex StringTypes = new(@"^(?:varchar\(\d+\)|(?:tiny|medium|long)?text)$", RegexOptions.CultureInvariant);

    private static readonly Regex QuotedLiteral = new(@"^'(?:[^'\\]|'')*(?<! )'$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly Regex IntegerType = new(@"^(?:tiny|small|medium|big)?int\(\d+\)(?: unsigned)?$", RegexOptions.CultureInvariant);

    private static readonly Regex IntegerLiteral = new(@"^-?(?:0|[1-9]\d*)$", RegexOptions.CultureInvariant);

    // The catalog stores a BIT default as the server shows it (StoredDefaults): b'101'.
    private static readonly Regex BitLiteral = new(@"^b'(?:0|1[01]*)'$", RegexOptions.CultureInvariant);

    private static readonly Regex DecimalType = new(@"^decimal\(\d+,(\d+)\)(?: unsigned)?$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, Regex> CanonicalTimes = new(StringComparer.Ordinal)
    {
        ["date"] = new(@"^'\d{4}-\d{2}-\d{2}'$", RegexOptions.CultureInvariant),
        ["datetime"] = new(@"^'\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}'$", RegexOptions.CultureInvariant),
        ["time"] = new(@"^'\d{2}:\d{2}:\d{2}'$", RegexOptions.CultureInvariant),
    };

    /// <summary>
    /// The cell's value: a string, <see cref="MySqlUserExpression.NullValue"/> for SQL NULL, or
    /// <see langword="null"/> when the text was not checked (and for MySQL 8).
    /// </summary>
    public static object? Of(CatalogColumn column, SqlDialect dialect)
    {
        if (dialect != SqlDialect.MariaDb || MySqlColumnTypeText.ColumnType(column, dialect) is not { } type) return null;
        if (column.Default is not { } value)
        {
            // A TIMESTAMP may have a default the server gives it (explicit_defaults_for_timestamp=OFF).
            return type.StartsWith("timestamp", StringComparison.Ordinal) ? null : column.IsNullable ? "NULL" : MySqlUserExpression.NullValue;
        }

        if (IntegerType.IsMatch(type)) return IntegerLiteral.IsMatch(value) ? value : null;
        if (type.StartsWith("bit(", StringComparison.Ordinal)) return BitLiteral.IsMatch(value) ? value : null;
        if (DecimalType.Match(type) is { Success: true } decimalType) return IsDecimal(value, int.Parse(decimalType.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) ? value : null;
        if (!QuotedLiteral.IsMatch(value)) return null;
        if (StringTypes.IsMatch(type)) return value;
        if (CanonicalTimes.TryGetValue(type, out var canonical)) return canonical.IsMatch(value) ? value : null;
        if (column.InlineValues is { Kind: InlineValueKind.Enum or InlineValueKind.Set } inline && (type.StartsWith("enum(", StringComparison.Ordinal) || type.StartsWith("set(", StringComparison.Ordinal)))
        {
            // One declared value exactly as declared: the server shows another case, or a SET's values in another order, as it stores them.
            return inline.Values.Any(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'" == value) ? value : null;
        }

        return null;
    }

    // A number with exactly the scale's digits after the point, as the server shows it.
    private static bool IsDecimal(string value, int scale)
    {
        var point = value.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? value : value[..point];
        if (!IntegerLiteral.IsMatch(whole) || whole == "-0") return false;
        return scale == 0 ? point < 0 : point >= 0 && value.Length - point - 1 == scale && value[(point + 1)..].All(char.IsAsciiDigit);
    }
}
