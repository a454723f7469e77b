using System.Text.Json;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>goose, sqlx and drizzle-kit folders, each built with a real <c>dotnet build</c>.</summary>
public sealed class OtherToolLayoutBuildTests
{
    [Fact]
    public async Task GooseFolder_WithADeclaredGoMigration_BuildsItsSchema_InGooseOrder()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        fixture.AddMigrations("Goose");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("ST1016", build.Output, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], ManifestIds(fixture));
        AssertLabelsInOrder(fixture, "queued", "running", "failed", "done");
    }

    [Fact]
    public async Task GooseFolder_UndeclaredGoMigration_WarnsByVersionAtTheFile()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("Goose");
        File.WriteAllText(Path.Combine(migrations, "00004_send_emails.go"), "package migrations\n\nimport \"github.com/pressly/goose/v3\"\n\nfunc init() { goose.AddMigration(up, nil) }\n");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(@"00004_send_emails\.go\(1,1\): warning ST1016: goose migration 4 is Go code", build.Output);
        Assert.Equal(["1", "2", "3", "4"], ManifestIds(fixture));
    }

    [Fact]
    public async Task GooseFile_WithoutUpAnnotation_FailsAtItsLine_AndWritesNothing()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("Goose");
        File.WriteAllText(Path.Combine(migrations, "00005_forgot.sql"), "ALTER TYPE job_status ADD VALUE 'lost';\n");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"00005_forgot\.sql\(1,1\): error ST1015: The file has no '-- \+goose Up' annotation", build.Output);
        Assert.False(File.Exists(fixture.PathOf("schema.snapshot.json")));
    }

    [Fact]
    public async Task SqlxFolder_IsDetectedByItsNoTransactionMarker_AndKeyedByVersion()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        fixture.AddMigrations("Sqlx");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(["20240101000000", "20240102000000"], ManifestIds(fixture));
        using var manifest = JsonDocument.Parse(fixture.ReadGeneratedManifest());
        Assert.Equal("sqlx", manifest.RootElement.GetProperty("layout").GetString());
    }

    [Fact]
    public async Task DrizzleFolder_FollowsItsJournal()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        fixture.AddMigrations("Drizzle");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(["1735689600000", "1735776000000"], ManifestIds(fixture));
        AssertLabelsInOrder(fixture, "queued", "running", "done");
    }

    [Fact]
    public async Task DrizzleJournal_NamingAMissingFile_FailsAtTheEntry_AndWritesNothing()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("Drizzle");
        File.Delete(Path.Combine(migrations, "0001_brave_comet.sql"));

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"meta/_journal\.json\(16,1\): error ST1013: drizzle-kit.s journal names migration .0001_brave_comet.", build.Output);
        Assert.False(File.Exists(fixture.PathOf("schema.snapshot.json")));
    }

    private static List<string?> ManifestIds(FixtureProject fixture)
    {
        using var manifest = JsonDocument.Parse(fixture.ReadGeneratedManifest());
        return manifest.RootElement.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
    }

    // The enum type's labels, in the snapshot in this order (each written once).
    private static void AssertLabelsInOrder(FixtureProject fixture, params string[] labels)
    {
        var snapshot = File.ReadAllText(fixture.PathOf("schema.snapshot.json"));
        var at = labels.Select(l => snapshot.IndexOf($"\"{l}\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
    }
}
