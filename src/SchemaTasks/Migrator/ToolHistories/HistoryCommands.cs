using System.Data.Common;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>Runs a tool history's commands over a provider's connection, the same way for every provider.</summary>
internal static class HistoryCommands
{
    /// <summary>Runs <paramref name="commands"/> in order, in <paramref name="transaction"/> when there is one.</summary>
    public static async Task RunAsync(this IReadOnlyList<HistoryCommand> commands, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        foreach (var history in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = history.Sql;
            command.Transaction = transaction;
            foreach (var (name, value) in history.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs <paramref name="commands"/> in a transaction of their own, so several (golang-migrate's
    /// delete and insert of its one row) are recorded together; nothing when there are none.
    /// </summary>
    public static async Task RunInOwnTransactionAsync(this IReadOnlyList<HistoryCommand> commands, DbConnection connection, CancellationToken cancellationToken)
    {
        if (commands.Count == 0) return;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await commands.RunAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
