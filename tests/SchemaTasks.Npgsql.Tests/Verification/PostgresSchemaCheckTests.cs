using Npgsql;
using SchemaTasks.Verification;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.Npgsql.Tests.Verification.PrismaDatabase;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>The one-call check against real PostgreSQL databases put in each state the scenarios describe.</summary>
public sealed class PostgresSchemaCheckTests
{
    private const string Scenario1 = "1-prisma-job-status";
    private const string Scenario5 = "5-prisma-momentum";

    [PostgresTheory, EveryPostgresServer]
    public async Task Scenario1_InitOnly_NamesThePendingMigration_AndTheMissingLabel(string server)
    {
        var expected = Scenario(Scenario1);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ApplyAsync(connection, expected.Migrations[0]);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.False(report.IsHealthy);
        var pending = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.PendingMigration);
        Assert.Equal("20250909044604_add_cancelled_job_status", pending.Subject);
        var missing = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.MissingAllowedValue);
        Assert.Contains("JobStatus", missing.Subject, StringComparison.Ordinal);
        Assert.Contains("CANCELLED", missing.Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Findings.Count);
        Assert.True(report.SchemaCompared);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Scenario1_FullyApplied_IsHealthy(string server)
    {
        var expected = Scenario(Scenario1);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in expected.Migrations) await ApplyAsync(connection, migration);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.True(report.IsHealthy, report.ToText());
        Assert.Empty(report.Findings);
        Assert.Equal(2, report.Status.Migrations.Count(m => m.State == MigrationState.Applied));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Scenario5_FailedHalfway_NamesTheFailedMigration_AndWhichObjectsExist(string server)
    {
        var expected = Scenario(Scenario5);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, expected.Migrations[0].Text);
            await RecordAsync(connection, expected.Migrations[0].Id, expected.Migrations[0].Sha256, finished: true, logs: null, schema: "momentum");
            await ExecuteAsync(connection, """CREATE TYPE "momentum"."ScheduleFrequency" AS ENUM ('DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY');""");
            await RecordAsync(connection, expected.Migrations[1].Id, expected.Migrations[1].Sha256, finished: false,
                logs: "Database error code: 42P01\nrelation \"momentum.mm_board\" does not exist", schema: "momentum");
        }

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString, new SchemaCheckOptions { HistorySchema = "momentum" });

        var failed = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.FailedMigration);
        Assert.Equal("20251208175358_add_scheduled_issues", failed.Subject);
        Assert.Equal(["enum momentum.ScheduleFrequency exists", "table momentum.mm_scheduled_issue does not"], failed.Objects.Select(o => o.ToString()));
        Assert.Contains("mm_board\" does not exist", failed.Message, StringComparison.Ordinal);
        Assert.Contains("prisma migrate resolve", failed.NextStep, StringComparison.Ordinal);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task FailedMigration_NamesACheckThatIsNoValueSet_AmongItsObjects(string server)
    {
        // The start-up read leaves out CHECKs that cannot be value sets; a failed migration's
        // objects include them, so the check reads them when a migration failed.
        var expected = ExpectedSchema.FromFiles(
        [
            new("migration_lock.toml", "provider = \"postgresql\"\n"),
            new("20250101000001_init/migration.sql", "CREATE TABLE \"t\" (\"c\" INTEGER NOT NULL);\n"),
            new("20250101000002_limits/migration.sql", "ALTER TABLE \"t\" ADD CONSTRAINT \"t_c_positive\" CHECK (\"c\" > 0);\nCREATE TABLE \"u\" (\"id\" INTEGER NOT NULL);\n"),
        ]);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ApplyAsync(connection, expected.Migrations[0]);
            await ExecuteAsync(connection, "ALTER TABLE \"t\" ADD CONSTRAINT \"t_c_positive\" CHECK (\"c\" > 0)");
            await RecordAsync(connection, expected.Migrations[1].Id, expected.Migrations[1].Sha256, finished: false, logs: "killed");
        }

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        var failed = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.FailedMigration);
        Assert.Equal(["check public.t.t_c_positive exists", "table public.u does not"], failed.Objects.Select(o => o.ToString()));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task EditedMigration_IsReportedWithBothChecksums(string server)
    {
        var expected = Scenario(Scenario1);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ApplyAsync(connection, expected.Migrations[0]);
            await ExecuteAsync(connection, expected.Migrations[1].Text);
            await RecordAsync(connection, expected.Migrations[1].Id, new string('a', 64), finished: true, logs: null);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        var edited = Assert.Single(report.Findings);
        Assert.Equal((DiagnosticCodes.EditedMigration, "20250909044604_add_cancelled_job_status"), (edited.Code, edited.Subject));
        Assert.Contains(new string('a', 64), edited.Message, StringComparison.Ordinal);
        Assert.Contains(expected.Migrations[1].Sha256, edited.Message, StringComparison.Ordinal);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task DatabaseAheadOfTheBuild_WarnsAboutTheUnknownMigration(string server)
    {
        var expected = Scenario(Scenario1);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in expected.Migrations) await ApplyAsync(connection, migration);
            await RecordAsync(connection, "20260101000000_add_archived_job_status", new string('b', 64), finished: true, logs: null);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        var unknown = Assert.Single(report.Findings);
        Assert.Equal((DiagnosticCodes.UnknownMigration, DiagnosticSeverity.Warning, "20260101000000_add_archived_job_status"), (unknown.Code, unknown.Severity, unknown.Subject));
        Assert.True(report.IsHealthy);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task CheckWithADifferentValueSet_IsReported(string server)
    {
        // Scenario 4: the history says 002 ran, but the live CHECK is still 001's.
        var expected = ExpectedSchema.FromFiles(ScenarioMigrations.Files("4-check-bots-health-status"), dialect: SqlDialect.Postgres);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, expected.Migrations[0].Text);
            await ExecuteAsync(connection, SchemaTasksHistoryTable.Create);
            foreach (var migration in expected.Migrations)
            {
                await ExecuteAsync(connection, $"INSERT INTO schematasks_history VALUES ('{migration.Id}', '{migration.Name}', '{migration.Sha256}', now(), now(), true, NULL, 'test')");
            }
        }

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.Equal(MigrationHistoryKind.SchemaTasks, report.Status.History.Kind);
        var missing = Assert.Single(report.Findings);
        Assert.Equal(DiagnosticCodes.MissingAllowedValue, missing.Code);
        Assert.Contains("bots.health_status", missing.Subject, StringComparison.Ordinal);
        Assert.Contains("unhealthy", missing.Message, StringComparison.Ordinal);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task EmptyDatabase_EveryMigrationIsPending_AndTheSchemaIsMissing(string server)
    {
        var expected = Scenario(Scenario1);
        await using var db = await PostgresTestDatabase.CreateAsync(server);

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.False(report.Status.History.TableExists);
        Assert.Equal(2, report.Findings.Count(f => f.Code == DiagnosticCodes.PendingMigration));
        Assert.Contains(report.Findings, f => f.Code == DiagnosticCodes.MissingObject && f.Subject.Contains("JobStatus", StringComparison.Ordinal));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task HistoryTableOfAnotherShape_ReadInTheCatalogBatch_IsST6008(string server)
    {
        var expected = Scenario(Scenario1);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY)", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString, new SchemaCheckOptions { HistoryKind = MigrationHistoryKind.GolangMigrate }));

        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("schema_migrations", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task MySqlMigrations_AreRefused_WithTheDialectMismatchCode()
    {
        var expected = ExpectedSchema.FromFiles(ScenarioMigrations.Files("4-check-bots-health-status"), dialect: SqlDialect.MySql);

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(expected, "Host=127.0.0.1;Database=x"));

        Assert.Equal(DiagnosticCodes.DialectMismatch, error.Code);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Cancellation_IsHonoured(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostgresSchemaCheck.VerifyAsync(Scenario(Scenario1), db.ConnectionString, cancellationToken: cancelled.Token));
    }
}
