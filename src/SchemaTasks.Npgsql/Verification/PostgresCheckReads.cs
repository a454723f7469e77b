using Npgsql;
using SchemaTasks.Verification;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Schema;

namespace SchemaTasks.Npgsql.Verification;

/// <summary>
/// What one check reads, in as few round trips as the database allows. The first batch holds
/// the detection of the history table (unless the options name the tool), the history of the
/// tool the options or the migrations' layout name, and the live schema. Detection confirms that
/// guess whenever the tool's table exists, so a migrated database is read in one round trip; a
/// database never migrated, one whose history belongs to another tool, and one with a failed
/// migration pay a second.
/// </summary>
internal static class PostgresCheckReads
{
    /// <summary>Reads the history and, when <see cref="SchemaCheckOptions.CompareSchema"/>, the live schema.</summary>
    /// <exception cref="SchemaTasksException"><c>ST6008</c>, <c>ST6009</c>: the history table is unreadable or ambiguous.</exception>
    public static async Task<(MigrationHistory History, Catalog? Live)> ReadAsync(
        NpgsqlConnection connection, ExpectedSchema expected, SchemaCheckOptions options, CancellationToken cancellationToken)
    {
        // The configured kind, else the layout's own: what detection chooses when no table exists.
        var guess = Reader(connection, expected.ChooseHistory(options, []), options);
        var first = await ReadBatchAsync(connection, guess, options.HistoryKind is null, options, cancellationToken).ConfigureAwait(false);
        var chosen = first.Found is { } found ? Reader(connection, expected.ChooseHistory(options, found), options) : guess;

        // Detection chose another tool's table: read its history alone when the first batch read
        // the schema, or send the batch again for it when the guessed table's error stopped it.
        var read = chosen.Kind == guess.Kind ? first
            : first.History is not null ? first with { History = await chosen.ReadAsync(cancellationToken).ConfigureAwait(false) }
            : await ReadBatchAsync(connection, chosen, detect: false, options, cancellationToken).ConfigureAwait(false);

        // A missing or unreadable history table stopped the batch before the catalog queries.
        var history = read.History ?? chosen.FromTableError(read.HistoryError!);
        var live = read.History is null ? await ReadLiveAsync(connection, options, cancellationToken).ConfigureAwait(false) : read.Live;

        // The drift read leaves out CHECKs that cannot be value sets, which the analysis of a
        // failed migration names among its objects: read them all, since one failed.
        if (live is not null && history.Entries.Any(e => e.State is AppliedMigrationState.Failed or AppliedMigrationState.Dirty))
        {
            live = await PostgresSchemaReader.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return (history, live);
    }

    private static PostgresMigrationHistoryReader Reader(NpgsqlConnection connection, MigrationHistoryKind kind, SchemaCheckOptions options) =>
        new(connection, kind, options.HistorySchema, options.HistoryTable);

    private static async Task<Catalog?> ReadLiveAsync(NpgsqlConnection connection, SchemaCheckOptions options, CancellationToken cancellationToken) =>
        options.CompareSchema ? await PostgresSchemaReader.ReadForDriftAsync(connection, cancellationToken).ConfigureAwait(false) : null;

    // One round trip: detection (optional), the history, then the catalog (optional). The history
    // comes before the catalog so the client reads its rows while the server reads the catalog.
    private static async Task<BatchResult> ReadBatchAsync(
        NpgsqlConnection connection, PostgresMigrationHistoryReader history, bool detect, SchemaCheckOptions options, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (detect) batch.BatchCommands.Add(PostgresMigrationHistoryReader.DetectCommand(options.HistorySchema));
        var historyCommand = new NpgsqlBatchCommand(history.Sql);
        batch.BatchCommands.Add(historyCommand);
        if (options.CompareSchema) PostgresSchemaReader.AddCommands(batch, CatalogQuerySet.Drift);

        IReadOnlyList<MigrationHistoryKind>? found = null;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (detect)
            {
                found = await PostgresMigrationHistoryReader.ReadDetectedAsync(reader, cancellationToken).ConfigureAwait(false);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            var rows = await history.ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false);
            if (!options.CompareSchema) return new BatchResult(found, rows, null, null);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            return new BatchResult(found, rows, null, await PostgresSchemaReader.ReadResultsAsync(reader, CatalogQuerySet.Drift, cancellationToken).ConfigureAwait(false));
        }
        catch (PostgresException error) when (ReferenceEquals(error.BatchCommand, historyCommand) && PostgresMigrationHistoryReader.IsTableError(error))
        {
            // The server skipped the rest of the batch; detection, before it, was read.
            return new BatchResult(found, null, error, null);
        }
    }

    private sealed record BatchResult(IReadOnlyList<MigrationHistoryKind>? Found, MigrationHistory? History, PostgresException? HistoryError, Catalog? Live);
}
