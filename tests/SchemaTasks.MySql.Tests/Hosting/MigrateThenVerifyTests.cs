using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using SchemaTasks.Hosting;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.MySql.Tests.Verification.GolangMigrateDatabase;

namespace SchemaTasks.MySql.Tests.Hosting;

/// <summary>The start-up policy that migrates before it checks, in a real generic host against MariaDB.</summary>
public sealed class MigrateThenVerifyTests
{
    [MySqlFact]
    public async Task EmptyDatabase_TheHostStarts_EveryMigrationIsAppliedAndLogged_AndItIsHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var logs = new ListLogger();
        using var host = new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .ConfigureServices(services => services
                .AddSchemaTasksCheck(Scenario2, options => options.Policy = SchemaCheckPolicy.MigrateThenVerify)
                .UseMySql(db.ConnectionString))
            .Build();

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal(["1:1:1", "2:1:1"], await ScalarsAsync(db, "SELECT CONCAT(migration_id, ':', success, ':', statements_applied) FROM schematasks_history ORDER BY migration_id"));
        Assert.Equal(["enum('cleanup','failover','migration','cloudstack','volume_daemon','linstor','virtio','ossea','scheduler','discovery','bulk-operations','group-management','conflict-detection','phantom-detection','schedule_management','schedule_control','protection_flow','backup_execution')"],
            await ScalarsAsync(db, $"SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db.Name}' AND TABLE_NAME = 'job_tracking' AND COLUMN_NAME = 'job_type'"));
        Assert.Contains(logs.Messages, m => m.StartsWith("SchemaTasks: applied migration 1 to Server=", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.StartsWith("SchemaTasks: applied migration 2 to ", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("matches the migrations", StringComparison.Ordinal));
        // The test server's password may equal its user name, which the logs do name: look for the key instead.
        Assert.DoesNotContain(logs.Messages, m => m.Contains("Password", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<List<string>> ScalarsAsync(MySqlTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }
}
