using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Statements that choose or drop a database, as apache/streampark's and apache/shenyu's MySQL
/// schemas start (<c>CREATE DATABASE IF NOT EXISTS x; USE x;</c>): the server puts the tables after
/// USE into the other database, and DROP DATABASE of the connection's database leaves none
/// selected. The engine, which cannot know the migrations' database, reports the statement.
/// </summary>
public sealed class MySqlUseDatabaseTests
{
    [MySqlFact]
    public async Task AfterUse_TheServerPutsTheTableInTheOtherDatabase_AndTheEngineReportsTheUse()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var other = db.Name + "_use";
        var sql = $"CREATE DATABASE IF NOT EXISTS {other};\nUSE {other};\nCREATE TABLE t (a int);";

        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(MySqlTestDatabase.ServerDialect), sql, "m.sql");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UseDatabase, DiagnosticSeverity.Error, 2), (error.Code, error.Severity, error.Line));

        await using var connection = await db.OpenConnectionAsync();
        try
        {
            foreach (var statement in sql.Split('\n')) await ExecuteAsync(connection, statement);
            Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{db.Name}'")));
            Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '{other}' AND TABLE_NAME = 't'")));
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {other}");
        }
    }

    [MySqlFact]
    public async Task DropOfTheConnectionsDatabase_LeavesNoneSelected_AndTheEngineReportsTheDrop()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var sql = $"CREATE TABLE a (x int);\nDROP DATABASE {db.Name};\nCREATE TABLE b (x int);";

        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(MySqlTestDatabase.ServerDialect), sql, "m.sql");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.OtherDatabase, DiagnosticSeverity.Error, 2), (error.Code, error.Severity, error.Line));

        await using var connection = await db.OpenConnectionAsync();
        var statements = sql.Split('\n');
        await ExecuteAsync(connection, statements[0]);
        await ExecuteAsync(connection, statements[1]);
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => ExecuteAsync(connection, statements[2]));
        Assert.Equal(1046, refusal.Number);
    }

    [MySqlFact]
    public async Task CreateDatabase_LeavesTheConnectionsDatabaseAsTheEngineBuildsIt()
    {
        var other = TestDatabaseEnvironment.NewDatabaseName() + "_cd";
        try
        {
            await MySqlServerAgreement.AssertEngineMatchesServerAsync("create database", $"CREATE DATABASE IF NOT EXISTS {other};\nCREATE TABLE t (a int);", MySqlTestDatabase.ServerDialect);
        }
        finally
        {
            await using var connection = new MySqlConnection(TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.MySqlVariable));
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {other}");
        }
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
