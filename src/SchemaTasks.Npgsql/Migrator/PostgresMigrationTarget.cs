using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using SchemaTasks.Migrator;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Migrator;

/// <summary>A PostgreSQL database a migrator works on, over one open connection the caller owns.</summary>
internal sealed partial class PostgresMigrationTarget : IRepairTarget
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private readonly string _table;
    private readonly string _insertSql;
    private readonly string _insertSuccessSql;
    private readonly string _insertPipelinedSql;

    private PostgresMigrationTarget(NpgsqlConnection connection, string schema)
    {
        _connection = connection;
        _schema = schema;
        _table = Quote(schema) + "." + Quote(MigrationHistoryKind.SchemaTasks.DefaultTable());
        _insertSql = InsertSql(_table, "@started", "@finished");

        // Written in the migration's own batch, before the client sees its statements finish:
        // the server measures the time since BEGIN (now() is the transaction's start), added to
        // the client's start time so both columns stay on the client's clock as in other rows.
        _insertSuccessSql = InsertSql(_table, "@started", "@started + (pg_catalog.clock_timestamp() - pg_catalog.now())");

        // Migrations sent together start when the server reaches them, which the client does
        // not see: both times are the server's (its transaction start and the moment of the row).
        _insertPipelinedSql = InsertSql(_table, "pg_catalog.now()", "pg_catalog.clock_timestamp()");
    }

    /// <summary>
    /// Fixes the schema of the history table now: a migration may change <c>search_path</c>,
    /// and its history row must still go where the next run looks.
    /// </summary>
    public static async Task<PostgresMigrationTarget> CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_schema()", connection);
        var schema = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new SchemaTasksException(
                Diagnostics.DiagnosticCodes.InvalidConnectionString,
                $"Database '{connection.Database}' has no current schema: no schema on the search_path exists. Create the schema or set Search Path in the connection string.");
        return new PostgresMigrationTarget(connection, schema);
    }

    public Task AcquireLockAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        PostgresMigrationLock.AcquireAsync(_connection, timeout, cancellationToken);

    public Task ReleaseLockAsync(CancellationToken cancellationToken) =>
        PostgresMigrationLock.ReleaseAsync(_connection, cancellationToken);

    public async Task EnsureHistoryTableAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SchemaTasksHistoryTable.Create.Replace("EXISTS schematasks_history", "EXISTS " + _table, StringComparison.Ordinal), _connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<MigrationHistory> ReadHistoryAsync(CancellationToken cancellationToken) =>
        new PostgresMigrationHistoryReader(_connection, MigrationHistoryKind.SchemaTasks, _schema).ReadAsync(cancellationToken);

    public async Task<IReadOnlyList<MigrationHistory>> ReadOtherToolHistoriesAsync(CancellationToken cancellationToken)
    {
        var histories = new List<MigrationHistory>();
        foreach (var kind in await PostgresMigrationHistoryReader.DetectAsync(_connection, _schema, cancellationToken).ConfigureAwait(false))
        {
            if (kind == MigrationHistoryKind.SchemaTasks) continue;
            histories.Add(await new PostgresMigrationHistoryReader(_connection, kind).ReadAsync(cancellationToken).ConfigureAwait(false));
        }

        return histories;
    }

    public Task<MigrationApplied> ApplyAsync(EmbeddedMigration migration, AppliedScript script, string appliedBy, CancellationToken cancellationToken)
    {
        var statements = SqlScript.Split(script.Text, SqlDialect.Postgres, script.FirstLine);
        return ApplyAsync(migration, statements, PostgresTransactionRule.Decide(script.Text, statements, script.NoTransaction), appliedBy, cancellationToken);
    }

    // One migration whose statements and transaction rule are known.
    private async Task<MigrationApplied> ApplyAsync(EmbeddedMigration migration, IReadOnlyList<SqlScriptStatement> statements, TransactionDecision decision, string appliedBy, CancellationToken cancellationToken)
    {
        var row = new HistoryRow(migration, appliedBy, DateTime.UtcNow);
        var clock = Stopwatch.StartNew();
        if (decision.InTransaction)
        {
            await ApplyInTransactionAsync(statements, row, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ApplyStatementByStatementAsync(migration, statements, row, decision.Reason!, cancellationToken).ConfigureAwait(false);
        }

        return new MigrationApplied(migration.Id, migration.Name, statements.Count, decision.InTransaction, clock.Elapsed);
    }

    private async Task ApplyInTransactionAsync(IReadOnlyList<SqlScriptStatement> statements, HistoryRow row, CancellationToken cancellationToken)
    {
        (string Recorded, PostgresException Error)? failed;
        try
        {
            failed = await RunInOneRoundTripAsync(statements, row, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // Npgsql parses every command without parameters and refuses a batch command in which
            // it sees several statements (a BEGIN ATOMIC body, which its parser does not know). It
            // refuses before sending anything, so the migration runs command by command instead.
            failed = await RunCommandByCommandAsync(statements, row, cancellationToken).ConfigureAwait(false);
        }

        if (failed is var (recorded, failure)) throw await RecordRolledBackAsync(row, recorded, failure).ConfigureAwait(false);
    }

    // Recorded after the rollback, in its own transaction: the failure must outlive the
    // migration's changes so the next start refuses and names it.
    private async Task<SchemaTasksException> RecordRolledBackAsync(HistoryRow row, string recorded, PostgresException failure)
    {
        await WriteRowAsync(row with { Error = MigrationFailure.RolledBackPrefix + recorded }, null, CancellationToken.None).ConfigureAwait(false);
        return MigrationFailure.Exception(row.Migration, recorded, "It ran in one transaction, which was rolled back: nothing of it remains.", failure);
    }

    // BEGIN, the statements, the history row and COMMIT in one batch: one round trip per
    // migration instead of one per statement. Each statement is still its own command, so the
    // server's error names the command that failed, and with it the statement and its line.
    private async Task<(string Recorded, PostgresException Error)?> RunInOneRoundTripAsync(IReadOnlyList<SqlScriptStatement> statements, HistoryRow row, CancellationToken cancellationToken)
    {
        // No timeout: building an index can take hours; the caller's token stops it.
        await using var batch = new NpgsqlBatch(_connection) { Timeout = 0 };
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        var success = new NpgsqlBatchCommand(_insertSuccessSql);
        AddRowParameters(success.Parameters, row with { Success = true });
        batch.BatchCommands.Add(success);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (PostgresException error) when (error.BatchCommand is { } command && batch.BatchCommands.IndexOf(command) - 1 is var index && index >= 0 && index < statements.Count)
        {
            // The server skipped the rest of the batch, COMMIT included; the transaction is aborted.
            await ExecuteAsync("ROLLBACK", CancellationToken.None).ConfigureAwait(false);
            return (MigrationFailure.Recorded(index, statements.Count, statements[index], error.MessageText), error);
        }
        catch (Exception error) when (error is not NotSupportedException)
        {
            await RollBackQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    // The history row or COMMIT failed, the run was cancelled or the connection broke: leave no
    // transaction open (the advisory lock is released next, on this session). ROLLBACK outside a
    // transaction is only a warning; a broken connection is reported by the original error.
    private async Task RollBackQuietlyAsync()
    {
        try
        {
            await ExecuteAsync("ROLLBACK", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken (closed by Npgsql): the server ends the session's transaction.
        }
    }

    private async Task<(string Recorded, PostgresException Error)?> RunCommandByCommandAsync(IReadOnlyList<SqlScriptStatement> statements, HistoryRow row, CancellationToken cancellationToken)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var failed = await RunAsync(statements, transaction, cancellationToken).ConfigureAwait(false);
        if (failed is null)
        {
            await WriteRowAsync(row with { FinishedAt = DateTime.UtcNow, Success = true }, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        return failed;
    }

    private async Task ApplyStatementByStatementAsync(EmbeddedMigration migration, IReadOnlyList<SqlScriptStatement> statements, HistoryRow row, string reason, CancellationToken cancellationToken)
    {
        // A row saying "failed" is written first, so a process that dies half-way leaves the
        // failure on record instead of a migration that looks never started.
        await WriteRowAsync(row, null, cancellationToken).ConfigureAwait(false);
        if (await PostgresStatements.RunNamingFailedAsync(_connection, statements, null, cancellationToken).ConfigureAwait(false) is var (recorded, failure, index))
        {
            var (error, outcome) = await PostgresOwnTransaction.AfterFailureAsync(_connection, statements, index, recorded, reason).ConfigureAwait(false);
            await WriteRowAsync(row with { Error = error }, null, CancellationToken.None).ConfigureAwait(false);
            throw MigrationFailure.Exception(migration, recorded, outcome, failure);
        }

        await WriteRowAsync(row with { FinishedAt = DateTime.UtcNow, Success = true }, null, cancellationToken).ConfigureAwait(false);
    }

    private Task<(string Recorded, PostgresException Error)?> RunAsync(IReadOnlyList<SqlScriptStatement> statements, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        PostgresStatements.RunAsync(_connection, statements, transaction, cancellationToken);

    private async Task WriteRowAsync(HistoryRow row, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_insertSql, _connection, transaction);
        AddRowParameters(command.Parameters, row);
        command.Parameters.AddWithValue("finished", NpgsqlDbType.TimestampTz, (object?)row.FinishedAt ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddRowParameters(NpgsqlParameterCollection parameters, HistoryRow row, bool startedByClient = true)
    {
        parameters.AddWithValue("id", NpgsqlDbType.Varchar, row.Migration.Id);
        parameters.AddWithValue("name", NpgsqlDbType.Varchar, Limit(row.Migration.Name));
        parameters.AddWithValue("checksum", NpgsqlDbType.Char, row.Migration.Sha256);
        if (startedByClient) parameters.AddWithValue("started", NpgsqlDbType.TimestampTz, row.StartedAt);
        parameters.AddWithValue("success", NpgsqlDbType.Boolean, row.Success);
        parameters.AddWithValue("error", NpgsqlDbType.Text, (object?)row.Error ?? DBNull.Value);
        parameters.AddWithValue("by", NpgsqlDbType.Varchar, Limit(row.AppliedBy));
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // A retried migration replaces its failed row.
    private static string InsertSql(string table, string startedAt, string finishedAt) => $"""
        INSERT INTO {table} (migration_id, name, checksum, started_at, finished_at, success, error, applied_by)
        VALUES (@id, @name, @checksum, {startedAt}, {finishedAt}, @success, @error, @by)
        ON CONFLICT (migration_id) DO UPDATE SET name = EXCLUDED.name, checksum = EXCLUDED.checksum,
            started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, success = EXCLUDED.success,
            error = EXCLUDED.error, applied_by = EXCLUDED.applied_by
        """;

    public bool NothingRemains(AppliedMigration row) =>
        row.Error?.StartsWith(MigrationFailure.RolledBackPrefix, StringComparison.Ordinal) == true;

    private static string Limit(string text) => text.Length <= 255 ? text : text[..255];

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record HistoryRow(EmbeddedMigration Migration, string AppliedBy, DateTime StartedAt)
    {
        public DateTime? FinishedAt { get; init; }

        public bool Success { get; init; }

        public string? Error { get; init; }
    }
}
