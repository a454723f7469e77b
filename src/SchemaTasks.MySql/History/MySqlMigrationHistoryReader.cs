using MySqlConnector;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.History;

/// <summary>
/// Reads a migration tool's history table from MySQL or MariaDB, read-only and in one query. A
/// missing table means no migration has been applied, and gives <see cref="MigrationHistory.Missing"/>.
/// </summary>
public sealed class MySqlMigrationHistoryReader : IMigrationHistoryReader
{
    private readonly MySqlConnection _connection;
    private readonly string? _database;
    private readonly string _table;

    /// <summary>Creates a reader of <paramref name="kind"/>'s history.</summary>
    /// <param name="connection">An open connection; the caller owns it.</param>
    /// <param name="kind">The tool whose table to read.</param>
    /// <param name="database">The database holding the table; <see langword="null"/> for the connection's.</param>
    /// <param name="table">The table name, when the tool was configured with another one.</param>
    public MySqlMigrationHistoryReader(MySqlConnection connection, MigrationHistoryKind kind, string? database = null, string? table = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        Kind = kind;
        _database = database;
        _table = table ?? kind.DefaultTable();
    }

    /// <inheritdoc />
    public MigrationHistoryKind Kind { get; }

    /// <inheritdoc />
    public async Task<MigrationHistory> ReadAsync(CancellationToken cancellationToken = default)
    {
        var table = (_database is null ? string.Empty : Quote(_database) + ".") + Quote(_table);
        var shown = _database is null ? _table : $"{_database}.{_table}";
        // Only SchemaTasks' MySQL table counts statements: MySQL DDL commits as it goes.
        var sql = HistoryQueries.Select(Kind, table, Quote, hasStatementCount: true);
        try
        {
            await using var command = new MySqlCommand(sql, _connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = await HistoryQueries.ReadAsync(Kind, reader, cancellationToken, shown).ConfigureAwait(false);
            return new MigrationHistory(Kind, shown, true, rows);
        }
        catch (MySqlException error) when (error.ErrorCode == MySqlErrorCode.NoSuchTable)
        {
            // Trying the query is the one round trip; asking the catalog first would be two.
            return MigrationHistory.Missing(Kind, shown);
        }
        catch (MySqlException error) when (error.ErrorCode == MySqlErrorCode.BadFieldError)
        {
            throw HistoryQueries.Unreadable(Kind, shown, error.Message);
        }
    }

    /// <summary>
    /// The tools whose history tables exist in <paramref name="database"/> (default: the
    /// connection's), from one catalog query. Pass the result to <see cref="MigrationHistoryKinds.Choose"/>.
    /// </summary>
    /// <param name="connection">An open connection; the caller owns it.</param>
    /// <param name="database">The database to look in, or <see langword="null"/> for <c>DATABASE()</c>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<MigrationHistoryKind>> DetectAsync(MySqlConnection connection, string? database = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var names = string.Join(", ", HistoryQueries.KnownTables.Select((_, i) => "@t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sql = $"""
            SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = COALESCE(@database, DATABASE()) AND LOWER(TABLE_NAME) IN ({names})
            """;
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@database", database);
        for (var i = 0; i < HistoryQueries.KnownTables.Count; i++)
        {
            command.Parameters.AddWithValue("@t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), HistoryQueries.KnownTables[i]);
        }

        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return HistoryQueries.Detect(columns);
    }

    private static string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";
}
