using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// The analyzer's summary and fixes reach the build through the compiler's SARIF error log. A
/// project that sets its own <c>ErrorLog</c> keeps it: the build reads that log, in whichever
/// SARIF version the project chose, and never writes one of its own. Without one, the build
/// asks the compiler for a log only to scaffold or to print the summary.
/// </summary>
public sealed class CompileLogBuildTests
{
    [Fact]
    public async Task An_ordinary_build_asks_the_compiler_for_no_error_log()
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaMigrationsDirectory", "prisma/migrations")
            .WithCode("Scenario1JobStatus.cs");
        var migrations = fixture.AddMigrations("Scenario1PrismaInit", "prisma/migrations");
        Directory.CreateDirectory(Path.Combine(migrations, "20250901000000_add_cancelled"));
        File.WriteAllText(Path.Combine(migrations, "20250901000000_add_cancelled", "migration.sql"), "ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';\n");

        var ordinary = await fixture.BuildAsync("-v:d");
        File.AppendAllText(fixture.PathOf("Program.cs"), "\n// edited\n");
        var summarised = await fixture.BuildAsync("-v:n", "-p:SchemaCheckSummary=true");

        Assert.True(ordinary.ExitCode == 0, ordinary.ToString());
        Assert.DoesNotContain("/errorlog:", ordinary.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemaTasks checked", ordinary.Output, StringComparison.Ordinal);
        Assert.True(summarised.ExitCode == 0, summarised.ToString());
        Assert.Matches(@"SchemaTasks checked [1-9]\d* value\(s\) of [1-9]\d* mapping\(s\) against the postgres schema: 0 undeclared", summarised.Output);
        Assert.Single(Directory.GetFiles(fixture.PathOf("obj"), "compile.sarif", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("")] // The compiler's default, SARIF 1.0.
    [InlineData(",version=2.1")]
    public async Task A_projects_own_error_log_is_kept_and_read(string version)
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaMigrationsDirectory", "prisma/migrations")
            .WithProperty("ErrorLog", "team.sarif" + version)
            .WithCode("Scenario1JobStatus.cs");
        var migrations = fixture.AddMigrations("Scenario1PrismaInit", "prisma/migrations");
        Directory.CreateDirectory(Path.Combine(migrations, "20250901000000_add_cancelled"));
        File.WriteAllText(Path.Combine(migrations, "20250901000000_add_cancelled", "migration.sql"), "ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';\n");
        var log = fixture.PathOf("team.sarif");

        var build = await fixture.BuildAsync("-v:n");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(@"SchemaTasks checked [1-9]\d* value\(s\) of [1-9]\d* mapping\(s\) against the postgres schema: 0 undeclared", build.Output);
        Assert.Contains("ST4000", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(fixture.PathOf("obj"), "compile.sarif", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Scaffolding_reads_the_projects_own_error_log()
    {
        using var fixture = FixtureProject.Create("Mapped")
            .WithProperty("SchemaMigrationsDirectory", "prisma/migrations")
            .WithProperty("ErrorLog", "team.sarif")
            .WithCode("Scenario1JobStatus.cs");
        var migrations = fixture.AddMigrations("Scenario1PrismaInit", "prisma/migrations");
        var log = fixture.PathOf("team.sarif");

        var scaffold = await fixture.BuildAsync("-p:SchemaScaffold=true");

        Assert.True(scaffold.ExitCode == 0, scaffold.ToString());
        Assert.Contains("SchemaTasks scaffolded", scaffold.Output, StringComparison.Ordinal);
        var written = Assert.Single(Directory.GetFiles(migrations, "migration.sql", SearchOption.AllDirectories), f => f.Contains("_add_cancelled", StringComparison.Ordinal));
        Assert.Contains("ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';", File.ReadAllText(written), StringComparison.Ordinal);
        Assert.True(File.Exists(log), "the project's own error log was not written where it asked");
        Assert.Empty(Directory.GetFiles(fixture.PathOf("obj"), "compile.sarif", SearchOption.AllDirectories));
    }
}
