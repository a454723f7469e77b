using Npgsql;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Infrastructure;

/// <summary>
/// An empty database of its own for one test, dropped when the test disposes it, so tests run
/// in parallel and leave nothing behind:
/// <code>
/// await using var db = await PostgresTestDatabase.CreateAsync();
/// await using var connection = await db.OpenConnectionAsync();
/// </code>
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name, such as <c>st_1a2b3c4d5e6f</c>; safe to use unquoted.</summary>
    public string Name { get; }

    /// <summary>Connection string for the database, as the server's superuser test role.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database on the server named by <c>SCHEMATASKS_TEST_POSTGRES</c>.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(TestDatabaseEnvironment.DefaultPostgresServer, cancellationToken);

    /// <summary>
    /// Creates the database on one of <see cref="TestDatabaseEnvironment.PostgresServers"/>:
    /// <c>default</c>, or a version such as <c>12</c> (<c>SCHEMATASKS_TEST_POSTGRES_12</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The server's variable is not set.</exception>
    public static async Task<PostgresTestDatabase> CreateAsync(string server, CancellationToken cancellationToken = default)
    {
        var serverConnectionString = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.PostgresServerVariable(server));
        var name = TestDatabaseEnvironment.NewDatabaseName();
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {name}", cancellationToken);

        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(serverConnectionString, name, connectionString);
    }

    /// <summary>Opens a connection to the database; the caller disposes it.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own and returns the first column of its first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Drops the database, closing any connection the test left open.</summary>
    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections would be killed by FORCE anyway; clearing the pool first keeps
        // Npgsql from logging broken connections to a database that no longer exists.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var server = new NpgsqlConnection(_serverConnectionString);
        await server.OpenAsync();
        // DROP DATABASE's FORCE came with PostgreSQL 13; before it, end the sessions first (a
        // command of its own: DROP DATABASE refuses to run in a batch).
        if (server.PostgreSqlVersion.Major < 13)
        {
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}'", server);
            await terminate.ExecuteNonQueryAsync();
        }

        var force = server.PostgreSqlVersion.Major < 13 ? string.Empty : " WITH (FORCE)";
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name}{force}", server);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
