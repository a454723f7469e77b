using SchemaTasks.Verification;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Verification;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;
using static SchemaTasks.MySql.Tests.Verification.GolangMigrateDatabase;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>
/// MariaDB's own rules against the real server (docs/dialects.md): the histories that MySQL 8's
/// rules got wrong, each built with the <c>mariadb</c> dialect and checked against what the
/// server made of them. Skipped on a MySQL 8 test server.
/// </summary>
public sealed class MariaDbRulesTests
{
    // A value-set CHECK written in the column, then the column redefined as an ENUM: MariaDB drops
    // the CHECK, so every ENUM value is allowed. MySQL 8's rules kept the stale CHECK, intersected
    // it with the ENUM (the code's new value became an error) and verify warned (ST6015) of a CHECK
    // the database never had.
    private static readonly MigrationSourceFile[] ModifiedCheckedColumn =
    [
        new("000001_jobs.up.sql", "CREATE TABLE jobs (id int PRIMARY KEY, kind varchar(20) CHECK (kind IN ('cleanup','failover')), doc json, CHECK (id > 0));\n"),
        new("000002_kind_enum.up.sql", "ALTER TABLE jobs MODIFY kind ENUM('cleanup','failover','bulk') NOT NULL;\n"),
    ];

    [MySqlFact]
    public async Task ModifyOverAColumnsOwnCheck_MariaDbBuildAllowsEveryEnumValue_AndVerifiesClean()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var expected = ExpectedSchema.FromFiles(ModifiedCheckedColumn, MigrationLayout.GolangMigrate, SqlDialect.MariaDb);
        Assert.Equal(["cleanup", "failover", "bulk"], expected.Schema.GetAllowedValues(new QualifiedName(string.Empty, "jobs"), "kind")!.Values.ToArray());

        await using var db = await Applied(expected);
        var report = await MySqlSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.Empty(report.Findings);
    }

    [MySqlFact]
    public async Task MariaDbNamesAndTypes_ReadBackExactly()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var expected = ExpectedSchema.FromFiles(ModifiedCheckedColumn, MigrationLayout.GolangMigrate, SqlDialect.MariaDb);
        await using var db = await Applied(expected, recordHistory: false);
        await using var connection = await db.OpenConnectionAsync();

        var live = await MySqlSchemaReader.ReadAsync(connection);

        Assert.Equal(SqlDialect.MariaDb, live.Dialect);
        var table = live.Tables[new QualifiedName(string.Empty, "jobs")];
        Assert.Equal(["int(11)", "enum('cleanup','failover','bulk')", "longtext"], table.Columns.Select(c => c.Type));
        Assert.Equal(["CONSTRAINT_1", "doc"], table.Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        CatalogComparer.AssertEqual(expected.Schema, live, "MariaDB rules");
    }

    [MySqlFact]
    public async Task BuildFollowedMySql8_ServerIsMariaDb_WarnsWithTheServersVersion()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var files = new MigrationSourceFile[] { new("000001_jobs.up.sql", "CREATE TABLE jobs (id int PRIMARY KEY, kind ENUM('a','b'));\n") };
        var expected = ExpectedSchema.FromFiles(files, MigrationLayout.GolangMigrate, SqlDialect.MySql);
        await using var db = await Applied(expected);

        var report = await MySqlSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        var mismatch = Assert.Single(report.Findings);
        Assert.Equal((DiagnosticCodes.ServerFlavourMismatch, DiagnosticSeverity.Warning), (mismatch.Code, mismatch.Severity));
        Assert.Contains("MySQL 8", mismatch.Message, StringComparison.Ordinal);
        Assert.True(mismatch.Message.Contains("the server is MariaDB (version 10.", StringComparison.Ordinal), mismatch.Message);
        Assert.Contains("SchemaDialect to mariadb", mismatch.Message, StringComparison.Ordinal);
        Assert.True(report.IsHealthy);
    }

    private static async Task<MySqlTestDatabase> Applied(ExpectedSchema expected, bool recordHistory = true)
    {
        var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var migration in expected.Migrations) await ExecuteAsync(connection, migration.Text);
        if (recordHistory) await RecordAsync(connection, expected.Migrations.Count, dirty: false);
        return db;
    }
}
