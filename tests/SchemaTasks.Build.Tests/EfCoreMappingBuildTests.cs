using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// EF Core services that say nothing to SchemaTasks, built against the real EF Core providers:
/// the build reads the enum mappings from their model configuration, fails at the members and
/// values the migrations lack, scaffolding writes the migration, and the next build passes.
/// </summary>
public sealed class EfCoreMappingBuildTests
{
    [Fact]
    public async Task NpgsqlProvider_MapEnumAndStringConversion_FailAtTheMembers_ThenScaffoldingFixesBoth()
    {
        using var fixture = FixtureProject.Create("EfCoreNpgsql")
            .WithProperty("SchemaDialect", "postgres")
            .WithProperty("EfCoreNpgsqlVersion", RepositoryLayout.CentralPackageVersion("Npgsql.EntityFrameworkCore.PostgreSQL"))
            .WithCode("EfShop.cs");
        var migrations = fixture.AddMigrations("EfShop");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        AssertReports(failed, "EfShop.cs(11,5): error ST4001: enum member OrderState.Refunded maps to 'refunded', which enum type order_state does not declare");
        AssertReports(failed, "EfShop.cs(19,5): error ST4001: enum member Channel.Phone maps to 'Phone', which column orders.channel");

        await ScaffoldThenPassAsync(fixture, migrations, expectedChecked: 7);
    }

    [Fact]
    public async Task PomeloProvider_StringConversionAndColumnTypeList_FailAtTheMemberAndTheValue_ThenScaffoldingFixesBoth()
    {
        using var fixture = FixtureProject.Create("PomeloMySql")
            .WithProperty("SchemaDialect", "mariadb")
            .WithProperty("PomeloVersion", RepositoryLayout.CentralPackageVersion("Pomelo.EntityFrameworkCore.MySql"))
            .WithCode("PomeloTickets.cs");
        var migrations = fixture.AddMigrations("PomeloTickets");

        var failed = await fixture.BuildAsync();

        Assert.NotEqual(0, failed.ExitCode);
        AssertReports(failed, "PomeloTickets.cs(12,5): error ST4001: enum member TicketPriority.Urgent maps to 'Urgent', which column tickets.priority (ENUM) does not declare");
        AssertReports(failed, "PomeloTickets.cs(23,55): error ST4001: [Column(TypeName)] of Ticket.Kind maps to 'question', which column tickets.kind (ENUM) does not declare");

        await ScaffoldThenPassAsync(fixture, migrations, expectedChecked: 7);
    }

    private static void AssertReports(DotnetResult build, string finding)
        => Assert.True(build.Output.Contains(finding, StringComparison.Ordinal), $"Expected: {finding}\n{build}");

    private static async Task ScaffoldThenPassAsync(FixtureProject fixture, string migrations, int expectedChecked)
    {
        var scaffold = await fixture.BuildAsync("-p:SchemaScaffold=true");
        Assert.True(scaffold.ExitCode == 0, scaffold.ToString());
        Assert.Equal(2, Directory.GetFiles(migrations, "*.sql").Length);

        var passed = await fixture.BuildAsync("-v:n", "-p:SchemaCheckSummary=true");
        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.DoesNotContain("ST4001", passed.Output, StringComparison.Ordinal);
        Assert.Contains($"SchemaTasks checked {expectedChecked} value(s)", passed.Output, StringComparison.Ordinal);
    }
}
