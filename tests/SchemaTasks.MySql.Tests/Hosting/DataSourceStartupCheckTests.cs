using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Hosting;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.MySql.Tests.Verification.GolangMigrateDatabase;

namespace SchemaTasks.MySql.Tests.Hosting;

/// <summary>
/// The start-up check on the application's <see cref="MySqlDataSource"/>, registered in the
/// services as <c>AddMySqlDataSource</c> registers it (a singleton the services own).
/// </summary>
public sealed class DataSourceStartupCheckTests
{
    [MySqlFact]
    public async Task UseMySql_WithTheDataSourceFromTheServices_MigrateThenVerify_AppliesEverything_AndStartsHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var logs = new ListLogger();
        // As an application registers it: no Allow User Variables, which the migrator sets on its own copy.
        using var host = Host(
            services => services.AddSingleton(new MySqlDataSource(db.ConnectionString)),
            checks => checks.UseMySql(),
            SchemaCheckPolicy.MigrateThenVerify,
            logs);

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Contains(logs.Messages, m => m.Contains("2 applied, 0 already applied", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains($"the database at Server=127.0.0.1;Port=", StringComparison.Ordinal) && m.Contains("matches the migrations", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("Password", StringComparison.OrdinalIgnoreCase));
    }

    [MySqlFact]
    public async Task UseMySql_WithTheDataSourceFromTheServices_UnmigratedDatabase_TheHostDoesNotStart()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        using var host = Host(
            services => services.AddSingleton(new MySqlDataSource(db.ConnectionString)),
            checks => checks.UseMySql(),
            SchemaCheckPolicy.FailFast,
            new ListLogger());

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => host.StartAsync());

        Assert.Equal(DiagnosticCodes.StartupCheckFailed, error.Code);
        Assert.Contains("ST6001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseMySql_WithTheDataSourceFromTheServices_WrongPort_IsST5011_NamingServerAndPort_NeverThePassword()
    {
        // MySqlDataSource.ConnectionString keeps the password as given.
        const string password = "never-logged-from-a-data-source";
        var logs = new ListLogger();
        using var host = Host(
            services => services.AddSingleton(new MySqlDataSource($"Server=127.0.0.1;Port=1;Database=orders;User ID=app;Password={password};Connection Timeout=3")),
            checks => checks.UseMySql(),
            SchemaCheckPolicy.Warn,
            logs);

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.StartsWith("ST5011: Cannot connect to MySQL or MariaDB at Server=127.0.0.1;Port=1;User ID=app;Database=orders:", health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(password, health.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseMySql_WithNoDataSourceInTheServices_SaysHowToRegisterOne()
    {
        using var host = Host(_ => { }, checks => checks.UseMySql(), SchemaCheckPolicy.FailFast, new ListLogger());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("AddMySqlDataSource", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseMySql(connectionString)", error.Message, StringComparison.Ordinal);
    }

    private static IHost Host(Action<IServiceCollection> register, Func<SchemaTasksCheckBuilder, SchemaTasksCheckBuilder> use, SchemaCheckPolicy policy, ListLogger logs) =>
        new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .ConfigureServices(services =>
            {
                register(services);
                use(services.AddSchemaTasksCheck(Scenario2, options => options.Policy = policy));
            })
            .Build();
}
