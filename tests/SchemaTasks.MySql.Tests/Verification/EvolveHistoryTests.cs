using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>
/// Evolve: a real MariaDB/MySQL in the states Evolve leaves (the SQL run, its <c>changelog</c>
/// table with the rows it writes), checked against a folder of Flyway-named files.
/// </summary>
public sealed class EvolveHistoryTests
{
    private const string First = "CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('queued', 'running') NOT NULL);\n";
    private const string Second = "ALTER TABLE jobs MODIFY status ENUM('queued', 'running', 'done') NOT NULL;\n";

    // Upper-case MD5 of the two texts, computed outside .NET (Python's hashlib).
    private const string FirstMd5 = "CAF1FB0ECB727CB131746F633E68DA8D";
    private const string SecondMd5 = "F13DE306FD93CB0E8BCA244EBA664130";

    private static ExpectedSchema Evolve() => ExpectedSchema.FromFiles(
        [new MigrationSourceFile("V1__create_jobs.sql", First), new MigrationSourceFile("V2__add_done.sql", Second)],
        dialect: MySqlTestDatabase.ServerDialect);

    // Evolve's DDL (src/Evolve/Dialect/MySQL/MySQLMetadataTable.cs).
    private static Task TableAsync(MySqlConnection connection) => ExecuteAsync(connection, """
        CREATE TABLE `changelog` (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, type TINYINT, version VARCHAR(50), description VARCHAR(200) NOT NULL, name VARCHAR(300) NOT NULL, checksum VARCHAR(32), installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOL NOT NULL);
        """);

    private static Task RowAsync(MySqlConnection connection, int type, string version, string name, string checksum, bool success) =>
        ExecuteAsync(connection, $"INSERT INTO `changelog` (type, version, description, name, checksum, installed_by, success) VALUES ({type}, '{version}', 'd', '{name}', '{checksum}', CURRENT_USER(), {success})");

    [MySqlFact]
    public async Task Evolve_Applied_IsFoundByItsColumns_AndHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await TableAsync(connection);
            await RowAsync(connection, 0, "1", "V1__create_jobs.sql", FirstMd5, true);
            await RowAsync(connection, 0, "2", "V2__add_done.sql", SecondMd5, true);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal(MigrationHistoryKind.Evolve, report.Status.History.Kind);
    }

    [MySqlFact]
    public async Task Evolve_Failed_Edited_StartVersion_AndUnknownType_AreEachReported()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await TableAsync(connection);
            await RowAsync(connection, 0, "1", "V1__create_jobs.sql", SecondMd5, true);
            await RowAsync(connection, 0, "2", "V2__add_done.sql", SecondMd5, false);
        }

        var options = new SchemaCheckOptions { CompareSchema = false, HistoryKind = MigrationHistoryKind.Evolve };
        var report = await MySqlSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString, options);
        Assert.Equal(
            [(DiagnosticCodes.EditedMigration, "1"), (DiagnosticCodes.FailedMigration, "2")],
            report.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains(FirstMd5, report.Findings[0].Message, StringComparison.Ordinal);

        // A start version of 2: Evolve never runs 1, and runs 2.
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "DELETE FROM changelog");
            await RowAsync(connection, 3, "2", "StartVersion = 2", "", true);
        }

        var started = await MySqlSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString, options);
        Assert.Equal((DiagnosticCodes.PendingMigration, "2"), (Assert.Single(started.Findings).Code, started.Findings[0].Subject));

        await using (var connection = await db.OpenConnectionAsync())
        {
            await RowAsync(connection, 9, "3", "V3__x.sql", FirstMd5, true);
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString, options));
        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("name V3__x.sql has type 9", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
