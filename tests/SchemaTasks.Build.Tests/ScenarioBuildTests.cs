using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// Scenarios 1 to 4 as a user meets them: a plain <c>dotnet build</c> fails at the line that
/// uses an undeclared value, with the fix; <c>-p:SchemaScaffold=true</c> writes that fix as the
/// next migration of the folder's own layout; the next build passes.
/// </summary>
public sealed class ScenarioBuildTests
{
    [Fact]
    public async Task Scenario1_UnmigratedEnumLabel_FailsThenScaffoldedMigrationFixesIt()
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaMigrationsDirectory", "prisma/migrations")
            .WithCode("Scenario1JobStatus.cs");
        var migrations = fixture.AddMigrations("Scenario1PrismaInit", "prisma/migrations");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains(
            "Scenario1JobStatus.cs(13,5): error ST4001: enum member JobStatus.Cancelled maps to 'CANCELLED', which enum type \"JobStatus\" does not declare; it allows 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED'.",
            failed.Output,
            StringComparison.Ordinal);
        Assert.Contains("Fix: add a migration with: ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';", failed.Output, StringComparison.Ordinal);

        var scaffolded = await ScaffoldAsync(fixture, migrations);

        var migration = Assert.Single(scaffolded, f => f.EndsWith("/migration.sql", StringComparison.Ordinal));
        Assert.Matches(@"^\d{14}_add_cancelled/migration\.sql$", migration);
        Assert.Contains("ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';", File.ReadAllText(Path.Combine(migrations, migration)), StringComparison.Ordinal);
        await AssertBuildPassesAsync(fixture);
    }

    [Fact]
    public async Task Scenario2_LiteralOutsideMySqlEnum_FailsWithTheWholeModifyColumn()
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaMigrationsDirectory", "db/migrations")
            .WithProperty("SchemaDialect", "mysql")
            .WithCode("Scenario2JobTracking.cs");
        var migrations = fixture.AddMigrations("Scenario2GolangBefore", "db/migrations");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Matches(@"Scenario2JobTracking\.cs\(16,\d+\): error ST4001: the string assigned to JobTracking\.JobType maps to 'protection_flow', which column job_tracking\.job_type \(ENUM\) does not declare", failed.Output);
        Assert.Contains(
            "Fix: add a migration with: ALTER TABLE job_tracking MODIFY COLUMN job_type ENUM('cleanup', 'failover', 'migration', 'cloudstack', 'volume_daemon', 'linstor', 'virtio', 'ossea', 'scheduler', 'discovery', 'bulk-operations', 'group-management', 'conflict-detection', 'phantom-detection', 'schedule_management', 'schedule_control', 'protection_flow') DEFAULT NULL;",
            failed.Output,
            StringComparison.Ordinal);

        var scaffolded = await ScaffoldAsync(fixture, migrations);

        Assert.Equal(["000002_add_protection_flow.down.sql", "000002_add_protection_flow.up.sql"], scaffolded.Order(StringComparer.Ordinal));
        await AssertBuildPassesAsync(fixture);
    }

    [Fact]
    public async Task Scenario3_NearMissAndAbsentLabels_FailWithSuggestions()
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaDialect", "postgres")
            .WithCode("Scenario3ContentRequestStatus.cs");
        var migrations = fixture.AddMigrations("Scenario3Plain");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains(
            "error ST4001: enum member ContentRequestStatus.Generating maps to 'generating', which enum type content_request_status does not declare;",
            failed.Output,
            StringComparison.Ordinal);
        Assert.Contains("Did you mean 'generating_script' or 'generating_video'?", failed.Output, StringComparison.Ordinal);
        Assert.Contains("error ST4001: enum member ContentRequestStatus.ClarificationNeeded maps to 'clarification_needed'", failed.Output, StringComparison.Ordinal);

        var scaffolded = await ScaffoldAsync(fixture, migrations);

        var file = Assert.Single(scaffolded);
        Assert.Equal("002_add_generating_clarification_needed.sql", file);
        var sql = File.ReadAllText(Path.Combine(migrations, file));
        Assert.Contains("ALTER TYPE content_request_status ADD VALUE 'generating';\nALTER TYPE content_request_status ADD VALUE 'clarification_needed';\n", sql, StringComparison.Ordinal);
        await AssertBuildPassesAsync(fixture);
    }

    [Fact]
    public async Task Scenario4_ConstantOutsideCheckConstraint_FailsWithDropAndReAdd()
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaDialect", "postgres")
            .WithCode("Scenario4BotHealth.cs");
        var migrations = fixture.AddMigrations("Scenario4Check");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("Scenario4BotHealth.cs(11,25): error ST4001: constant BotHealth.Unhealthy maps to 'unhealthy', which column bots.health_status (CHECK bots_health_status_check) does not declare", failed.Output, StringComparison.Ordinal);
        Assert.Contains(
            "Fix: add a migration with: ALTER TABLE bots DROP CONSTRAINT bots_health_status_check, ADD CONSTRAINT bots_health_status_check CHECK (health_status IN ('normal', 'potentially_stuck', 'unhealthy'));",
            failed.Output,
            StringComparison.Ordinal);

        var scaffolded = await ScaffoldAsync(fixture, migrations);

        Assert.Equal(["002_add_unhealthy.sql"], scaffolded);
        await AssertBuildPassesAsync(fixture);
        Assert.Contains("\"unhealthy\"", File.ReadAllText(fixture.PathOf("schema.snapshot.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseLabelTheEnumLacks_WarnsAndFailsOnlyWhenWarningsAreErrors()
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaMigrationsDirectory", "prisma/migrations")
            .WithCode("MissingMember.cs");
        fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");

        var passed = await fixture.BuildAsync();
        // A changed property alone does not make the compiler run again, so force it.
        var strict = await fixture.BuildAsync("-p:TreatWarningsAsErrors=true", "--no-incremental");

        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.Contains("warning ST4003: enum type \"JobStatus\" allows 'CANCELLED', which no member of enum JobStatus maps to", passed.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error ST4003", strict.Output, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> ScaffoldAsync(FixtureProject fixture, string migrations)
    {
        var before = Directory.GetFiles(migrations, "*.sql", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
        var scaffold = await fixture.BuildAsync("-p:SchemaScaffold=true");
        Assert.True(scaffold.ExitCode == 0, scaffold.ToString());
        Assert.Contains("SchemaTasks scaffolded", scaffold.Output, StringComparison.Ordinal);
        return Directory.GetFiles(migrations, "*.sql", SearchOption.AllDirectories)
            .Where(f => !before.Contains(f))
            .Select(f => Path.GetRelativePath(migrations, f).Replace('\\', '/'))
            .ToList();
    }

    private static async Task AssertBuildPassesAsync(FixtureProject fixture)
    {
        var build = await fixture.BuildAsync("-v:n", "-p:SchemaCheckSummary=true");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("ST4001", build.Output, StringComparison.Ordinal);
        Assert.Matches(@"SchemaTasks checked [1-9]\d* value\(s\) of [1-9]\d* mapping\(s\) against the (postgres|mysql) schema: 0 undeclared", build.Output);
    }
}
