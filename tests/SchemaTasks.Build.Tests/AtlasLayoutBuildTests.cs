using System.Text.Json;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>An Atlas folder (atlas.sum beside the files Atlas writes), built with a real <c>dotnet build</c>.</summary>
public sealed class AtlasLayoutBuildTests
{
    [Fact]
    public async Task AtlasFolder_IsDetectedByAtlasSum_AndBuildsItsSchema_InNameOrder()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        fixture.AddMigrations("Atlas");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.True(build.ExitCode == 0, build.ToString());
        using var manifest = JsonDocument.Parse(fixture.ReadGeneratedManifest());
        Assert.Equal("atlas", manifest.RootElement.GetProperty("layout").GetString());
        Assert.Equal(
            ["20240101000000", "20240102000000", "20240103000000"],
            manifest.RootElement.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var snapshot = File.ReadAllText(fixture.PathOf("schema.snapshot.json"));
        Assert.True(snapshot.IndexOf("\"running\"", StringComparison.Ordinal) < snapshot.IndexOf("\"done\"", StringComparison.Ordinal), snapshot);
    }

    [Fact]
    public async Task AtlasFile_EditedAfterHashing_FailsNamingTheFile_AndWritesNothing()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("Atlas");
        File.AppendAllText(Path.Combine(migrations, "20240102000000_add_done.sql"), "ALTER TYPE \"public\".\"job_status\" ADD VALUE 'failed';\n");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"20240102000000_add_done\.sql\(1,1\): error ST1018: '20240102000000_add_done\.sql' does not match atlas\.sum", build.Output);
        Assert.False(File.Exists(fixture.PathOf("schema.snapshot.json")));
    }

    [Fact]
    public async Task AtlasFile_WithATxmodeAtlasRefuses_FailsAtTheDirectiveLine()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("Atlas");
        File.WriteAllText(Path.Combine(migrations, "20240103000000.sql"), "-- atlas:txmode all\n\nSELECT 1;\n");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"20240103000000\.sql\(1,1\): error ST1019: '20240103000000\.sql' sets 'atlas:txmode all'", build.Output);
    }
}
