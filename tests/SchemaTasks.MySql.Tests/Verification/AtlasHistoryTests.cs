using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>
/// Atlas: a real MariaDB/MySQL in the states <c>atlas migrate apply</c> and <c>atlas migrate set</c>
/// leave, with <c>atlas_schema_revisions</c> in the database the URL names, checked against the folder.
/// </summary>
public sealed class AtlasHistoryTests
{
    private const string First = "CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('queued', 'running') NOT NULL);\n";
    private const string Second = "ALTER TABLE jobs MODIFY status ENUM('queued', 'running', 'done') NOT NULL;\n";

    // atlas.sum of the two files, computed outside .NET (Python's hashlib, Atlas's rule).
    private const string FirstHash = "U4/6GVP9SBFfnRrE+nb6B4sKhwkRHoFaNww3m7XK6jI=";
    private const string SecondHash = "NQ2B9N8vgGJZvs9Ybkgad0fj681K+jTWmtgA4BoRXNs=";
    private const string Sum = $"h1:NOaI/L/P5wrT487Iw1EObu/gk4+MLrSacyMVW5d6qQg=\n20250101000000_create_jobs.sql h1:{FirstHash}\n20250102000000_add_done.sql h1:{SecondHash}\n";

    private static ExpectedSchema Atlas() => ExpectedSchema.FromFiles(
        [
            new MigrationSourceFile("20250101000000_create_jobs.sql", First),
            new MigrationSourceFile("20250102000000_add_done.sql", Second),
            new MigrationSourceFile("atlas.sum", Sum),
        ],
        dialect: MySqlTestDatabase.ServerDialect);

    // The table as Atlas's ent schema creates it on MySQL (cmd/atlas/internal/migrate/ent/migrate/schema.go).
    private static Task TableAsync(MySqlConnection connection) => ExecuteAsync(connection, """
        CREATE TABLE `atlas_schema_revisions` (
            `version` varchar(255) NOT NULL,
            `description` varchar(255) NOT NULL,
            `type` bigint unsigned NOT NULL DEFAULT 2,
            `applied` bigint NOT NULL DEFAULT 0,
            `total` bigint NOT NULL DEFAULT 0,
            `executed_at` timestamp NOT NULL,
            `execution_time` bigint NOT NULL,
            `error` longtext NULL,
            `error_stmt` longtext NULL,
            `hash` varchar(255) NOT NULL,
            `partial_hashes` json NULL,
            `operator_version` varchar(255) NOT NULL,
            PRIMARY KEY (`version`)
        ) CHARSET utf8mb4 COLLATE utf8mb4_bin;
        """);

    private static Task RowAsync(MySqlConnection connection, string version, int type, int applied, int total, string hash, string? error = null, string? statement = null) =>
        ExecuteAsync(connection, $"""
            INSERT INTO atlas_schema_revisions (version, description, type, applied, total, executed_at, execution_time, error, error_stmt, hash, operator_version)
            VALUES ('{version}', 'x', {type}, {applied}, {total}, now(), 1000, {Literal(error)}, {Literal(statement)}, '{hash}', 'Atlas CLI v0.30.0')
            """);

    [MySqlFact]
    public async Task Atlas_Applied_IsHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 2, 1, 1, FirstHash);
            await RowAsync(connection, "20250102000000", 2, 1, 1, SecondHash);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal(MigrationHistoryKind.Atlas, report.Status.History.Kind);
    }

    [MySqlFact]
    public async Task Atlas_PartlyApplied_IsDirty_NamingTheStatement_AndResolvedBySet_IsApplied()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 2, 1, 1, FirstHash);
            await RowAsync(connection, "20250102000000", 2, 0, 1, SecondHash, "Error 1265: Data truncated for column 'status'", Second.TrimEnd());
        }

        var dirty = await MySqlSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });

        var failed = Assert.Single(dirty.Findings);
        Assert.Equal((DiagnosticCodes.FailedMigration, "20250102000000"), (failed.Code, failed.Subject));
        Assert.Contains("statement 1 of 1 did not complete: ALTER TABLE jobs MODIFY", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Data truncated", failed.Message, StringComparison.Ordinal);
        Assert.Contains("run `atlas migrate apply`, which resumes there", failed.NextStep, StringComparison.Ordinal);

        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "UPDATE atlas_schema_revisions SET type = 6 WHERE version = '20250102000000'");
        }

        var resolved = await MySqlSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Empty(resolved.Findings);
    }

    [MySqlFact]
    public async Task Atlas_Edited_Pending_AndUnknown_AreEachReported()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 2, 1, 1, SecondHash);
            await RowAsync(connection, "20250103000000", 2, 1, 1, "a");
        }

        var report = await MySqlSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });

        Assert.Equal(
            [(DiagnosticCodes.EditedMigration, "20250101000000"), (DiagnosticCodes.PendingMigration, "20250102000000"), (DiagnosticCodes.UnknownMigration, "20250103000000")],
            report.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains(FirstHash, report.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("atlas migrate apply", report.Findings[1].NextStep, StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Atlas_RowWithNegativeCounts_IsST6008()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 2, -1, 1, FirstHash);
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("applied -1 of total 1", error.Message, StringComparison.Ordinal);
    }

    private static string Literal(string? text) => text is null ? "NULL" : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
