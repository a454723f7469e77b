using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SchemaTasks.Verification;
using SchemaTasks.Migrator;

namespace SchemaTasks.Hosting;

/// <summary>
/// Runs the check (and, for the hosted service under <see cref="SchemaCheckPolicy.MigrateThenVerify"/>,
/// the migrator) for the hosted service and the health check, logs it, and keeps the last
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
        var database = Database();
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

    /// <summary>Applies the pending migrations, logging each one as it is recorded.</summary>
    /// <exception cref="SchemaTasksException">The migrator's error, logged first; nothing after the failing migration ran.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var database = Database();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var expected = _expected.Value;
            LogMigrating(logger, database.Target, expected.Migrations.Count);
            var configured = options.Migrate;
            var migrate = configured with
            {
                OnApplied = applied =>
                {
                    LogApplied(logger, applied.Id, database.Target, applied.Statements, applied.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture));
                    configured.OnApplied?.Invoke(applied);
                },
            };
            var result = await database.MigrateAsync(expected, migrate, cancellationToken).ConfigureAwait(false);
            LogMigrated(logger, database.Target, result.Applied.Count, result.AlreadyApplied);
        }
        catch (SchemaTasksException error)
        {
            LogMigrationFailed(logger, database.Target, error.Code, error.Message);
            throw;
        }
        catch (DbException error)
        {
            // A statement the role may not run (the history table, a migration's DDL): the
            // server's message, which never holds the password, stops the host as it is.
            LogMigrationFailed(logger, database.Target, error.SqlState ?? error.GetType().Name, error.Message);
            throw;
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

    private ISchemaDatabaseCheck Database() =>
        services.GetService(typeof(ISchemaDatabaseCheck)) as ISchemaDatabaseCheck
        ?? throw new InvalidOperationException("AddSchemaTasksCheck needs a database: call .UseNpgsql(...) (SchemaTasks.Npgsql) or .UseMySql(...) (SchemaTasks.MySql) on its result.");

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SchemaTasks: checking the database at {Target} against {Count} migrations")]
    private static partial void LogChecking(ILogger logger, string target, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "SchemaTasks: the database at {Target} matches the migrations")]
    private static partial void LogHealthy(ILogger logger, string target);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "SchemaTasks: migrating the database at {Target}: {Count} migrations embedded")]
    private static partial void LogMigrating(ILogger logger, string target, int count);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "SchemaTasks: applied migration {Id} to {Target} ({Statements} statements, {Milliseconds} ms)")]
    private static partial void LogApplied(ILogger logger, string id, string target, int statements, string milliseconds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "SchemaTasks: migrated the database at {Target}: {Applied} applied, {AlreadyApplied} already applied")]
    private static partial void LogMigrated(ILogger logger, string target, int applied, int alreadyApplied);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "SchemaTasks: the database at {Target} could not be migrated: {Code}: {Message}")]
    private static partial void LogMigrationFailed(ILogger logger, string target, string code, string message);
}
