using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests;

public sealed class PostgresTestDatabaseTests
{
    [PostgresTheory, EveryPostgresServer]
    public async Task CreateAsync_GivesEachTestItsOwnDatabase_AndDisposeDropsIt(string server)
    {
        var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var other = await PostgresTestDatabase.CreateAsync(server))
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

        await using var check = new NpgsqlConnection(TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.PostgresServerVariable(server)));
        await check.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", check);
        exists.Parameters.AddWithValue("name", db.Name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task EachVersionedServer_RunsThePostgreSQLVersionItIsNamedFor(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();

        // A variable pointing at the wrong server would pass every other test on the wrong version.
        var versionNumber = Convert.ToInt32(await ScalarAsync(connection, "SELECT current_setting('server_version_num')::int"), System.Globalization.CultureInfo.InvariantCulture);
        if (server == TestDatabaseEnvironment.DefaultPostgresServer)
        {
            Assert.True(versionNumber >= 120000, $"The default server runs {versionNumber}, older than PostgreSQL 12.");
        }
        else
        {
            Assert.Equal(server, (versionNumber / 10000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
