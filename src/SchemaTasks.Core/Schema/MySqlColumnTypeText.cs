using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// What <c>information_schema.COLUMNS</c> shows in <c>COLUMN_TYPE</c> and <c>DATA_TYPE</c> for a
/// column the catalog holds, for the type families whose text was checked against the server.
/// A migration that compares these with a string (<c>AND column_type != 'text'</c>) is decided
/// from it; a type outside the families has no text here, so the comparison stays undecided
/// rather than rest on a rendering the server may not share.
/// </summary>
/// <remarks>
/// MariaDB 10.11 was checked for every family below. MySQL 8 differs for integers (no display
/// width since 8.0.19, except <c>tinyint(1)</c> and ZEROFILL), JSON (<c>json</c>, where MariaDB
/// says <c>longtext</c>) and floating point, and no MySQL 8 server checked the rest; so for MySQL
/// only the string, binary, ENUM/SET, date and time and DECIMAL families are given, whose text
/// both servers document alike.
/// </remarks>
internal static class MySqlColumnTypeText
{
    // Families both servers render the same way. An ENUM or SET value with a quote, a backslash or
    // a character outside ASCII has an escaping that was not checked, so it is left out.
    private static readonly Regex Shared = new(
        @"^(?:(?:var)?char\(\d+\)|(?:var)?binary\(\d+\)|(?:tiny|medium|long)?(?:text|blob)|date|(?:datetime|timestamp|time)(?:\([1-6]\))?|decimal\(\d+,\d+\)|(?:enum|set)\('[\x20-\x26\x28-\x5b\x5d-\x7e]*'(?:,'[\x20-\x26\x28-\x5b\x5d-\x7e]*')*\))$",
        RegexOptions.CultureInvariant);

    // MariaDB only: integers with their display width, floating point, BIT, YEAR, its own types,
    // DECIMAL UNSIGNED, and ENUM/SET values with a doubled quote.
    private static readonly Regex MariaDbOnly = new(
        @"^(?:(?:tiny|small|medium|big)?int\(\d+\)(?: unsigned(?: zerofill)?)?|decimal\(\d+,\d+\) unsigned|(?:float|double)(?:\(\d+,\d+\))?|bit\(\d+\)|year\([24]\)|uuid|inet4|inet6|geometry|point|linestring|polygon|(?:enum|set)\('(?:[\x20-\x5b\x5d-\x7e]|'')*'(?:,'(?:[\x20-\x5b\x5d-\x7e]|'')*')*\))$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// The column's <c>COLUMN_TYPE</c> as the server shows it, or <see langword="null"/> when its
    /// family was not checked for <paramref name="dialect"/>.
    /// </summary>
    public static string? ColumnType(CatalogColumn column, SqlDialect dialect)
    {
        var type = column.Type;
        if (Shared.IsMatch(type)) return type;
        return dialect == SqlDialect.MariaDb && MariaDbOnly.IsMatch(type) ? type : null;
    }

    /// <summary>The column's <c>DATA_TYPE</c>: the type's name without its arguments and attributes; <see langword="null"/> as for <see cref="ColumnType"/>.</summary>
    public static string? DataType(CatalogColumn column, SqlDialect dialect)
    {
        if (ColumnType(column, dialect) is not { } type) return null;
        var end = type.IndexOfAny(['(', ' ']);
        return end < 0 ? type : type[..end];
    }
}
