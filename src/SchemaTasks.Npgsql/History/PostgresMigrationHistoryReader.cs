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
    /// <param name="schema">The schema holding the table (Prisma's <c>?schema=</c>); <see langword="null"/> for the search path.</param>
    /// <param name="table">The table name, when the tool was configured with another one.</param>
    public PostgresMigrationHistoryReader(NpgsqlConnection connection, MigrationHistoryKind kind, string? schema = null, string? table = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        Kind = kind;
        _schema = schema;
        _table = table ?? kind.DefaultTable();
    }

    /// <inheritdoc />
    public MigrationHistoryKind Kind { get; }

    /// <inheritdoc />
    public async Task<MigrationHistory> ReadAsync(CancellationToken cancellationToken = default)
    {
        var table = (_schema is null ? string.Empty : Quote(_schema) + ".") + Quote(_table);
        var shown = _schema is null ? _table : $"{_schema}.{_table}";
        var sql = HistoryQueries.Select(Kind, table, Quote, hasStatementCount: false);
        try
        {
            await using var command = new NpgsqlCommand(sql, _connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = await HistoryQueries.ReadAsync(Kind, reader, cancellationToken).ConfigureAwait(false);
            return new MigrationHistory(Kind, shown, true, rows);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Trying the query is the one round trip; asking the catalog first would be two.
            return MigrationHistory.Missing(Kind, shown);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedColumn)
        {
            throw HistoryQueries.Unreadable(Kind, shown, error.MessageText);
        }
    }

    /// <summary>
    /// The tools whose history tables exist in <paramref name="schema"/> (default: the current
    /// schema), from one catalog query. Pass the result to <see cref="MigrationHistoryKinds.Choose"/>.
    /// </summary>
    /// <param name="connection">An open connection; the caller owns it.</param>
    /// <param name="schema">The schema to look in, or <see langword="null"/> for <c>current_schema()</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<MigrationHistoryKind>> DetectAsync(NpgsqlConnection connection, string? schema = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // pg_catalog rather than information_schema.columns: the view checks privileges on every
        // column of the database, which costs a start-up check on a large schema milliseconds.
        const string sql = """
            SELECT c.relname::text, a.attname::text
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE n.nspname = COALESCE(@schema, pg_catalog.current_schema()) AND c.relkind IN ('r', 'p', 'v', 'f')
              AND pg_catalog.lower(c.relname) = ANY(@tables)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", NpgsqlTypes.NpgsqlDbType.Text, (object?)schema ?? DBNull.Value);
        command.Parameters.AddWithValue("tables", HistoryQueries.KnownTables.ToArray());
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return HistoryQueries.Detect(columns);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
