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
        var statements = SqlScript.Split(script.Text, SqlDialect.MySql, script.FirstLine);
        var clock = Stopwatch.StartNew();
        await RunAsync(_writer.Started(migration), cancellationToken).ConfigureAwait(false);
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
                await RunAsync(_writer.Failed(migration, recorded), CancellationToken.None).ConfigureAwait(false);
                var outcome = i == 0
                    ? "No statement of it had run."
                    : $"MySQL commits DDL as it runs: statements 1 to {i} were applied and remain.";
                throw MigrationFailure.InToolHistory(migration, recorded, outcome, _writer.AfterFailure(migration, Previous(migration)), error);
            }
        }

        await RunAsync(_writer.Finished(migration), cancellationToken).ConfigureAwait(false);
        await RunAsync(_writer.Committed(migration, clock.Elapsed), cancellationToken).ConfigureAwait(false);
        return new MigrationApplied(migration.Id, migration.Name, statements.Count, false, clock.Elapsed);
    }

    private EmbeddedMigration? Previous(EmbeddedMigration migration)
    {
        var index = _migrations.ToList().IndexOf(migration);
        return index > 0 ? _migrations[index - 1] : null;
    }

    // Several commands (golang-migrate's delete and insert of its one row) go in one transaction.
    private async Task RunAsync(IReadOnlyList<HistoryCommand> commands, CancellationToken cancellationToken)
    {
        if (commands.Count == 0) return;
        await using var transaction = commands.Count > 1 ? await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        foreach (var history in commands)
        {
            await using var command = new MySqlCommand(history.Sql, _connection, transaction);
            foreach (var (name, value) in history.Parameters) command.Parameters.AddWithValue(name, value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (transaction is not null) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";
}
