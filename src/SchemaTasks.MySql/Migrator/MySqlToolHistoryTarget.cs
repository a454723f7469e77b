using System.Diagnostics;
using MySqlConnector;
using SchemaTasks.Migrator;
using SchemaTasks.Migrator.ToolHistories;
using SchemaTasks.MySql.History;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Migrator;

/// <summary>
/// A MySQL or MariaDB database whose migrations are recorded in another tool's history table, as
/// that tool records them (<see cref="MigrateOptions.History"/>), under the tool's named lock.
/// </summary>
internal sealed class MySqlToolHistoryTarget : IMigrationTarget
{
    private readonly MySqlConnection _connection;
    private readonly string _database;
    private readonly ToolHistoryWriter _writer;
    private readonly IReadOnlyList<EmbeddedMigration> _migrations;
    private readonly string? _lockName;

    /// <exception cref="SchemaTasksException"><c>ST7006</c>: the migrator does not write <paramref name="kind"/>'s history for these migrations.</exception>
    public MySqlToolHistoryTarget(MySqlConnection connection, string database, EmbeddedMigrations migrations, MigrationHistoryKind kind)
    {
        _connection = connection;
        _database = database;
        _migrations = migrations.Migrations;

        // Qualified: a migration may USE another database, and its row must still go here.
        _writer = ToolHistoryWriter.For(kind, migrations.Manifest.Layout, SqlDialect.MySql, Quote(database) + "." + Quote(kind.DefaultTable()))!;
        _lockName = _writer.MySqlLockName(database);
    }

    public Task AcquireLockAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        MySqlMigrationLock.AcquireAsync(_connection, _database, timeout, cancellationToken, _lockName);

    public Task ReleaseLockAsync(CancellationToken cancellationToken) =>
        MySqlMigrationLock.ReleaseAsync(_connection, _database, cancellationToken, _lockName);

    public async Task EnsureHistoryTableAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in _writer.CreateTable(null))
        {
            await using var command = new MySqlCommand(statement, _connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<MigrationHistory> ReadHistoryAsync(CancellationToken cancellationToken) =>
        new MySqlMigrationHistoryReader(_connection, _writer.Kind, _database).ReadAsync(cancellationToken);

    // MySQL commits DDL as it runs, so the statements run one by one, outside any transaction,
    // as every one of these tools runs them there.
    public async Task<MigrationApplied> ApplyAsync(EmbeddedMigration migration, AppliedScript script, string appliedBy, CancellationToken cancellationToken)
    {
        var statements = script.Split(SqlDialect.MySql);
        var clock = Stopwatch.StartNew();
        await _writer.Started(migration).RunInOwnTransactionAsync(_connection, cancellationToken).ConfigureAwait(false);
        var tablesLocked = false;
        for (var i = 0; i < statements.Count; i++)
        {
            // No command timeout: a table rebuild can take hours; the caller's token stops it.
            await using var command = new MySqlCommand(statements[i].Text, _connection) { CommandTimeout = 0 };
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException error)
            {
                var recorded = MigrationFailure.Recorded(i, statements.Count, statements[i], error.Message);
                if (tablesLocked) await MySqlTableLocks.ReleaseAsync(_connection, CancellationToken.None).ConfigureAwait(false);
                await _writer.Failed(migration, recorded).RunInOwnTransactionAsync(_connection, CancellationToken.None).ConfigureAwait(false);
                var outcome = i == 0
                    ? "No statement of it had run."
                    : $"MySQL commits DDL as it runs: statements 1 to {i} were applied and remain.";
                throw MigrationFailure.InToolHistory(migration, recorded, outcome, _writer.AfterFailure(migration, _migrations), error);
            }

            tablesLocked = MySqlTableLocks.HeldAfter(tablesLocked, statements[i].Text);
        }

        // The tool's client would end its session here, and the history table is out of reach until then.
        if (tablesLocked) await MySqlTableLocks.ReleaseAsync(_connection, CancellationToken.None).ConfigureAwait(false);

        await _writer.Finished(migration).RunInOwnTransactionAsync(_connection, cancellationToken).ConfigureAwait(false);
        await _writer.Committed(migration, clock.Elapsed).RunInOwnTransactionAsync(_connection, cancellationToken).ConfigureAwait(false);
        return new MigrationApplied(migration.Id, migration.Name, statements.Count, false, clock.Elapsed);
    }

    private static string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";
}
