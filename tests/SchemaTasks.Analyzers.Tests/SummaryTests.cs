using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

public sealed class SummaryTests
{
    [Fact]
    public async Task Summary_CountsCheckedValuesMappingsAndProblems()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("JobStatus", Naming = DbNaming.UpperSnakeCase)]
            public enum JobStatus { Pending, Running, Completed, Paused }
            public class Bot
            {
                [DbEnum("bots.health_status")] public string Health { get; set; } = "normal";
                public void Stall() => Health = "unhealthy";
            }
            """, Postgres(JobStatus, HealthStatus), includeSummary: true);

        var summary = Assert.Single(diagnostics, d => d.Id == "ST4000");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, summary.Severity);
        // 4 enum members + 2 strings; Paused and "unhealthy" undeclared; FAILED and CANCELLED unrepresentable.
        Assert.Equal(
            "SchemaTasks checked 6 value(s) of 2 mapping(s) against the postgres schema: 2 undeclared, 2 the code cannot represent",
            summary.GetMessage());
    }

    [Fact]
    public async Task ProjectWithoutMappings_HasNoSummary()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("public enum Plain { A }", Postgres(JobStatus), includeSummary: true);

        Assert.Empty(diagnostics);
    }
}
