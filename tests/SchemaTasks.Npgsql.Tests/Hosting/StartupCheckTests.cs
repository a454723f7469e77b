using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaTasks.Diagnostics;
using SchemaTasks.Hosting;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.Npgsql.Tests.Verification.PrismaDatabase;

namespace SchemaTasks.Npgsql.Tests.Hosting;

/// <summary>The start-up check in a real generic host, against real databases.</summary>
public sealed class StartupCheckTests
{
    private const string Scenario1 = "1-prisma-job-status";

    [PostgresTheory, EveryPostgresServer]
    public async Task FailFast_UnmigratedDatabase_TheHostDoesNotStart_AndTheMessageIsTheReport(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ApplyAsync(connection, Scenario(Scenario1).Migrations[0]);
        }

        using var host = Host(db.ConnectionString, SchemaCheckPolicy.FailFast, new ListLogger());

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => host.StartAsync());

        Assert.Equal(DiagnosticCodes.StartupCheckFailed, error.Code);
        Assert.StartsWith("SchemaTasks verification:", error.Message, StringComparison.Ordinal);
        Assert.Contains("20250909044604_add_cancelled_job_status", error.Message, StringComparison.Ordinal);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task FailFast_MigratedDatabase_TheHostStarts_AndIsHealthy(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in Scenario(Scenario1).Migrations) await ApplyAsync(connection, migration);
        }

        var logs = new ListLogger();
        using var host = Host(db.ConnectionString, SchemaCheckPolicy.FailFast, logs);

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Contains(logs.Messages, m => m.Contains("matches the migrations", StringComparison.Ordinal));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Warn_UnmigratedDatabase_TheHostStarts_LogsTheReport_AndIsUnhealthy_WithoutThePassword(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        // A password of its own: the test server's may also be its user name, which the logs do name.
        var (role, password) = ("st_app_" + db.Name[3..], "pw-" + Guid.NewGuid().ToString("N"));
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, $"CREATE ROLE {role} LOGIN PASSWORD '{password}'");
        }

        try
        {
            var logs = new ListLogger();
            var connectionString = new global::Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = password }.ConnectionString;
            using var host = Host(connectionString, SchemaCheckPolicy.Warn, logs);

            await host.StartAsync();
            var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
            await host.StopAsync();

            Assert.Equal(HealthStatus.Unhealthy, health.Status);
            Assert.Contains("has not been applied", health.Description, StringComparison.Ordinal);
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ST6001", StringComparison.Ordinal));
            Assert.Contains(logs.Messages, m => m.Contains($"Username={role}", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
        }
        finally
        {
            global::Npgsql.NpgsqlConnection.ClearAllPools();
            await using var owner = await db.OpenConnectionAsync();
            await ExecuteAsync(owner, $"DROP ROLE IF EXISTS {role}");
        }
    }

    [Fact]
    public async Task Warn_UnreachableDatabase_TheHostStarts_AndTheHealthCheckSaysWhy()
    {
        var logs = new ListLogger();
        using var host = Host("Host=127.0.0.1;Port=1;Database=orders;Username=app;Password=never-logged;Timeout=3", SchemaCheckPolicy.Warn, logs);

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("ST5011: Cannot connect to PostgreSQL at Host=127.0.0.1;Port=1;Database=orders;Username=app", health.Description, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ST5011", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("never-logged", StringComparison.Ordinal));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task StartAsync_HonoursCancellation(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        using var host = Host(db.ConnectionString, SchemaCheckPolicy.FailFast, new ListLogger());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.StartAsync(cancelled.Token));
    }

    private static IHost Host(string connectionString, SchemaCheckPolicy policy, ListLogger logs) =>
        new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .ConfigureServices(services => services
                .AddSchemaTasksCheck(() => Scenario(Scenario1), options => options.Policy = policy)
                .UseNpgsql(connectionString))
            .Build();
}
