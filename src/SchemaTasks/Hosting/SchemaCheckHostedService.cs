using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaTasks.Diagnostics;
using SchemaTasks.Verification;

namespace SchemaTasks.Hosting;

/// <summary>
/// Checks the database in <see cref="StartAsync"/>, which the host awaits before it serves, so a
/// fail-fast check keeps a service on the wrong schema from taking traffic; under
/// <see cref="SchemaCheckPolicy.MigrateThenVerify"/> it migrates the database first.
/// </summary>
internal sealed partial class SchemaCheckHostedService(SchemaCheckRunner runner, ILogger<SchemaCheckHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var policy = runner.Options.Policy;
        var failFast = policy != SchemaCheckPolicy.Warn;
        try
        {
            if (policy == SchemaCheckPolicy.MigrateThenVerify)
            {
                // A migrator error propagates as it is: its message names the migration and the way out.
                await runner.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            VerificationReport report;
            try
            {
                report = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SchemaTasksException error) when (failFast)
            {
                // The check could not run (connection, embedded migrations, history table): say
                // why before the host stops, as the report is logged when the check finds errors.
                LogCheckFailed(logger, LogLevel.Error, error.Code, error.Message);
                throw;
            }

            if (report.IsHealthy)
            {
                if (report.WarningCount > 0) LogReport(logger, LogLevel.Warning, report.ToText());
                return;
            }

            if (!failFast)
            {
                LogReport(logger, LogLevel.Warning, report.ToText());
                return;
            }

            LogReport(logger, LogLevel.Error, report.ToText());
            throw new SchemaTasksException(DiagnosticCodes.StartupCheckFailed, report.ToText());
        }
        catch (SchemaTasksException error) when (!failFast)
        {
            // Warn means the service starts whatever the check could or could not do.
            LogCheckFailed(logger, LogLevel.Warning, error.Code, error.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3, Message = "{Report}")]
    private static partial void LogReport(ILogger logger, LogLevel level, string report);

    [LoggerMessage(EventId = 4, Message = "SchemaTasks: the database could not be checked: {Code}: {Message}")]
    private static partial void LogCheckFailed(ILogger logger, LogLevel level, string code, string message);
}
