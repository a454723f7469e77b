using MySqlConnector;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Migration;

/// <summary>
/// icinga2's MySQL schema has <c>--#2274</c> on a line of its own between two statements. The
/// server would read it as two minus signs before the next statement; SchemaTasks' migrator
/// leaves the line out, as the mysql client does, so no statement is lost or refused.
/// </summary>
public sealed class MySqlMigratorDashLineTests
{
    [MySqlFact]
    public async Task ALineOfDashesWithoutSpace_BetweenStatements_IsLeftOut_AndEveryStatementRuns()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("1", "CREATE TABLE t (a int);\n--#2274\nCREATE TABLE u (b int);\n------------\nCREATE TABLE v (c int);")
            .Load();

        var result = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal(3, Assert.Single(result.Applied).Statements);
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand("SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'schematasks_history'", connection);
        Assert.Equal("t,u,v", await command.ExecuteScalarAsync());
    }
}
