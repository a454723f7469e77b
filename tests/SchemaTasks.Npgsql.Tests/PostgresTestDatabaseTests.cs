using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests;

public sealed class PostgresTestDatabaseTests
{
    [PostgresFact]
    public async Task CreateAsync_GivesEachTestItsOwnDatabase_AndDisposeDropsIt()
    {
        var db = await PostgresTestDatabase.CreateAsync();
        await using (var other = await PostgresTestDatabase.CreateAsync())
        {
            Assert.NotEqual(db.Name, other.Name);
        }

        await using (var connection = await db.OpenConnectionAsync())
        {
            Assert.Equal(db.Name, await ScalarAsync(connection, "SELECT current_database()"));
        }

        // An open connection must not stop the drop: tests that fail midway leave them behind.
        var leftOpen = await db.OpenConnectionAsync();
        await db.DisposeAsync();
        await leftOpen.DisposeAsync();

        var server = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.PostgresVariable);
        await using var check = new NpgsqlConnection(server);
        await check.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", check);
        exists.Parameters.AddWithValue("name", db.Name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
