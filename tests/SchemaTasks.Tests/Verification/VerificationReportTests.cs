using SchemaTasks.Schema;
using SchemaTasks.Verification;
using static SchemaTasks.Tests.Verification.VerificationFixtures;

namespace SchemaTasks.Tests.Verification;

public sealed class VerificationReportTests
{
    private static readonly DateTimeOffset Started = new(2025, 12, 8, 17, 53, 58, TimeSpan.Zero);

    [Fact]
    public void Scenario1_PendingMigrationAndMissingLabel_Text()
    {
        var (migrations, build) = Scenario("1-prisma-job-status", SqlDialect.Postgres);
        var history = History(MigrationHistoryKind.Prisma, Applied(migrations[0].Id, migrations[0].Sha256, Started));

        var report = SchemaVerification.Verify(migrations, build, history, build.After(0));

        Assert.False(report.IsHealthy);
        Assert.Equal(GoldenScenario1Text, report.ToText());
    }

    [Fact]
    public void Scenario1_Json()
    {
        var (migrations, build) = Scenario("1-prisma-job-status", SqlDialect.Postgres);
        var history = History(MigrationHistoryKind.Prisma, Applied(migrations[0].Id, migrations[0].Sha256, Started));

        var report = SchemaVerification.Verify(migrations, build, history, build.After(0));

        Assert.Equal(GoldenScenario1Json, report.ToJson());
    }

    [Fact]
    public void Scenario5_FailedMigration_ListsWhatExists_AndOffersBothWays()
    {
        var (migrations, build) = Scenario("5-prisma-momentum", SqlDialect.Postgres);
        var live = SchemaEngine.Apply(build.Before(1), "CREATE TYPE \"momentum\".\"ScheduleFrequency\" AS ENUM ('DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY');").Catalog;
        var failed = new AppliedMigration(migrations[1].Id, AppliedMigrationState.Failed)
        {
            Checksum = migrations[1].Sha256,
            StartedAt = Started,
            Error = "Database error code: 42P01\nrelation \"momentum.mm_board\" does not exist",
        };
        var history = History(MigrationHistoryKind.Prisma, Applied(migrations[0].Id, migrations[0].Sha256, Started), failed);

        var report = SchemaVerification.Verify(migrations, build, history, live);

        Assert.Equal(GoldenScenario5Text, report.ToText());
        var finding = report.Findings[0];
        Assert.Equal(["enum momentum.ScheduleFrequency exists", "table momentum.mm_scheduled_issue does not"], finding.Objects.Select(o => o.ToString()));
    }

    [Fact]
    public void Healthy_WhenEverythingIsAppliedAndTheSchemaMatches()
    {
        var (migrations, build) = Scenario("1-prisma-job-status", SqlDialect.Postgres);
        var history = History(MigrationHistoryKind.Prisma, [.. migrations.Select(m => Applied(m.Id, m.Sha256))]);

        var report = SchemaVerification.Verify(migrations, build, history, build.Final);

        Assert.True(report.IsHealthy);
        Assert.Empty(report.Findings);
        Assert.Equal(
            "SchemaTasks verification: healthy (0 errors, 0 warnings)\nHistory: prisma table _prisma_migrations; 2 applied, 0 pending; live schema compared\n",
            report.ToText());
    }

    [Fact]
    public void GolangMigrateDirty_WithoutLiveSchema_SaysToInspect_AndForcesThePreviousVersion()
    {
        var migrations = new[] { Embedded("1", "000001_a.up.sql", "CREATE TABLE a (id int);"), Embedded("2", "000002_b.up.sql", "CREATE TABLE b (id int);") };
        var build = SchemaEngine.Build(new Migrations.MigrationSet(Migrations.MigrationLayout.GolangMigrate, null, [.. migrations.Select(m => new Migrations.Migration(m.Id, m.Id, m.Name, m.RelativePath, m.Sha256, m.Text))]), SqlDialect.MySql);

        var report = SchemaVerification.Verify(migrations, build, History(MigrationHistoryKind.GolangMigrate, new AppliedMigration("2", AppliedMigrationState.Dirty)), live: null);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("Migration 2 (000002_b.up.sql) is dirty: it started and did not finish.", finding.Message);
        Assert.Equal("Inspect what it left in the database. Roll back: run `migrate -path <migrations folder> -database <url> force 1` and `migrate ... up`.", finding.NextStep);
    }

