using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>
/// Liquibase: a real MariaDB/MySQL holding <c>DATABASECHANGELOG</c> as Liquibase 4.28 creates it
/// there, with the MD5SUM values a real <c>liquibase update</c> of this changelog wrote on MariaDB.
/// </summary>
public sealed class LiquibaseHistoryTests
{
    private const string Changelog = """
        --liquibase formatted sql

        --changeset alice:1
        CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('queued', 'running') NOT NULL);
        --rollback DROP TABLE jobs;

        --changeset bob:add-done
        ALTER TABLE jobs MODIFY status ENUM('queued', 'running', 'done') NOT NULL;

        """;

    private const string FirstMd5 = "9:1345d473df0938dacafb270426ccc8c9";
    private const string SecondMd5 = "9:185fa6990840b04b08e2b9813c0bbe89";

    private static ExpectedSchema Liquibase(string text = Changelog) =>
        ExpectedSchema.FromFiles([new MigrationSourceFile("changelog.sql", text)], dialect: MySqlTestDatabase.ServerDialect);

    // The table Liquibase 4.28 created on MariaDB (SHOW CREATE TABLE after a real update).
    private static Task TableAsync(MySqlConnection connection) => ExecuteAsync(connection, """
        CREATE TABLE `DATABASECHANGELOG` (
          `ID` varchar(255) NOT NULL, `AUTHOR` varchar(255) NOT NULL, `FILENAME` varchar(255) NOT NULL,
          `DATEEXECUTED` datetime NOT NULL, `ORDEREXECUTED` int(11) NOT NULL, `EXECTYPE` varchar(10) NOT NULL,
          `MD5SUM` varchar(35) DEFAULT NULL, `DESCRIPTION` varchar(255) DEFAULT NULL, `COMMENTS` varchar(255) DEFAULT NULL,
          `TAG` varchar(255) DEFAULT NULL, `LIQUIBASE` varchar(20) DEFAULT NULL, `CONTEXTS` varchar(255) DEFAULT NULL,
          `LABELS` varchar(255) DEFAULT NULL, `DEPLOYMENT_ID` varchar(10) DEFAULT NULL);
        """);

    private static Task RowAsync(MySqlConnection connection, string id, string author, string md5, int order, string exec = "EXECUTED") =>
        ExecuteAsync(connection, $"INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, LIQUIBASE) VALUES ('{id}', '{author}', 'changelog.sql', now(), {order}, '{exec}', '{md5}', 'sql', '4.28.0')");

    [MySqlFact]
    public async Task Liquibase_AppliedByLiquibase_IsHealthy_AndMarkRanCounts()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('queued', 'running', 'done') NOT NULL);");
            await TableAsync(connection);
            await RowAsync(connection, "1", "alice", FirstMd5, 1);
            await RowAsync(connection, "add-done", "bob", SecondMd5, 2, "MARK_RAN");
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Liquibase(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal((MigrationHistoryKind.Liquibase, "DATABASECHANGELOG"), (report.Status.History.Kind, report.Status.History.Table));
    }

    [MySqlFact]
    public async Task Liquibase_Edited_Pending_AndUnknownExecType_AreEachReported()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await TableAsync(connection);
            await RowAsync(connection, "1", "alice", FirstMd5, 1);
        }

        var edited = await MySqlSchemaCheck.VerifyAsync(Liquibase(Changelog.Replace("id int", "id bigint", StringComparison.Ordinal)), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Equal(
            [(DiagnosticCodes.EditedMigration, "changelog.sql::1::alice"), (DiagnosticCodes.PendingMigration, "changelog.sql::add-done::bob")],
            edited.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains(FirstMd5, edited.Findings[0].Message, StringComparison.Ordinal);

        await using (var connection = await db.OpenConnectionAsync())
        {
            await RowAsync(connection, "add-done", "bob", SecondMd5, 2, "LATER");
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Liquibase(), db.ConnectionString));
        Assert.Contains("EXECTYPE LATER", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
