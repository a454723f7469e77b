using MySqlConnector;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests;

public sealed class MySqlTestDatabaseTests
{
    [MySqlFact]
    public async Task CreateAsync_GivesEachTestItsOwnDatabase_AndDisposeDropsIt()
    {
        var db = await MySqlTestDatabase.CreateAsync();
        await using (var other = await MySqlTestDatabase.CreateAsync())
        {
            Assert.NotEqual(db.Name, other.Name);
        }

        await using (var connection = await db.OpenConnectionAsync())
        {
            await using var current = new MySqlCommand("SELECT DATABASE()", connection);
            Assert.Equal(db.Name, await current.ExecuteScalarAsync());
        }

        await db.DisposeAsync();

        var server = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.MySqlVariable);
        await using var check = new MySqlConnection(server);
        await check.OpenAsync();
        await using var exists = new MySqlCommand(
            "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = @name", check);
        exists.Parameters.AddWithValue("@name", db.Name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }
}
