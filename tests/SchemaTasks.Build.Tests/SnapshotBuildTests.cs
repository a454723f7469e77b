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
    public async Task LockedBuild_TakesASnapshotCheckedOutWithCrlf_AndNamesAMigrationEditedSince()
    {
        using var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        var migrations = fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");
        var first = await fixture.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        // As a Windows checkout with an editor's byte order mark leaves it.
        var snapshotFile = fixture.PathOf("prisma/schema.snapshot.json");
        File.WriteAllText(snapshotFile, File.ReadAllText(snapshotFile).Replace("\n", "\r\n", StringComparison.Ordinal), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var checkedOut = File.ReadAllBytes(snapshotFile);
        var migration = Directory.GetFiles(migrations, "migration.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
        // A newer time stamp, the same text: the task runs and finds the snapshot current.
        File.SetLastWriteTimeUtc(migration, DateTime.UtcNow.AddSeconds(5));

        var sameText = await fixture.BuildAsync("-p:ContinuousIntegrationBuild=true");

        Assert.True(sameText.ExitCode == 0, sameText.ToString());
        Assert.Equal(checkedOut, File.ReadAllBytes(snapshotFile));

        File.AppendAllText(migration, "-- reviewed\n");
        var edited = await fixture.BuildAsync("-p:ContinuousIntegrationBuild=true");

        Assert.NotEqual(0, edited.ExitCode);
        var id = Path.GetFileName(Path.GetDirectoryName(migration));
        Assert.Contains($"error ST3101: schema.snapshot.json is not current: migration {id} ('{id}/migration.sql') changed (SHA-256 ", edited.Output, StringComparison.Ordinal);
        Assert.Equal(checkedOut, File.ReadAllBytes(snapshotFile));
    }

    [Fact]
    public async Task LockedBuild_WithTheSchemaEditedByHand_SaysTheMigrationsAreTheSame()
    {
        using var fixture = FixtureProject.Create("App").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        var migrations = fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");
        var first = await fixture.BuildAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var snapshotFile = fixture.PathOf("prisma/schema.snapshot.json");
        var generated = File.ReadAllText(snapshotFile);
        File.WriteAllText(snapshotFile, generated.Replace("\"CANCELLED\"", "\"CANCELED\"", StringComparison.Ordinal));
        var edited = File.ReadAllBytes(snapshotFile);
        foreach (var migration in Directory.GetFiles(migrations, "migration.sql", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(migration, DateTime.UtcNow.AddSeconds(5));
        }

        var locked = await fixture.BuildAsync("-p:ContinuousIntegrationBuild=true");

        Assert.NotEqual(0, locked.ExitCode);
        Assert.Contains("error ST3101: schema.snapshot.json is not current: the migrations are the same, but the schema recorded after them is not the one they build now", locked.Output, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllBytes(snapshotFile));

        var unlocked = await fixture.BuildAsync();

        Assert.True(unlocked.ExitCode == 0, unlocked.ToString());
        Assert.Contains("ST3102", unlocked.Output, StringComparison.Ordinal);
        Assert.Equal(generated, File.ReadAllText(snapshotFile));
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
