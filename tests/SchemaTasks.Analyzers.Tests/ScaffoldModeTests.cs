using Microsoft.CodeAnalysis;
using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

public sealed class ScaffoldModeTests
{
    private const string Code = """
        using SchemaTasks;
        [DbEnum("bots.health_status")]
        public static class BotHealth { public const string Unhealthy = "unhealthy"; }
        """;

    [Fact]
    public async Task UndeclaredValue_CarriesTheTemplateAndValueForScaffolding()
    {
        var error = Assert.Single(await AnalyzerRun.DiagnosticsAsync(Code, Postgres(HealthStatus)));

        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("unhealthy", error.Properties[ValueChecker.ValueProperty]);
        Assert.StartsWith("ALTER TABLE bots DROP CONSTRAINT bots_health_status_check", error.Properties[ValueChecker.TemplateProperty], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileScaffolding_UndeclaredValueIsAWarning()
    {
        var warning = Assert.Single(await AnalyzerRun.DiagnosticsAsync(Code, Postgres(HealthStatus), scaffold: true));

        Assert.Equal("ST4001", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }
}
