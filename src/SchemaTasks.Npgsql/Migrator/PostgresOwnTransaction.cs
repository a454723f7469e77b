using System.Text.RegularExpressions;
using Npgsql;
using SchemaTasks.Migrator;
using SchemaTasks.Sql;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>
/// A migration run statement by statement may open its own transaction (<c>BEGIN; ... COMMIT;</c>).
/// When a statement inside it fails, the session is left in an aborted transaction block: the
/// server refuses every command but <c>ROLLBACK</c> (SQLSTATE 25P02), the history row included,
/// and nothing since that <c>BEGIN</c> remains once it is rolled back.
/// </summary>
internal static partial class PostgresOwnTransaction
{
    private const string InFailedTransaction = "25P02";

    /// <summary>
    /// After statement <paramref name="failed"/> of a migration run without a transaction
    /// failed: ends the transaction block it may have left aborted, and says what remains.
    /// </summary>
    /// <returns>The error the history records (marked rolled back when nothing remains) and the outcome for the exception.</returns>
    public static async Task<(string Error, string Outcome)> AfterFailureAsync(NpgsqlConnection connection, IReadOnlyList<SqlScriptStatement> statements, int failed, string recorded, string reason)
    {
        var ran = $"It ran without a transaction ({reason})";
        if (!await RollBackAbortedAsync(connection).ConfigureAwait(false))
        {
            return (recorded, $"{ran}, so the statements before the failing one were committed.");
        }

        var opened = OpenedAt(statements, failed);
        return opened switch
        {
            0 => (MigrationFailure.RolledBackPrefix + recorded, $"{ran}, and the failing statement ran in the transaction its first statement opened, which was rolled back: nothing of it remains."),
            > 0 => (recorded, $"{ran}, and the failing statement ran in the transaction the migration opened on line {statements[opened].Line}, which was rolled back: the statements before that line were committed, none after it remain."),
            _ => (recorded, $"{ran}, and the failing statement ran in a transaction the migration opened, which was rolled back: the statements before that transaction began were committed, none after it remain."),
        };
    }

    /// <summary>
    /// Ends the transaction block a failed statement left aborted, if any, so the failure can be
    /// recorded. The server, not the migration's text, says whether there is one: a probe that
    /// it refuses with 25P02.
    /// </summary>
    /// <returns>Whether an aborted transaction was rolled back.</returns>
    public static async Task<bool> RollBackAbortedAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            return false;
        }
        catch (PostgresException error) when (error.SqlState == InFailedTransaction)
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>The index of the statement that opened the transaction statement <paramref name="failed"/> ran in; -1 when none is found.</summary>
    public static int OpenedAt(IReadOnlyList<SqlScriptStatement> statements, int failed)
    {
        for (var i = failed - 1; i >= 0; i--)
        {
            var text = statements[i].Text;
            if (Opens().IsMatch(text)) return i;
            if (Ends().IsMatch(text)) return -1;
        }

        return -1;
    }

    // BEGIN [WORK | TRANSACTION], START TRANSACTION, and COMMIT/ROLLBACK AND CHAIN, which opens the next one.
    [GeneratedRegex(@"^\s*(BEGIN\b(?!\s+ATOMIC)|START\s+TRANSACTION\b|(COMMIT|END|ROLLBACK|ABORT)\b.*\bAND\s+CHAIN\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Opens();

    // COMMIT, END, ROLLBACK (not ROLLBACK TO a savepoint), ABORT, and their PREPARE TRANSACTION kin.
    [GeneratedRegex(@"^\s*(COMMIT|END|ABORT|ROLLBACK(?!\s+(WORK\s+|TRANSACTION\s+)?TO\b)|PREPARE\s+TRANSACTION)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ends();
}
