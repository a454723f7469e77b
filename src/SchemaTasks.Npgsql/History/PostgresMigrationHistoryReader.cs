using Npgsql;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.History;

/// <summary>
/// Reads a migration tool's history table from PostgreSQL, read-only and in one query. A missing
/// table means no migration has been applied, and gives <see cref="MigrationHistory.Missing"/>.
/// </summary>
public sealed class PostgresMigrationHistoryReader : IMigrationHistoryReader
{
    private readonly NpgsqlConnection _connection;
    private readonly string? _schema;
    private readonly string _table;

    /// <summary>Creates a reader of <paramref name="kind"/>'s history.</summary>
    /// <param name="connection">An open connection; the caller owns it.</param>
    /// <param name="kind">The tool whose table to read.</param>
    /// <param name="schema">
    /// The schema holding the table (Prisma's <c>?schema=</c>, drizzle's <c>migrationsSchema</c>, Atlas's
    /// <c>--revisions-schema</c>); <see langword="null"/> for the tool's default: <c>drizzle</c> for drizzle,
    /// <c>atlas_schema_revisions</c> for Atlas, the search path for the others.
    /// </param>
    /// <param name="table">The table name, when the tool was configured with another one.</param>
    public PostgresMigrationHistoryReader(NpgsqlConnection connection, MigrationHistoryKind kind, string? schema = null, string? table = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        Kind = kind;
        _schema = schema ?? kind.DefaultPostgresSchema();
        _table = table ?? kind.DefaultPostgresTable();
    }

    /// <inheritdoc />
    public MigrationHistoryKind Kind { get; }

    /// <inheritdoc />
    public async Task<MigrationHistory> ReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = new NpgsqlCommand(Sql, _connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException error) when (IsTableError(error))
        {
            return FromTableError(error);
        }
    }

    /// <summary>The query, for a caller that sends it in a batch of its own; it depends on the session's search path.</summary>
    internal string Sql => HistoryQueries.Select(Kind, (_schema is null ? string.Empty : Quote(_schema) + ".") + Quote(_table), Quote, hasStatementCount: false);

    /// <summary>Whether <paramref name="error"/> says the table or one of the columns the query reads does not exist.</summary>
    internal static bool IsTableError(PostgresException error) =>
        error.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn;

    private string Shown => _schema is null ? _table : $"{_schema}.{_table}";

    /// <summary>Reads the result of <see cref="Sql"/>, the result <paramref name="reader"/> is on.</summary>
    internal async Task<MigrationHistory> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        new(Kind, Shown, true, await HistoryQueries.ReadAsync(Kind, reader, cancellationToken, Shown).ConfigureAwait(false));

    /// <summary>
    /// What an error of <see cref="Sql"/> means, when <see cref="IsTableError"/> says it is the
    /// table's: a missing table is an empty history (trying the query is the one round trip;
    /// asking the catalog first would be two).
    /// </summary>
    /// <exception cref="SchemaTasksException"><c>ST6008</c>: a missing column, so the table has another shape.</exception>
    internal MigrationHistory FromTableError(PostgresException error) => error.SqlState == PostgresErrorCodes.UndefinedTable
        ? MigrationHistory.Missing(Kind, Shown)
        : throw HistoryQueries.Unreadable(Kind, Shown, error.MessageText);

    /// <summary>
    /// The tools whose history tables exist in <paramref name="schema"/> (default: the current
    /// schema), drizzle's in its own schema <c>drizzle</c> and Atlas's in <c>atlas_schema_revisions</c>, from one catalog query. Pass the result to <see cref="MigrationHistoryKinds.Choose"/>.
    /// </summary>
    /// <param name="connection">An open connection; the caller owns it.</param>
    /// <param name="schema">The schema to look in, or <see langword="null"/> for <c>current_schema()</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<MigrationHistoryKind>> DetectAsync(NpgsqlConnection connection, string? schema = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { DetectCommand(schema) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await ReadDetectedAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The query of <see cref="DetectAsync"/>, for a caller that sends it in a batch of its own.</summary>
    internal static NpgsqlBatchCommand DetectCommand(string? schema)
    {
        // pg_catalog rather than information_schema.columns: the view checks privileges on every
        // column of the database, which costs a start-up check on a large schema milliseconds.
        const string sql = """
            SELECT c.relname::text, a.attname::text
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p', 'v', 'f') AND pg_catalog.lower(c.relname) = ANY(@tables)
              AND (n.nspname = COALESCE(@schema, pg_catalog.current_schema())
                   OR (n.nspname = 'drizzle' AND c.relname = '__drizzle_migrations')
                   OR (n.nspname = 'atlas_schema_revisions' AND c.relname = 'atlas_schema_revisions'))
            """;
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("schema", NpgsqlTypes.NpgsqlDbType.Text, (object?)schema ?? DBNull.Value);
        command.Parameters.AddWithValue("tables", HistoryQueries.KnownTables.ToArray());
        return command;
    }

    /// <summary>Reads the result of <see cref="DetectCommand"/>, the result <paramref name="reader"/> is on.</summary>
    internal static async Task<IReadOnlyList<MigrationHistoryKind>> ReadDetectedAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return HistoryQueries.Detect(columns);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
