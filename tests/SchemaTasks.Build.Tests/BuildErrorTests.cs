using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

public sealed class BuildErrorTests
{
    [Fact]
    public async Task UnknownLayout_FailsTheBuildNamingTheValue()
    {
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaMigrationsLayout", "no-such-tool");
        fixture.AddMigrations("PlainNumbered");

        var build = await fixture.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error ST1006: SchemaMigrationsLayout is 'no-such-tool'", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MixedLayouts_FailTheBuildNamingEachFile()
    {
        using var fixture = FixtureProject.Create("BuildOnly");
        var migrations = fixture.AddMigrations("PlainNumbered");
        File.WriteAllText(Path.Combine(migrations, "V3__flyway_style.sql"), "SELECT 1;\n");
        File.WriteAllText(Path.Combine(migrations, "4_golang_style.up.sql"), "SELECT 1;\n");

        var build = await fixture.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error ST1003", build.Output, StringComparison.Ordinal);
        Assert.Contains("V3__flyway_style.sql", build.Output, StringComparison.Ordinal);
        Assert.Contains("4_golang_style.up.sql", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateVersion_FailsTheBuildAtTheFile()
    {
        using var fixture = FixtureProject.Create("BuildOnly").WithProperty("SchemaMigrationsDirectory", "db");
        var migrations = fixture.AddMigrations("GolangMigrate", "db");
        File.WriteAllText(Path.Combine(migrations, "2_other.up.sql"), "SELECT 1;\n");

        var build = await fixture.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"db/0*2_\w+\.up\.sql ?: error ST1004: Version 2 is used by more than one migration", build.Output);
        Assert.Contains("'2_other.up.sql'", build.Output, StringComparison.Ordinal);
        Assert.Contains("'000002_add_protection_flow_job_types.up.sql'", build.Output, StringComparison.Ordinal);
    }
}
