using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// SQL run with the real Dapper package is checked on every build: the build fails at the
/// string literal inside the query that the migrated schema does not declare, scaffolding
/// writes the migration, and the next build passes.
/// </summary>
public sealed class DapperSqlBuildTests
{
    [Fact]
    public async Task UndeclaredValueInQuery_FailsAtTheSqlLiteral_ThenScaffoldedMigrationFixesIt()
    {
        using var fixture = FixtureProject.Create("DapperSql")
            .WithProperty("SchemaDialect", "postgres")
            .WithProperty("DapperVersion", RepositoryLayout.CentralPackageVersion("Dapper"))
            .WithCode("DapperJobs.cs");
        var migrations = fixture.AddMigrations("DapperJobs");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains(
            "DapperJobs.cs(15,57): error ST4001: the SQL literal assigned to status in the text passed to SqlMapper.Execute maps to 'retrying', which column jobs.status (enum type job_status) does not declare; it allows 'queued', 'running', 'done'.",
            failed.Output,
            StringComparison.Ordinal);
        Assert.Contains("Fix: add a migration with: ALTER TYPE job_status ADD VALUE 'retrying';", failed.Output, StringComparison.Ordinal);

        var scaffold = await fixture.BuildAsync("-p:SchemaScaffold=true");
        Assert.True(scaffold.ExitCode == 0, scaffold.ToString());
        var added = Directory.GetFiles(migrations, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["001_jobs.sql", "002_add_retrying.sql"], added);

        var passed = await fixture.BuildAsync("-v:d", "-p:SchemaCheckSummary=true");
        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.DoesNotContain("error ST4001", passed.Output, StringComparison.Ordinal);
        Assert.Contains("SchemaTasks checked 3 value(s) of 0 mapping(s) against the postgres schema: 0 undeclared, 0 the code cannot represent", passed.Output, StringComparison.Ordinal);
        Assert.Contains("SchemaTasks could not read 1 of the 3 SQL string(s) passed to database calls", passed.Output, StringComparison.Ordinal);
    }
}
