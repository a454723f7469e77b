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
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.PostgresVariable);
        var name = TestDatabaseEnvironment.NewDatabaseName();
        await ExecuteAsync(server, $"CREATE DATABASE {name}", cancellationToken);

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(server, name, connectionString);
    }

    /// <summary>Opens a connection to the database; the caller disposes it.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
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

        await ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
