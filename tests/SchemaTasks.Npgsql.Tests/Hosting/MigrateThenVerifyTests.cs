using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Hosting;
using SchemaTasks.Migrator;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using SchemaTasks.Verification;
using static SchemaTasks.Npgsql.Tests.Verification.PrismaDatabase;

namespace SchemaTasks.Npgsql.Tests.Hosting;

/// <summary>The start-up policy that migrates before it checks, in a real generic host against real databases.</summary>
public sealed class MigrateThenVerifyTests
{
    private const string Scenario1 = "1-prisma-job-status";
    private const string Init = "20250801120000_init";
    private const string AddCancelled = "20250909044604_add_cancelled_job_status";

    [PostgresFact]
    public async Task EmptyDatabase_TheHostStarts_EveryMigrationIsAppliedAndLogged_AndItIsHealthy_WithoutThePassword()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // A role and password of its own, so the logs can be searched for the password.
        var (role, password) = ("st_app_" + db.Name[3..], "pw-" + Guid.NewGuid().ToString("N"));
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, $"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT ALL ON SCHEMA public TO {role}");
        }

        try
        {
            var logs = new ListLogger();
            var connectionString = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = password }.ConnectionString;
            using var host = Host(connectionString, logs);

            await host.StartAsync();
            var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
            await host.StopAsync();

            Assert.Equal(HealthStatus.Healthy, health.Status);
            Assert.Equal([Init, AddCancelled], await HistoryAsync(db, "success"));
            Assert.Empty(await HistoryAsync(db, "NOT success"));
            await using (var connection = await db.OpenConnectionAsync())
            await using (var labels = new NpgsqlCommand("""SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = '"JobStatus"'::regtype""", connection))
            {
                Assert.Equal("PENDING,RUNNING,COMPLETED,FAILED,CANCELLED", await labels.ExecuteScalarAsync());
            }

            Assert.Contains(logs.Messages, m => m.StartsWith($"SchemaTasks: applied migration {Init} to Host=", StringComparison.Ordinal) && m.Contains($"Username={role}", StringComparison.Ordinal));
            Assert.Contains(logs.Messages, m => m.StartsWith($"SchemaTasks: applied migration {AddCancelled} to ", StringComparison.Ordinal));
            Assert.Contains(logs.Messages, m => m.Contains("2 applied, 0 already applied", StringComparison.Ordinal));
            Assert.Contains(logs.Messages, m => m.Contains("matches the migrations", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = await db.OpenConnectionAsync();
            await ExecuteAsync(server, $"DROP OWNED BY {role}; DROP ROLE IF EXISTS {role}");
        }
    }

    [PostgresFact]
    public async Task SecondStart_AppliesNothing_AndStarts()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        using (var first = Host(db.ConnectionString, new ListLogger()))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        var logs = new ListLogger();
        using var second = Host(db.ConnectionString, logs);
        await second.StartAsync();
        await second.StopAsync();

        Assert.Contains(logs.Messages, m => m.Contains("0 applied, 2 already applied", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.StartsWith("SchemaTasks: applied migration", StringComparison.Ordinal));
        Assert.Equal([Init, AddCancelled], await HistoryAsync(db, "success"));
    }

    [PostgresFact]
    public async Task FailedMigrationInTheHistory_TheHostDoesNotStart_AndTheMessageNamesTheMigration()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // An earlier build whose second migration failed: the migrator recorded the failure.
        var earlier = new TestMigrations(SqlDialect.Postgres, MigrationLayout.Prisma)
            .Add(Init, Scenario(Scenario1).Migrations[0].Text)
            .Add(AddCancelled, "ALTER TYPE \"JobStatus\" ADD VALUE 'CANCELLED';\nSELECT 1 / 0;")
            .Load();
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(earlier, db.ConnectionString));
        var logs = new ListLogger();
        using var host = Host(db.ConnectionString, logs);

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => host.StartAsync());

        Assert.Equal(DiagnosticCodes.FailedMigration, error.Code);
        Assert.StartsWith($"Migration '{AddCancelled}' is recorded as failed in ", error.Message, StringComparison.Ordinal);
        Assert.Contains("schematasks_history, so no migration was applied", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"ST6002: Migration '{AddCancelled}'", StringComparison.Ordinal));
        Assert.Equal([AddCancelled], await HistoryAsync(db, "NOT success"));
    }

    [PostgresFact]
    public async Task LockHeldByAnotherInstance_TheHostDoesNotStart_AfterTheConfiguredLockTimeout()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var holder = await db.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresMigrationLock.Key})", holder))
        {
            await take.ExecuteScalarAsync();
        }

        using var host = Host(db.ConnectionString, new ListLogger(), new MigrateOptions { LockTimeout = TimeSpan.FromMilliseconds(500) });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => host.StartAsync());

        Assert.Equal(DiagnosticCodes.MigrationLockTimeout, error.Code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(10));
        Assert.Contains("within 0.5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_TheHostDoesNotStart_AndTheLogNamesTheServerWithoutThePassword()
    {
        var logs = new ListLogger();
        using var host = Host("Host=127.0.0.1;Port=1;Database=orders;Username=app;Password=never-logged;Timeout=3", logs);

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => host.StartAsync());

        Assert.Equal(DiagnosticCodes.CannotConnect, error.Code);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("SchemaTasks: the database at Host=127.0.0.1;Port=1;Database=orders;Username=app could not be migrated: ST5011", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("never-logged", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task MigrateHistoryPrisma_TheHostRecordsInPrismasTable_AndTheCheckReadsIt()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var logs = new ListLogger();
        using var host = Host(db.ConnectionString, logs, new MigrateOptions { History = MigrationHistoryKind.Prisma });

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<SchemaTasksHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND applied_steps_count = 1"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('schematasks_history') IS NOT NULL"));
        Assert.Contains(logs.Messages, m => m.Contains("2 applied, 0 already applied", StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherToolsHistory_IsRefusedWhenTheServicesAreAdded()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddSchemaTasksCheck(() => Scenario(Scenario1), options =>
        {
            options.Policy = SchemaCheckPolicy.MigrateThenVerify;
            options.Check.HistoryKind = MigrationHistoryKind.Prisma;
        }));

        Assert.Contains("Check.HistoryKind is prisma", error.Message, StringComparison.Ordinal);
    }

    private static IHost Host(string connectionString, ListLogger logs, MigrateOptions? migrate = null) =>
        new HostBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .ConfigureServices(services => services
                .AddSchemaTasksCheck(() => Scenario(Scenario1), options =>
                {
                    options.Policy = SchemaCheckPolicy.MigrateThenVerify;
                    options.Migrate = migrate ?? options.Migrate;
                })
                .UseNpgsql(connectionString))
            .Build();

    private static async Task<List<string>> HistoryAsync(PostgresTestDatabase db, string condition)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT migration_id FROM schematasks_history WHERE {condition} ORDER BY migration_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
