using System.Text.Json;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>A Liquibase folder (a YAML master changelog including formatted SQL changelogs), built with a real <c>dotnet build</c>.</summary>
public sealed class LiquibaseLayoutBuildTests
{
    [Fact]
    public async Task LiquibaseFolder_FollowsItsMasterChangelog_EachChangesetAMigration()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        fixture.AddMigrations("Liquibase");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.True(build.ExitCode == 0, build.ToString());
        using var manifest = JsonDocument.Parse(fixture.ReadGeneratedManifest());
        Assert.Equal("liquibase", manifest.RootElement.GetProperty("layout").GetString());
        Assert.Equal(
            ["changes/001-jobs.sql::create-job-status::dana", "changes/001-jobs.sql::create-jobs::dana", "changes/002-job-status.sql::add-done::erik", "changes/002-job-status.sql::index-status::erik"],
            manifest.RootElement.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        var snapshot = File.ReadAllText(fixture.PathOf("schema.snapshot.json"));
        Assert.True(snapshot.IndexOf("\"running\"", StringComparison.Ordinal) < snapshot.IndexOf("\"done\"", StringComparison.Ordinal), snapshot);
    }

    [Fact]
    public async Task EditingTheMasterChangelog_RunsTheCheckAgain()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("Liquibase");
        var first = await fixture.BuildAsync("-p:SchemaDialect=postgres");
        Assert.True(first.ExitCode == 0, first.ToString());

        // No SQL file changes: only the master stops including the second changelog.
        var master = Path.Combine(migrations, "db.changelog-master.yaml");
        File.WriteAllText(master, "databaseChangeLog:\n  - include:\n      file: changes/001-jobs.sql\n      relativeToChangelogFile: true\n");
        var second = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.True(second.ExitCode == 0, second.ToString());
        using var manifest = JsonDocument.Parse(fixture.ReadGeneratedManifest());
        Assert.Equal(
            ["changes/001-jobs.sql::create-job-status::dana", "changes/001-jobs.sql::create-jobs::dana"],
            manifest.RootElement.GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task LiquibaseChangesetIdUsedTwice_FailsAtTheSecond_AndWritesNothing()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("Liquibase");
        File.AppendAllText(Path.Combine(migrations, "changes", "002-job-status.sql"), "\n--changeset erik:add-done\nALTER TYPE job_status ADD VALUE 'failed';\n");

        var build = await fixture.BuildAsync("-p:SchemaDialect=postgres");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"002-job-status\.sql\(12,1\): error ST1020: Changeset 'erik:add-done' is defined twice", build.Output);
        Assert.False(File.Exists(fixture.PathOf("schema.snapshot.json")));
    }
}
