using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB: the collation a column definition gives its column, which decides whether a MODIFY
/// changes a column a foreign key uses (refused, error 1832 or 1833, even with
/// <c>foreign_key_checks = 0</c>). Defaults are MariaDB 10.11's
/// (<c>information_schema.CHARACTER_SETS.DEFAULT_COLLATE_NAME</c>); <see langword="null"/> when
/// the migrations cannot tell it (the database's default, or a name without a charset).
/// </summary>
internal static class MariaDbColumnCollations
{
    // The charsets whose default collation is not '<charset>_general_ci'.
    private static readonly Dictionary<string, string> DefaultCollations = new(StringComparer.Ordinal)
    {
        ["big5"] = "big5_chinese_ci", ["binary"] = "binary", ["cp932"] = "cp932_japanese_ci", ["dec8"] = "dec8_swedish_ci",
        ["eucjpms"] = "eucjpms_japanese_ci", ["euckr"] = "euckr_korean_ci", ["gb2312"] = "gb2312_chinese_ci", ["gbk"] = "gbk_chinese_ci",
        ["hp8"] = "hp8_english_ci", ["latin1"] = "latin1_swedish_ci", ["latin5"] = "latin5_turkish_ci", ["sjis"] = "sjis_japanese_ci",
        ["swe7"] = "swe7_swedish_ci", ["tis620"] = "tis620_thai_ci", ["ujis"] = "ujis_japanese_ci",
    };

    /// <summary>The collation of a column defined as <paramref name="column"/> in a table whose charsets are <paramref name="table"/>.</summary>
    public static string? For(ColumnSpec column, TableCharsets table)
    {
        var charset = column.Charset is { } own ? MySqlCharsets.Named(own) : table.Default;
        if (column.Collation is { } written)
        {
            return written == DdlParser.BinaryAttributeCollation
                ? string.IsNullOrEmpty(charset) ? null : Normalized(charset + "_bin")
                : Normalized(written);
        }

        return column.Charset is null ? OfTableDefault(table) : DefaultOf(charset);
    }

    /// <summary>The collation a column that names neither a charset nor a collation takes in a table whose charsets are <paramref name="table"/>: the table's.</summary>
    public static string? OfTableDefault(TableCharsets table)
        => table.DefaultCollation is { } tableCollation ? Normalized(tableCollation) : DefaultOf(table.Default);

    /// <summary>The collation <c>CONVERT TO CHARACTER SET <paramref name="charset"/> [COLLATE <paramref name="written"/>]</c> gives a character column.</summary>
    public static string? Converted(string? charset, string? written) => written is not null ? Normalized(written) : DefaultOf(charset);

    private static string? DefaultOf(string? charset)
        => string.IsNullOrEmpty(charset) ? null : DefaultCollations.TryGetValue(charset, out var collation) ? collation : charset + "_general_ci";

    // utf8_bin is utf8mb3_bin under MariaDB's default old_mode=UTF8_IS_UTF8MB3.
    private static string? Normalized(string collation)
    {
        var name = collation.ToLowerInvariant();
        if (name.StartsWith("utf8_", StringComparison.Ordinal)) name = "utf8mb3_" + name.Substring(5);
        return MySqlCharsets.OfCollation(name) == MySqlCharsets.Unknown ? null : name;
    }
}
