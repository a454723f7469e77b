using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests;

/// <summary>
/// The server behaviour the enum checks rely on, proven on a real PostgreSQL: a native enum
/// stores its declared labels and rejects any other.
/// </summary>
public sealed class PostgresEnumSmokeTests
{
    private const string Schema = """
        CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'CANCELLED');
        CREATE TABLE jobs (id integer PRIMARY KEY, status "JobStatus" NOT NULL);
        """;

    [PostgresFact]
    public async Task EnumColumn_StoresAndReturnsDeclaredLabel()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Schema);

        await ExecuteAsync(connection, "INSERT INTO jobs (id, status) VALUES (1, 'CANCELLED')");

        await using var read = new NpgsqlCommand("SELECT status::text, pg_typeof(status)::text FROM jobs WHERE id = 1", connection);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("CANCELLED", reader.GetString(0));
        Assert.Equal("\"JobStatus\"", reader.GetString(1));
    }

    [PostgresFact]
    public async Task EnumColumn_RejectsUndeclaredLabel()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Schema);

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync(connection, "INSERT INTO jobs (id, status) VALUES (2, 'NOPE')"));

        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, error.SqlState);
        Assert.Equal("22P02", error.SqlState);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
