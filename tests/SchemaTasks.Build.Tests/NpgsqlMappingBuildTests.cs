using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// An enum mapped with Npgsql's <c>NpgsqlDataSourceBuilder.MapEnum</c>, against the real Npgsql
/// package, is checked on every build without <c>[DbEnum]</c>: the build fails at the member the
/// migrated type lacks, scaffolding writes the migration, and the next build passes.
/// </summary>
public sealed class NpgsqlMappingBuildTests
{
    [Fact]
    public async Task MapEnumMemberTheTypeLacks_FailsAtTheMember_ThenScaffoldedMigrationFixesIt()
    {
        using var fixture = FixtureProject.Create("NpgsqlMapped")
            .WithProperty("SchemaDialect", "postgres")
            .WithProperty("NpgsqlVersion", RepositoryLayout.CentralPackageVersion("Npgsql"))
            .WithCode("NpgsqlMood.cs");
        var migrations = fixture.AddMigrations("NpgsqlMood");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains(
            "NpgsqlMood.cs(11,5): error ST4001: enum member Mood.Angry maps to 'angry', which enum type mood does not declare; it allows 'sad', 'ok', 'very_happy'.",
            failed.Output,
            StringComparison.Ordinal);
        Assert.Contains("Fix: add a migration with: ALTER TYPE mood ADD VALUE 'angry';", failed.Output, StringComparison.Ordinal);

        var scaffold = await fixture.BuildAsync("-p:SchemaScaffold=true");
        Assert.True(scaffold.ExitCode == 0, scaffold.ToString());
        var added = Directory.GetFiles(migrations, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["001_mood.sql", "002_add_angry.sql"], added);

        var passed = await fixture.BuildAsync("-v:n", "-p:SchemaCheckSummary=true");
        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.DoesNotContain("ST4001", passed.Output, StringComparison.Ordinal);
        Assert.Contains("SchemaTasks checked 4 value(s) of 1 mapping(s) against the postgres schema: 0 undeclared, 0 the code cannot represent", passed.Output, StringComparison.Ordinal);
    }
}
