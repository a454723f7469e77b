using System.Diagnostics;
using Npgsql;
using SchemaTasks.Migrator;
using SchemaTasks.Migrator.ToolHistories;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>
/// A PostgreSQL database whose migrations are recorded in another tool's history table, as that
/// tool records them (<see cref="MigrateOptions.History"/>), under the tool's advisory lock.
/// </summary>
internal sealed class PostgresToolHistoryTarget : IMigrationTarget
{
    private readonly NpgsqlConnection _connection;
    private readonly ToolHistoryWriter _writer;
    private readonly IReadOnlyList<EmbeddedMigration> _migrations;
    private readonly string _schema;
    private readonly long _lockKey;

    private PostgresToolHistoryTarget(NpgsqlConnection connection, ToolHistoryWriter writer, IReadOnlyList<EmbeddedMigration> migrations, string schema, long lockKey)
    {
        _connection = connection;
        _writer = writer;
        _migrations = migrations;
        _schema = schema;
        _lockKey = lockKey;
    }

    /// <summary>
    /// Fixes the table's schema now (the tool's own, else the current one): a migration may change
    /// <c>search_path</c>, and its row must still go where the tool looks.
    /// </summary>
    /// <exception cref="SchemaTasksException"><c>ST7006</c>: the migrator does not write <paramref name="kind"/>'s history for these migrations.</exception>
    public static async Task<PostgresToolHistoryTarget> CreateAsync(NpgsqlConnection connection, EmbeddedMigrations migrations, MigrationHistoryKind kind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_database(), current_schema()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var database = reader.GetString(0);
        var current = reader.IsDBNull(1) ? null : reader.GetString(1);
        await reader.DisposeAsync().ConfigureAwait(false);

        var schema = kind.DefaultPostgresSchema() ?? current
            ?? throw new SchemaTasksException(
                Diagnostics.DiagnosticCodes.InvalidConnectionString,
                $"Database '{database}' has no current schema: no schema on the search_path exists. Create the schema or set Search Path in the connection string.");
        var table = Quote(schema) + "." + Quote(kind.DefaultPostgresTable());
        var writer = ToolHistoryWriter.For(kind, migrations.Manifest.Layout, SqlDialect.Postgres, table)!;
        return new PostgresToolHistoryTarget(connection, writer, migrations.Migrations, schema, writer.PostgresLockKey(database, schema) ?? PostgresMigrationLock.Key);
    }

    public Task AcquireLockAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        PostgresMigrationLock.AcquireAsync(_connection, timeout, cancellationToken, _lockKey);

    public Task ReleaseLockAsync(CancellationToken cancellationToken) =>
        PostgresMigrationLock.ReleaseAsync(_connection, cancellationToken, _lockKey);

    public async Task EnsureHistoryTableAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in _writer.CreateTable(Quote(_schema)))
        {
            await using var command = new NpgsqlCommand(statement, _connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<MigrationHistory> ReadHistoryAsync(CancellationToken cancellationToken) =>
        new PostgresMigrationHistoryReader(_connection, _writer.Kind, _schema).ReadAsync(cancellationToken);

    public async Task<MigrationApplied> ApplyAsync(EmbeddedMigration migration, AppliedScript script, string appliedBy, CancellationToken cancellationToken)
    {
        var statements = SqlScript.Split(script.Text, SqlDialect.Postgres, script.FirstLine);
        var decision = PostgresTransactionRule.Decide(script.Text, statements, script.NoTransaction);
        var clock = Stopwatch.StartNew();
        await _writer.Started(migration).RunInOwnTransactionAsync(_connection, cancellationToken).ConfigureAwait(false);

        var transaction = decision.InTransaction ? await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        await using (transaction)
        {
            var failed = await PostgresStatements.RunNamingFailedAsync(_connection, statements, transaction, cancellationToken).ConfigureAwait(false);
            if (failed is var (recorded, error, index))
            {
                if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                var outcome = "It ran in one transaction, which was rolled back: nothing of it remains.";
                if (transaction is null) (_, outcome) = await PostgresOwnTransaction.AfterFailureAsync(_connection, statements, index, recorded, decision.Reason!).ConfigureAwait(false);
                await _writer.Failed(migration, recorded).RunInOwnTransactionAsync(_connection, CancellationToken.None).ConfigureAwait(false);
                throw MigrationFailure.InToolHistory(migration, recorded, outcome, _writer.AfterFailure(migration, _migrations), error);
            }

            await _writer.Finished(migration).RunAsync(_connection, transaction, cancellationToken).ConfigureAwait(false);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await _writer.Committed(migration, clock.Elapsed).RunInOwnTransactionAsync(_connection, cancellationToken).ConfigureAwait(false);
        return new MigrationApplied(migration.Id, migration.Name, statements.Count, decision.InTransaction, clock.Elapsed);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
