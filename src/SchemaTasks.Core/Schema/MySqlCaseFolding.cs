using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a MySQL or MariaDB string column certainly compares without case for the ASCII letters,
/// though SchemaTasks does not keep collations: the collation its definition writes (<c>COLLATE</c>,
/// the <c>BINARY</c> attribute), else its charset's default one, else the table's, else the
/// database's, which is the server's default unless a migration set it. The default collation of
/// every charset but <c>binary</c> is case-insensitive on both servers (MariaDB 10.11's
/// <c>latin1_swedish_ci</c>, <c>utf8mb4_general_ci</c>; MySQL 8's <c>utf8mb4_0900_ai_ci</c>), and a
/// charset written without a collation takes that one, not the table's (checked on MariaDB 10.11).
/// </summary>
internal static class MySqlCaseFolding
{
    /// <summary>
    /// Whether the column <paramref name="column"/> defines compares ASCII letters without case, in
    /// a table of default charset <paramref name="tableCharset"/> and collation <paramref name="tableCollation"/> (<see langword="null"/> when not written).
    /// </summary>
    public static bool IgnoresCase(ColumnSpec column, string? tableCharset, string? tableCollation, MySqlSession session)
    {
        if (column.Collation is { } collation) return IsCaseInsensitive(collation);
        if (column.Charset is { } charset) return IsKnownTextCharset(charset);
        if (tableCollation is { } defaultCollation) return IsCaseInsensitive(defaultCollation);
        if (tableCharset is { } defaultCharset) return IsKnownTextCharset(defaultCharset);
        return !session.DatabaseCollationMayCompareCase;
    }

    /// <summary>
    /// The collation the migrations wrote for the column: its own <c>COLLATE</c>, else the table's
    /// default one when the column names no charset; <see langword="null"/> when it is a charset's
    /// default or the database's, which depend on the server's version and settings.
    /// </summary>
    public static string? WrittenCollation(ColumnSpec column, string? tableCollation)
        => column.Collation ?? (column.Charset is null ? tableCollation : null);

    /// <summary>
    /// Whether a collation named so compares ASCII letters without case: a <c>_ci</c> one, but not a
    /// Turkish or Azerbaijani one, where <c>I</c> is not the capital of <c>i</c>.
    /// </summary>
    public static bool IsCaseInsensitive(string collation)
        => collation.EndsWith("_ci", StringComparison.OrdinalIgnoreCase)
           && !collation.Contains("turkish", StringComparison.OrdinalIgnoreCase)
           && !collation.Contains("_tr_", StringComparison.OrdinalIgnoreCase)
           && !collation.Contains("_az_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The ASCII letters of <paramref name="value"/> in lower case, the rest as it is.</summary>
    public static string FoldAscii(string value)
    {
        var folded = value.ToCharArray();
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] is >= 'A' and <= 'Z') folded[i] = (char)(folded[i] + ('a' - 'A'));
        }

        return new string(folded);
    }

    // A charset both servers know other than binary: its default collation is case-insensitive.
    private static bool IsKnownTextCharset(string charset) => MySqlCharsets.MaxBytes(charset) is not null && charset != MySqlCharsets.Binary;
}
