using Npgsql;
using SchemaTasks.Migrator;
using SchemaTasks.Sql;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>
/// Consecutive migrations that each run in a transaction go to the server together: one round
/// trip for many, where one per migration would leave the server waiting on the client between
/// them. Each keeps its own BEGIN, history row and COMMIT, so each is still all or nothing and
/// recorded on its own. The server skips the rest of a batch after an error, so a failure
/// leaves the migrations before it applied and none after it.
/// </summary>
internal sealed partial class PostgresMigrationTarget
{
    // Bounds what one batch holds, so a release of many migrations is still several batches
    // and no single message grows without limit.
    private const int MaxPipelined = 100;
    private const int MaxPipelinedText = 1 << 20;

    public async Task ApplyAllAsync(IReadOnlyList<(EmbeddedMigration Migration, AppliedScript Script)> pending, string appliedBy, Action<MigrationApplied> onApplied, CancellationToken cancellationToken)
    {
        var group = new List<Pipelined>();
        var text = 0;
        foreach (var (migration, script) in pending)
        {
            var statements = SqlScript.Split(script.Text, SqlDialect.Postgres, script.FirstLine);
            var decision = PostgresTransactionRule.Decide(script.Text, statements, script.NoTransaction);
            if (!decision.InTransaction)
            {
                await ApplyGroupAsync(group, appliedBy, onApplied, cancellationToken).ConfigureAwait(false);
                (group, text) = ([], 0);
                onApplied(await ApplyAsync(migration, statements, decision, appliedBy, cancellationToken).ConfigureAwait(false));
                continue;
            }

            group.Add(new Pipelined(migration, statements, decision));
            text += script.Text.Length;
            if (group.Count == MaxPipelined || text >= MaxPipelinedText)
            {
                await ApplyGroupAsync(group, appliedBy, onApplied, cancellationToken).ConfigureAwait(false);
                (group, text) = ([], 0);
            }
        }

        await ApplyGroupAsync(group, appliedBy, onApplied, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyGroupAsync(List<Pipelined> group, string appliedBy, Action<MigrationApplied> onApplied, CancellationToken cancellationToken)
    {
        if (group.Count <= 1)
        {
            // One migration alone: the single-migration path, with its client-side timing.
            await ApplyEachAsync(group, appliedBy, onApplied, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Which migration and statement each batch command is; -1 for BEGIN, the row and COMMIT.
        var owners = new List<(int Migration, int Statement)>();
        await using var batch = new NpgsqlBatch(_connection) { Timeout = 0 };
        for (var m = 0; m < group.Count; m++)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            owners.Add((m, -1));
            for (var i = 0; i < group[m].Statements.Count; i++)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(group[m].Statements[i].Text));
                owners.Add((m, i));
            }

            var row = new NpgsqlBatchCommand(_insertPipelinedSql);
            AddRowParameters(row.Parameters, new HistoryRow(group[m].Migration, appliedBy, default) { Success = true }, startedByClient: false);
            batch.BatchCommands.Add(row);
            owners.Add((m, -1));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            owners.Add((m, -1));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // Npgsql refused a command before sending anything (see ApplyInTransactionAsync): one by one.
            await ApplyEachAsync(group, appliedBy, onApplied, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (PostgresException error) when (error.BatchCommand is { } command && batch.BatchCommands.IndexOf(command) is var index && index >= 0)
        {
            // The failing migration's transaction is aborted; those before it committed.
            await RollBackQuietlyAsync().ConfigureAwait(false);
            var (failed, statement) = owners[index];
            await ReportAsync(group, failed, onApplied).ConfigureAwait(false);
            if (statement < 0) throw;

            var one = group[failed];
            var recorded = MigrationFailure.Recorded(statement, one.Statements.Count, one.Statements[statement], error.MessageText);
            throw await RecordRolledBackAsync(new HistoryRow(one.Migration, appliedBy, DateTime.UtcNow), recorded, error).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Cancelled, or the connection broke: leave no transaction open; the migrations the
            // server committed before are recorded in the history.
            await RollBackQuietlyAsync().ConfigureAwait(false);
            throw;
        }

        await ReportAsync(group, group.Count, onApplied).ConfigureAwait(false);
    }

    // The client sees the group finish as a whole; each migration's own time is in its row.
    private async Task ReportAsync(List<Pipelined> group, int count, Action<MigrationApplied> onApplied)
    {
        if (count == 0) return;
        await using var command = new NpgsqlCommand($"SELECT migration_id, finished_at - started_at FROM {_table} WHERE migration_id = ANY(@ids)", _connection);
        command.Parameters.AddWithValue("ids", group.Take(count).Select(p => p.Migration.Id).ToArray());
        var durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false)) durations[reader.GetString(0)] = reader.GetTimeSpan(1);
        }

        for (var m = 0; m < count; m++)
        {
            var one = group[m];
            onApplied(new MigrationApplied(one.Migration.Id, one.Migration.Name, one.Statements.Count, true, durations.GetValueOrDefault(one.Migration.Id)));
        }
    }

    private async Task ApplyEachAsync(List<Pipelined> group, string appliedBy, Action<MigrationApplied> onApplied, CancellationToken cancellationToken)
    {
        foreach (var one in group)
        {
            onApplied(await ApplyAsync(one.Migration, one.Statements, one.Decision, appliedBy, cancellationToken).ConfigureAwait(false));
        }
    }

    private sealed record Pipelined(EmbeddedMigration Migration, IReadOnlyList<SqlScriptStatement> Statements, TransactionDecision Decision);
}
