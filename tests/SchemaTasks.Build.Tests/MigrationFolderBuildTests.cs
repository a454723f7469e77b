using System.Text.Json;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>What a real build makes of a migrations folder as repositories have them.</summary>
public sealed class MigrationFolderBuildTests
{
    [Fact]
    public async Task PrismaFoldersSharingATimestamp_Build_AndTheManifestKeysThemByWholeName()
    {
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        var migrations = fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");
        AddMigration(migrations, "20250909044604_add_contact", "CREATE TABLE \"Contact\" (id int);\n");

        var build = await fixture.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        using var manifest = JsonDocument.Parse(fixture.ReadGeneratedManifest());
        Assert.Equal(
            ["20250801120000_init", "20250909044604_add_cancelled_job_status", "20250909044604_add_contact"],
            manifest.RootElement.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task SkippedSeedFile_IsListedAtNormalVerbosity_AndNotAtMinimal()
    {
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaMigrationsDirectory", "prisma/migrations");
        var migrations = fixture.AddMigrations("Scenario1Prisma", "prisma/migrations");
        File.WriteAllText(Path.Combine(migrations, "seed.sql"), "INSERT INTO x VALUES (1);\n");

        var normal = await fixture.BuildAsync("-v:n");
        File.AppendAllText(Path.Combine(migrations, "seed.sql"), "-- touched, so the folder is read again\n");
        var minimal = await fixture.BuildAsync("-v:m");

        Assert.True(normal.ExitCode == 0, normal.ToString());
        Assert.Matches(@"seed\.sql ?: message ST1010: 'seed\.sql' is not a migration and was skipped", normal.Output);
        Assert.True(minimal.ExitCode == 0, minimal.ToString());
        Assert.DoesNotContain("ST1010", minimal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkToTheMigrationsFolderItself_FailsTheBuildOnceNamingTheLink()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("PlainNumbered");
        Directory.CreateSymbolicLink(Path.Combine(migrations, "loop"), ".");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Migrations/loop ?: error ST1009: 'loop' is a symbolic link to '\.', which is the migrations folder itself", build.Output);
        Assert.DoesNotContain("loop/loop", build.Output, StringComparison.Ordinal);
    }

    private static void AddMigration(string migrations, string name, string sql)
    {
        Directory.CreateDirectory(Path.Combine(migrations, name));
        File.WriteAllText(Path.Combine(migrations, name, "migration.sql"), sql);
    }
}
