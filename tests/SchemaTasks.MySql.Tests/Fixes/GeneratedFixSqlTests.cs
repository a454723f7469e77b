using MySqlConnector;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Fixes;

/// <summary>The fix SQL the build offers runs on a real MariaDB and yields the intended value set.</summary>
public sealed class GeneratedFixSqlTests
{
    [MySqlFact]
    public async Task EnumColumnFix_RestatesTheListAndKeepsNullabilityAndDefault()
    {
        const string schema = """
            CREATE TABLE job_tracking (
              id VARCHAR(64) NOT NULL PRIMARY KEY,
              job_type ENUM('cleanup','failover') DEFAULT NULL,
              state ENUM('new','done') NOT NULL DEFAULT 'new'
            );
            """;
        var fix = GeneratedFix.For(MySqlTestDatabase.ServerDialect, schema, "column", "job_tracking", "job_type", "protection_flow", "backup_execution")
            + GeneratedFix.For(MySqlTestDatabase.ServerDialect, schema, "column", "job_tracking", "state", "failed");

        var columns = await ApplyAndQueryAsync(schema, fix, """
            SELECT CONCAT_WS('|', COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '<none>'))
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'job_tracking' AND COLUMN_NAME <> 'id'
            ORDER BY ORDINAL_POSITION
            """);

        Assert.Equal(
            [
                "job_type|enum('cleanup','failover','protection_flow','backup_execution')|YES|NULL",
                "state|enum('new','done','failed')|NO|'new'",
            ],
            columns);
    }

    [MySqlFact]
    public async Task NamedCheckFix_AllowsTheNewValue()
    {
        const string schema = """
            CREATE TABLE bots (
              id INT AUTO_INCREMENT PRIMARY KEY,
              health_status VARCHAR(32) NOT NULL,
              CONSTRAINT bots_health_status_check CHECK (health_status IN ('normal','potentially_stuck'))
            );
            """;
        var fix = GeneratedFix.For(MySqlTestDatabase.ServerDialect, schema, "column", "bots", "health_status", "unhealthy");

        var stored = await ApplyAndQueryAsync(schema, fix + "INSERT INTO bots (health_status) VALUES ('unhealthy');", "SELECT health_status FROM bots");

        Assert.Equal(["unhealthy"], stored);
        await Assert.ThrowsAsync<MySqlException>(() => ApplyAndQueryAsync(schema, fix + "INSERT INTO bots (health_status) VALUES ('bogus');", "SELECT 1"));
    }

    private static async Task<List<string>> ApplyAndQueryAsync(string schema, string fix, string query)
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var apply = new MySqlCommand(schema + "\n" + fix, connection))
        {
            await apply.ExecuteNonQueryAsync();
        }

        await using var read = new MySqlCommand(query, connection);
        await using var reader = await read.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }
}
