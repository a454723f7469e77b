using System.Text.RegularExpressions;
using MySqlConnector;

namespace SchemaTasks.MySql.Migrator;

/// <summary>
/// Table locks a migration takes (mysqldump's output locks each table it fills). While a session
/// holds them the server refuses it every table it did not lock, the history table included
/// (error 1100), so the migrator records a migration's progress only while none are held, and
/// releases them itself where a client's session would end: after the migration, or when a
/// statement fails, before the failure is recorded.
/// </summary>
internal static partial class MySqlTableLocks
{
    /// <summary>
    /// Whether the session holds table locks after <paramref name="statement"/> ran, given whether
    /// it held them before: <c>LOCK TABLES</c> and <c>FLUSH TABLES ... WITH READ LOCK</c> take
    /// them; <c>UNLOCK TABLES</c>, and a transaction started, release them.
    /// </summary>
    public static bool HeldAfter(bool heldBefore, string statement)
    {
        var text = WithoutLeadingComments(statement);
        if (Takes().IsMatch(text)) return true;
        if (Releases().IsMatch(text)) return false;
        return heldBefore;
    }

    /// <summary>Releases the session's table locks (a no-op when it holds none).</summary>
    public static async Task ReleaseAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("UNLOCK TABLES", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Comments before the statement's first word (a versioned /*! comment is code, and kept).
    private static string WithoutLeadingComments(string statement)
    {
        var i = 0;
        while (i < statement.Length)
        {
            if (char.IsWhiteSpace(statement[i])) i++;
            else if (statement.AsSpan(i).StartsWith("--") || statement[i] == '#') i = LineEnd(statement, i);
            else if (statement.AsSpan(i).StartsWith("/*") && !statement.AsSpan(i).StartsWith("/*!"))
            {
                var end = statement.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? statement.Length : end + 2;
            }
            else break;
        }

        return statement[i..];
    }

    private static int LineEnd(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end + 1;
    }

    [GeneratedRegex(@"\A(?:LOCK\s+TABLES?|FLUSH\s+(?:LOCAL\s+|NO_WRITE_TO_BINLOG\s+)?TABLES?\b.*\bWITH\s+READ\s+LOCK)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Takes();

    [GeneratedRegex(@"\A(?:UNLOCK\s+TABLES?\b|START\s+TRANSACTION\b|BEGIN(?:\s+WORK)?\s*;?\s*\z)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Releases();
}
