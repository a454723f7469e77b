using Npgsql;
using SchemaTasks.Migrator;
using SchemaTasks.Sql;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>Runs a migration's statements one command at a time, so a failure names its statement and line.</summary>
internal static class PostgresStatements
{
    /// <returns><see langword="null"/> when every statement ran; else the failure as the history records it, and the server's error.</returns>
    public static async Task<(string Recorded, PostgresException Error)?> RunAsync(NpgsqlConnection connection, IReadOnlyList<SqlScriptStatement> statements, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
        => await RunNamingFailedAsync(connection, statements, transaction, cancellationToken).ConfigureAwait(false) is var (recorded, error, _) ? (recorded, error) : null;

    /// <returns>As <see cref="RunAsync"/>, with the index of the statement that failed.</returns>
    public static async Task<(string Recorded, PostgresException Error, int Index)?> RunNamingFailedAsync(NpgsqlConnection connection, IReadOnlyList<SqlScriptStatement> statements, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            // No command timeout: building an index can take hours; the caller's token stops it.
            await using var command = new NpgsqlCommand(statements[i].Text, connection, transaction) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException error)
            {
                return (MigrationFailure.Recorded(i, statements.Count, statements[i], error.MessageText), error, i);
            }
        }

        return null;
    }
}
