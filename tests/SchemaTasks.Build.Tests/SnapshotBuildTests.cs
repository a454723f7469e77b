using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

public sealed class SnapshotBuildTests
{
    [Fact]
    public async Task FirstBuild_WritesTheSnapshotBesideTheMigrations()
    {
        using var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");

        var build = await fixture.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("ST3102", build.Output, StringComparison.Ordinal);
        var snapshot = File.ReadAllText(fixture.PathOf("prisma/schema.snapshot.json"));
        Assert.Contains("\"CANCELLED\"", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockedBuild_WithAStaleSnapshot_FailsNamingTheNewMigrationAndLeavesTheFile()
    {
        using var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        var migrations = fixture.AddMigrations("Scenario1PrismaInit", "prisma/migrations");
        var first = await fixture.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var committed = File.ReadAllBytes(fixture.PathOf("prisma/schema.snapshot.json"));
        var added = Path.Combine(migrations, "20250909044604_add_cancelled_job_status");
        Directory.CreateDirectory(added);
        File.WriteAllText(Path.Combine(added, "migration.sql"), "ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';\n");

        var locked = await fixture.BuildAsync("-p:ContinuousIntegrationBuild=true");

        Assert.NotEqual(0, locked.ExitCode);
        Assert.Contains(
            "error ST3101: schema.snapshot.json is not current: migration 20250909044604_add_cancelled_job_status ('20250909044604_add_cancelled_job_status/migration.sql') is new.",
            locked.Output,
            StringComparison.Ordinal);
        Assert.Equal(committed, File.ReadAllBytes(fixture.PathOf("prisma/schema.snapshot.json")));

        var unlocked = await fixture.BuildAsync();
        var lockedAgain = await fixture.BuildAsync("-p:SchemaSnapshotLocked=true");
        Assert.True(unlocked.ExitCode == 0, unlocked.ToString());
        Assert.True(lockedAgain.ExitCode == 0, lockedAgain.ToString());
    }

    [Fact]
    public async Task MalformedMigration_FailsAtItsLineAndWritesNoSnapshot()
    {
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaDialect", "postgres");
        var migrations = fixture.AddMigrations("PlainNumbered");
        File.WriteAllText(Path.Combine(migrations, "11_broken.sql"), "-- a table\nCREATE TABLE broken (\n  id int,\n  status text CHECK (status IN ('a', 'b')\n);\n");

        var build = await fixture.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"11_broken\.sql\(\d+,\d+\): error ST20\d\d: ", build.Output);
        Assert.False(File.Exists(fixture.PathOf("schema.snapshot.json")));
    }

    [Fact]
    public async Task PlainMigrationsWithoutADialect_FailAskingForSchemaDialect()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        fixture.AddMigrations("PlainNumbered");

        var build = await fixture.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error ST1008", build.Output, StringComparison.Ordinal);
        Assert.Contains("<SchemaDialect>postgres</SchemaDialect>", build.Output, StringComparison.Ordinal);
    }
}