    [Fact]
    public void EditedAndUnknown_AreReported()
    {
        var a = Embedded("V1", "V1__a.sql", "CREATE TABLE a (id int);\n");
        var build = SchemaEngine.Build(new Migrations.MigrationSet(Migrations.MigrationLayout.Flyway, null, [new Migrations.Migration("1", "1", "a", a.RelativePath, a.Sha256, a.Text)]), SqlDialect.Postgres);
        var flywayA = a with { Id = "1" };

        var report = SchemaVerification.Verify([flywayA], build, History(MigrationHistoryKind.Flyway, Applied("1", "12345"), Applied("2") with { Name = "add b" }), live: null);

        Assert.Equal(
            [
                $"error ST6003: Migration 1 (V1__a.sql) changed after it was applied: the history records checksum 12345, this build's file has {FlywayChecksum.ComputeText(a.Text)}. Next: Restore V1__a.sql to the text that was applied, and make the change in a new migration (if the edit changes nothing, `flyway repair` records the new checksum).",
                "warning ST6004: The database records migration 2 (add b), which this build does not have: the database is ahead of this build, or the file was removed. Next: Deploy a build that includes migration 2, or make sure this build works with the newer schema.",
            ],
            report.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2));
        Assert.False(report.IsHealthy);
    }

    private const string GoldenScenario1Text = """
        SchemaTasks verification: unhealthy (2 errors, 0 warnings)
        History: prisma table _prisma_migrations; 1 applied, 1 pending; live schema compared
        error ST6001: Migration 20250909044604_add_cancelled_job_status (20250909044604_add_cancelled_job_status/migration.sql) has not been applied. Next: Run `npx prisma migrate deploy`.
        error ST6012: Enum public.JobStatus lacks label 'CANCELLED', which the migrations add; writing it fails (PostgreSQL 22P02 invalid input value for enum). Next: Apply the pending migrations: run `npx prisma migrate deploy`.

        """;

    private const string GoldenScenario1Json = """
        {
          "healthy": false,
          "errors": 2,
          "warnings": 0,
          "schemaCompared": true,
          "history": {
            "kind": "prisma",
            "table": "_prisma_migrations",
            "exists": true
          },
          "migrations": [
            {
              "id": "20250801120000_init",
              "name": "init",
              "path": "20250801120000_init/migration.sql",
              "state": "applied",
              "checksum": "matches",
              "edited": false,
              "outOfOrder": false,
              "startedAt": "2025-12-08T17:53:58Z",
              "finishedAt": "2025-12-08T17:53:58Z",
              "error": null
            },
            {
              "id": "20250909044604_add_cancelled_job_status",
              "name": "add_cancelled_job_status",
              "path": "20250909044604_add_cancelled_job_status/migration.sql",
              "state": "pending",
              "checksum": "notRecorded",
              "edited": false,
              "outOfOrder": false,
              "startedAt": null,
              "finishedAt": null,
              "error": null
            }
          ],
          "findings": [
            {
              "severity": "error",
              "code": "ST6001",
              "subject": "20250909044604_add_cancelled_job_status",
              "value": null,
              "message": "Migration 20250909044604_add_cancelled_job_status (20250909044604_add_cancelled_job_status/migration.sql) has not been applied.",
              "nextStep": "Run `npx prisma migrate deploy`.",
              "objects": []
            },
            {
              "severity": "error",
              "code": "ST6012",
              "subject": "public.JobStatus",
              "value": "CANCELLED",
              "message": "Enum public.JobStatus lacks label 'CANCELLED', which the migrations add; writing it fails (PostgreSQL 22P02 invalid input value for enum).",
              "nextStep": "Apply the pending migrations: run `npx prisma migrate deploy`.",
              "objects": []
            }
          ]
        }

        """;

    private const string GoldenScenario5Text = """
        SchemaTasks verification: unhealthy (2 errors, 0 warnings)
        History: prisma table _prisma_migrations; 1 applied, 0 pending, 1 failed; live schema compared
        error ST6002: Migration 20251208175358_add_scheduled_issues (20251208175358_add_scheduled_issues/migration.sql) failed (started 2025-12-08 17:53:58Z): Database error code: 42P01 relation "momentum.mm_board" does not exist. In the database: enum momentum.ScheduleFrequency exists; table momentum.mm_scheduled_issue does not. Next: Roll back: drop enum momentum.ScheduleFrequency, then run `npx prisma migrate resolve --rolled-back 20251208175358_add_scheduled_issues` and `npx prisma migrate deploy`. Or finish it: create table momentum.mm_scheduled_issue as the migration does, then run `npx prisma migrate resolve --applied 20251208175358_add_scheduled_issues`.
        error ST6010: Table momentum.mm_scheduled_issue does not exist. Next: Repair the failed migration first (ST6002), then verify again.

        """;
}
