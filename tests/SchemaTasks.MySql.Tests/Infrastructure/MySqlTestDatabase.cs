using MySqlConnector;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Infrastructure;

/// <summary>
/// An empty database of its own for one test, dropped when the test disposes it, so tests run
/// in parallel and leave nothing behind:
/// <code>
/// await using var db = await MySqlTestDatabase.CreateAsync();
/// await using var connection = await db.OpenConnectionAsync();
/// </code>
/// </summary>
public sealed class MySqlTestDatabase : IAsyncDisposable
{
    private static readonly Lazy<SqlDialect> Flavour = new(() =>
    {
        using var connection = new MySqlConnection(TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.MySqlVariable));
        connection.Open();
        return MySqlServerFlavour.Of(connection);
    });

    private readonly string _serverConnectionString;

    private MySqlTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The dialect of the test server (MariaDB or MySQL 8), whose rules builds compared with it follow.</summary>
    public static SqlDialect ServerDialect => Flavour.Value;

    /// <summary>The database's name, such as <c>st_1a2b3c4d5e6f</c>; safe to use unquoted.</summary>
    public string Name { get; }

    /// <summary>Connection string for the database, as the server's test user (all privileges).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database on the server named by <c>SCHEMATASKS_TEST_MYSQL</c>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static async Task<MySqlTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.MySqlVariable);
        var name = TestDatabaseEnvironment.NewDatabaseName();
        // utf8mb4 explicitly: the server default differs between MySQL and MariaDB versions.
        await ExecuteAsync(server, $"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", cancellationToken);

        var connectionString = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new MySqlTestDatabase(server, name, connectionString);
    }

    /// <summary>Opens a connection to the database; the caller disposes it.</summary>
    public async Task<MySqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Drops the database.</summary>
    public async ValueTask DisposeAsync()
    {
        // Pooled connections would keep pointing at the dropped database; nobody reuses the name.
        await using (var connection = new MySqlConnection(ConnectionString))
        {
            await MySqlConnection.ClearPoolAsync(connection);
        }

        await ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS {Name}", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
