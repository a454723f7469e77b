using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Hosting;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.Npgsql.Tests.Verification.PrismaDatabase;

namespace SchemaTasks.Npgsql.Tests.Hosting;

/// <summary>
/// The start-up check on the application's <see cref="NpgsqlDataSource"/>, registered in the
/// services as <c>AddNpgsqlDataSource</c> registers it (a singleton the services own).
/// </summary>
public sealed class DataSourceStartupCheckTests
{
    private const string Scenario1 = "1-prisma-job-status";

    [PostgresFact]
    public async Task UseNpgsql_WithTheDataSourceFromTheServices_MigratedDatabase_StartsHealthy_AndSharesThatDataSource()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in Scenario(Scenario1).Migrations) await ApplyAsync(connection, migration);
        }

        var opened = 0;
        var logs = new ListLogger();
        using var host = Host(
            services => services.AddSingleton(new NpgsqlDataSourceBuilder(db.ConnectionString)
                .UsePhysicalConnectionInitializer(_ => Interlocked.Increment(ref opened), _ => { Interlocked.Increment(ref opened); return Task.CompletedTask; })
                .Build()),
            checks => checks.UseNpgsql(),
            SchemaCheckPolicy.FailFast,
            logs);

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.True(opened > 0, "the check's connection came from the registered data source");
        Assert.Contains(logs.Messages, m => m.Contains($"the database at Host=127.0.0.1;Port=", StringComparison.Ordinal) && m.Contains("matches the migrations", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task UseNpgsql_WithTheDataSourceFromTheServices_UnmigratedDatabase_TheHostDoesNotStart()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ApplyAsync(connection, Scenario(Scenario1).Migrations[0]);
        }

        using var host = Host(
            services => services.AddSingleton(NpgsqlDataSource.Create(db.ConnectionString)),
            checks => checks.UseNpgsql(),
            SchemaCheckPolicy.FailFast,
            new ListLogger());

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => host.StartAsync());

        Assert.Equal(DiagnosticCodes.StartupCheckFailed, error.Code);
        Assert.Contains("20250909044604_add_cancelled_job_status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseNpgsql_WithTheDataSourceFromTheServices_WrongPort_IsST5011_NamingHostAndPort_NeverThePassword()
    {
        const string password = "never-logged-from-a-data-source";
        var logs = new ListLogger();
        using var host = Host(
            // Persist Security Info keeps the password in the data source's ConnectionString: the description must still drop it.
            services => services.AddSingleton(NpgsqlDataSource.Create($"Host=127.0.0.1;Port=1;Database=orders;Username=app;Password={password};Persist Security Info=true;Timeout=3")),
            checks => checks.UseNpgsql(),
            SchemaCheckPolicy.Warn,
            logs);

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("ST5011: Cannot connect to PostgreSQL at Host=127.0.0.1;Port=1;Database=orders;Username=app:", health.Description, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ST5011", StringComparison.Ordinal));
        Assert.DoesNotContain(password, health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailFast_DataSourceAtAWrongPort_TheHostDoesNotStart_LogsWhyAsAnError_AndTheErrorIsAConnectionError()
    {
        var logs = new ListLogger();
        using var host = Host(
            services => services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=orders;Username=app;Password=never-logged;Timeout=3")),
            checks => checks.UseNpgsql(),
            SchemaCheckPolicy.FailFast,
            logs);

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => host.StartAsync());

        Assert.Equal((DiagnosticCodes.CannotConnect, SchemaTasksErrorKind.Connection), (error.Code, error.Kind));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("SchemaTasks: the database could not be checked: ST5011: Cannot connect to PostgreSQL at Host=127.0.0.1;Port=1;", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("never-logged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseNpgsql_WithNoDataSourceInTheServices_SaysHowToRegisterOne()
    {
        using var host = Host(_ => { }, checks => checks.UseNpgsql(), SchemaCheckPolicy.FailFast, new ListLogger());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("AddNpgsqlDataSource", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseNpgsql(connectionString)", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task UseNpgsql_WithAKeyedDataSource_ChecksThatDatabase()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in Scenario(Scenario1).Migrations) await ApplyAsync(connection, migration);
        }

        using var host = Host(
            services => services
                .AddKeyedSingleton("jobs", NpgsqlDataSource.Create(db.ConnectionString))
                .AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=3")),
            checks => checks.UseNpgsql(sp => sp.GetRequiredKeyedService<NpgsqlDataSource>("jobs")),
            SchemaCheckPolicy.FailFast,
            new ListLogger());

        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost Host(Action<IServiceCollection> register, Func<SchemaTasksCheckBuilder, SchemaTasksCheckBuilder> use, SchemaCheckPolicy policy, ListLogger logs) =>
        new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .ConfigureServices(services =>
            {
                register(services);
                use(services.AddSchemaTasksCheck(() => Scenario(Scenario1), options => options.Policy = policy));
            })
            .Build();
}
