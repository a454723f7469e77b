using Microsoft.Extensions.Diagnostics.HealthChecks;
using SchemaTasks.Verification;

namespace SchemaTasks.Hosting;

/// <summary>
/// Reports whether the database matches the migrations: Healthy with no finding, Degraded with
/// warnings only, Unhealthy with errors or when the database cannot be checked; the description
/// is the report. Registered by <c>AddSchemaTasksCheck</c>; add it to the application's checks with
/// <c>services.AddHealthChecks().AddCheck&lt;SchemaTasksHealthCheck&gt;("schema")</c>.
/// </summary>
public sealed class SchemaTasksHealthCheck : IHealthCheck
{
    private readonly SchemaCheckRunner _runner;

    internal SchemaTasksHealthCheck(SchemaCheckRunner runner) => _runner = runner;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        VerificationReport report;
        try
        {
            report = await _runner.RecentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SchemaTasksException error)
        {
            return HealthCheckResult.Unhealthy($"{error.Code}: {error.Message}", data: new Dictionary<string, object> { ["code"] = error.Code });
        }

        var data = new Dictionary<string, object> { ["errors"] = report.ErrorCount, ["warnings"] = report.WarningCount };
        return !report.IsHealthy ? HealthCheckResult.Unhealthy(report.ToText(), data: data)
            : report.WarningCount > 0 ? HealthCheckResult.Degraded(report.ToText(), data: data)
            : HealthCheckResult.Healthy(report.ToText(), data);
    }
}
