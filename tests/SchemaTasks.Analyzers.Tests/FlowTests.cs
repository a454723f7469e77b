using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>String constants that flow straight into a mapped member are checked wherever they flow.</summary>
public sealed class FlowTests
{
    private const string Job = """
        using SchemaTasks;
        public class Job
        {
            [DbEnum("bots.health_status")] public string Health { get; set; } = "normal";
            public static void SetHealth([DbEnum("bots.health_status")] string health) { }
        }
        """;

    [Theory]
    [InlineData("Job.SetHealth(\"unhealthy\");", "the string passed to parameter 'health' of Job.SetHealth")]
    [InlineData("var ok = job.Health == \"unhealthy\";", "the string compared with Job.Health")]
    [InlineData("var ok = \"unhealthy\" != job.Health;", "the string compared with Job.Health")]
    [InlineData("switch (job.Health) { case \"unhealthy\": break; }", "the string compared with Job.Health")]
    [InlineData("var n = job.Health switch { \"normal\" => 1, \"unhealthy\" => 2, _ => 0 };", "the string compared with Job.Health")]
    [InlineData("var ok = job.Health is \"normal\" or \"unhealthy\";", "the string compared with Job.Health")]
    [InlineData("const string Bad = \"unhealthy\"; job.Health = Bad;", "the string assigned to Job.Health")]
    public async Task UndeclaredConstant_IsReportedWhereItFlows(string statement, string subject)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Job + $$"""
            public static class Use { public static void Run(Job job) { {{statement}} } }
            """, Postgres(HealthStatus));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.StartsWith($"{subject} maps to 'unhealthy'", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclaredValuesAndRuntimeValues_AreNotReported()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Job + """
            public static class Use
            {
                public static void Run(Job job, string fromUser)
                {
                    job.Health = "potentially_stuck";
                    job.Health = fromUser;
                    Job.SetHealth("normal");
                }
            }
            """, Postgres(HealthStatus));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task UndeclaredPropertyInitializer_IsReported()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            public class Bot { [DbEnum("bots.health_status")] public string Health { get; set; } = "unhealthy"; }
            """, Postgres(HealthStatus));

        Assert.Equal("ST4001", Assert.Single(diagnostics).Id);
    }
}
