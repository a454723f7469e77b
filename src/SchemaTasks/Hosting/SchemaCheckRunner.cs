using Microsoft.Extensions.Logging;
using SchemaTasks.Checking;
using SchemaTasks.Verification;

namespace SchemaTasks.Hosting;

/// <summary>
/// Runs the check for the hosted service and the health check, logs it, and keeps the last
/// result so health probes do not query the database every time.
/// </summary>
internal sealed partial class SchemaCheckRunner(
    Func<ExpectedSchema> loadExpected,
    SchemaStartupCheckOptions options,
    IServiceProvider services,
    ILogger<SchemaCheckRunner> logger)
{
    private readonly Lazy<ExpectedSchema> _expected = new(loadExpected);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, VerificationReport Report)? _last;

    public SchemaStartupCheckOptions Options => options;

    public async Task<VerificationReport> RunAsync(CancellationToken cancellationToken)
    {
        var database = services.GetService(typeof(ISchemaDatabaseCheck)) as ISchemaDatabaseCheck
            ?? throw new InvalidOperationException("AddSchemaTasksCheck needs a database: call .UseNpgsql(...) (SchemaTasks.Npgsql) or .UseMySql(...) (SchemaTasks.MySql) on its result.");

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The embedded migrations are verified (checksums) before any connection is opened.
            var expected = _expected.Value;
            LogChecking(logger, database.Target, expected.Migrations.Count);
            var report = await database.RunAsync(expected, options.Check, cancellationToken).ConfigureAwait(false);
            _last = (DateTimeOffset.UtcNow, report);
            if (report.Findings.Count == 0)
            {
                LogHealthy(logger, database.Target);
            }

            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The last report if it is younger than <see cref="SchemaStartupCheckOptions.HealthCheckInterval"/>, else a new one.</summary>
    public async Task<VerificationReport> RecentAsync(CancellationToken cancellationToken) =>
        _last is { } last && DateTimeOffset.UtcNow - last.At < options.HealthCheckInterval
            ? last.Report
            : await RunAsync(cancellationToken).ConfigureAwait(false);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SchemaTasks: checking the database at {Target} against {Count} migrations")]
    private static partial void LogChecking(ILogger logger, string target, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "SchemaTasks: the database at {Target} matches the migrations")]
    private static partial void LogHealthy(ILogger logger, string target);
}
