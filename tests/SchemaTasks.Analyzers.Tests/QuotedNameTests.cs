using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// Names that hold a dot inside their quotes travel in parts from the migrations through the
/// value-set file to the message and its fix: nothing splits them on the dot.
/// </summary>
public sealed class QuotedNameTests
{
    [Fact]
    public async Task EnumTypeNamedWithADot_ResolvesAndItsFixQuotesTheWholeName()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("\"my.status\"")]
            public static class Status { public const string On = "on"; public const string Off = "off"; }
            """, Postgres("""CREATE TYPE "my.status" AS ENUM ('on');"""));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.Contains("which enum type \"my.status\" does not declare", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("Fix: add a migration with: ALTER TYPE \"my.status\" ADD VALUE 'off';", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnumTypeInASchemaNamedWithADot_ResolvesAndItsFixQuotesEachPart()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("\"a.b\".mode")]
            public static class Mode { public const string Fast = "fast"; public const string Slow = "slow"; }
            """, Postgres("""
            CREATE SCHEMA "a.b";
            CREATE TYPE "a.b".mode AS ENUM ('fast');
            """));

        var error = Assert.Single(diagnostics);
        Assert.EndsWith("Fix: add a migration with: ALTER TYPE \"a.b\".mode ADD VALUE 'slow';", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnOfADomainInASchemaNamedWithADot_FixReplacesTheDomainsNamedCheck()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("tasks.p")]
            public static class Priority { public const string Urgent = "urgent"; }
            """, Postgres("""
            CREATE SCHEMA "a.b";
            CREATE DOMAIN "a.b".priority AS text CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high'));
            CREATE TABLE tasks (p "a.b".priority);
            """));

        var error = Assert.Single(diagnostics);
        Assert.Contains("which column tasks.p (domain \"a.b\".priority) does not declare", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith(
            "ALTER DOMAIN \"a.b\".priority DROP CONSTRAINT priority_values; ALTER DOMAIN \"a.b\".priority ADD CONSTRAINT priority_values CHECK (VALUE IN ('low', 'high', 'urgent'));",
            error.GetMessage(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTarget_SuggestsADottedNameInQuotes()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("my.statuss")]
            public enum Status { On }
            """, Postgres("""CREATE TYPE "my.status" AS ENUM ('On');"""));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4002", error.Id);
        Assert.Contains("Did you mean '\"my.status\"'?", error.GetMessage(), StringComparison.Ordinal);
    }
}
