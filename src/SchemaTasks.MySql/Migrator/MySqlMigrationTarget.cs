using System.Diagnostics;
using MySqlConnector;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.History;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Migrator;

/// <summary>A MySQL or MariaDB database a migrator works on, over one open connection the caller owns.</summary>
internal sealed partial class MySqlMigrationTarget(MySqlConnection connection, string database) : IRepairTarget
{
    // Qualified: a migration may USE another database, and its history row must still go here.
    private readonly string _table = Quote(database) + "." + Quote(MigrationHistoryKind.SchemaTasks.DefaultTable());

    public Task AcquireLockAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        MySqlMigrationLock.AcquireAsync(connection, database, timeout, cancellationToken);

    public Task ReleaseLockAsync(CancellationToken cancellationToken) =>
        MySqlMigrationLock.ReleaseAsync(connection, database, cancellationToken);

    public async Task EnsureHistoryTableAsync(CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(SchemaTasksHistoryTable.Create.Replace("EXISTS schematasks_history", "EXISTS " + _table, StringComparison.Ordinal), connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<MigrationHistory> ReadHistoryAsync(CancellationToken cancellationToken) =>
        new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.SchemaTasks, database).ReadAsync(cancellationToken);

    public async Task<IReadOnlyList<MigrationHistory>> ReadOtherToolHistoriesAsync(CancellationToken cancellationToken)
    {
        var histories = new List<MigrationHistory>();
        foreach (var kind in await MySqlMigrationHistoryReader.DetectAsync(connection, database, cancellationToken).ConfigureAwait(false))
        {
            if (kind == MigrationHistoryKind.SchemaTasks) continue;
            histories.Add(await new MySqlMigrationHistoryReader(connection, kind, database).ReadAsync(cancellationToken).ConfigureAwait(false));
        }

        return histories;
    }

    public async Task<MigrationApplied> ApplyAsync(EmbeddedMigration migration, AppliedScript script, string appliedBy, CancellationToken cancellationToken)
    {
        var statements = script.Split(SqlDialect.MySql);
        var clock = Stopwatch.StartNew();

        // The row says "failed, 0 statements" before anything runs, so a process that dies
        // half-way leaves an exact record of how far it got.
        await StartRowAsync(migration, appliedBy, cancellationToken).ConfigureAwait(false);
        var tablesLocked = false;
        for (var i = 0; i < statements.Count; i++)
        {
            // No command timeout: a table rebuild can take hours; the caller's token stops it.
            await using var command = new MySqlCommand(statements[i].Text, connection) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException error)
            {
                var recorded = MigrationFailure.Recorded(i, statements.Count, statements[i], error.Message);
                if (tablesLocked)
                {
                    await MySqlTableLocks.ReleaseAsync(connection, CancellationToken.None).ConfigureAwait(false);
                    await UpdateRowAsync("statements_applied = @n", "@n", i, migration.Id, CancellationToken.None).ConfigureAwait(false);
                }

                await UpdateRowAsync("error = @error", "@error", recorded, migration.Id, CancellationToken.None).ConfigureAwait(false);
                var outcome = i == 0
                    ? "No statement of it had run."
                    : $"MySQL commits DDL as it runs: statements 1 to {i} were applied and remain; the history records statements_applied = {i}.";
                throw MigrationFailure.Exception(migration, recorded, outcome, error);
            }

            // While the migration holds table locks the history table is out of reach; the count
            // catches up once they are released (a process that dies meanwhile undercounts).
            tablesLocked = MySqlTableLocks.HeldAfter(tablesLocked, statements[i].Text);
            if (!tablesLocked) await UpdateRowAsync("statements_applied = @n", "@n", i + 1, migration.Id, CancellationToken.None).ConfigureAwait(false);
        }

        if (tablesLocked)
        {
            await MySqlTableLocks.ReleaseAsync(connection, CancellationToken.None).ConfigureAwait(false);
            await UpdateRowAsync("statements_applied = @n", "@n", statements.Count, migration.Id, CancellationToken.None).ConfigureAwait(false);
        }

        await UpdateRowAsync("success = TRUE, finished_at = @at", "@at", DateTime.UtcNow, migration.Id, cancellationToken).ConfigureAwait(false);
        return new MigrationApplied(migration.Id, migration.Name, statements.Count, false, clock.Elapsed);
    }

    private async Task StartRowAsync(EmbeddedMigration migration, string appliedBy, CancellationToken cancellationToken)
    {
        var sql = $"""
            INSERT INTO {_table} (migration_id, name, checksum, started_at, finished_at, success, error, applied_by, statements_applied)
            VALUES (@id, @name, @checksum, @started, NULL, FALSE, NULL, @by, 0)
            ON DUPLICATE KEY UPDATE name = VALUES(name), checksum = VALUES(checksum), started_at = VALUES(started_at),
                finished_at = NULL, success = FALSE, error = NULL, applied_by = VALUES(applied_by), statements_applied = 0
            """;
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@id", migration.Id);
        command.Parameters.AddWithValue("@name", Limit(migration.Name));
        command.Parameters.AddWithValue("@checksum", migration.Sha256);
        command.Parameters.AddWithValue("@started", DateTime.UtcNow);
        command.Parameters.AddWithValue("@by", Limit(appliedBy));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateRowAsync(string set, string parameter, object value, string id, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand($"UPDATE {_table} SET {set} WHERE migration_id = @id", connection);
        command.Parameters.AddWithValue(parameter, value);
        command.Parameters.AddWithValue("@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // A statement that failed left nothing (MySQL DDL is atomic per statement); a row with no
    // error belongs to a process that died, and its last statement may have run uncounted.
    public bool NothingRemains(AppliedMigration row) => row.Error is not null && row.StepsApplied == 0;

    public async Task DeleteRowAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand($"DELETE FROM {_table} WHERE migration_id = @id AND NOT success", connection);
        command.Parameters.AddWithValue("@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Limit(string text) => text.Length <= 255 ? text : text[..255];

    private static string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";
}
