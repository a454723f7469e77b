using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using Xunit.Abstractions;

namespace SchemaTasks.Tool.Tests.Processes;

/// <summary>
/// Issue #6's proof: 16 <c>schematasks migrate</c> processes released at the same moment against
/// one database apply every migration exactly once, and all end healthy. The test holds the
/// migrator's own lock while the processes start, waits until all 16 are connected and waiting
/// for it, then releases it, so they contend from the same instant.
/// </summary>
// One class, so the two tests do not start 32 processes at once.
public sealed class ConcurrentMigrateTests(ITestOutputHelper log) : IDisposable
{
    private const int Processes = 16;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("schematasks-processes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task SixteenProcessesReleasedTogether_ApplyEveryMigrationOnce_AndVerifyIsHealthy_PostgreSql()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var holder = await db.OpenConnectionAsync();
        var key = PostgresMigrationLock.Key.ToString(CultureInfo.InvariantCulture);

        await RunAsync(
            SqlDialect.Postgres,
            "postgres",
            db.ConnectionString,
            holder,
            hold: $"SELECT pg_try_advisory_lock({key})",
            // The migrator polls pg_try_advisory_lock, so a waiting process shows as a session of the database.
            waiting: "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            release: $"SELECT pg_advisory_unlock({key})");
    }

    [MySqlFact]
    public async Task SixteenProcessesReleasedTogether_ApplyEveryMigrationOnce_AndVerifyIsHealthy_MariaDb()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var holder = await db.OpenConnectionAsync();
        var name = MySqlMigrationLock.Name(db.Name);

        await RunAsync(
            SqlDialect.MariaDb,
            "mariadb",
            db.ConnectionString,
            holder,
            hold: $"SELECT GET_LOCK('{name}', 10)",
            // A session blocked in GET_LOCK shows the state 'User lock'.
            waiting: "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND STATE = 'User lock'",
            release: $"SELECT RELEASE_LOCK('{name}')");
    }

    private async Task RunAsync(SqlDialect dialect, string dialectName, string connectionString, DbConnection holder, string hold, string waiting, string release)
    {
        var ids = ConcurrentMigrations.Write(_folder, dialect);
        string[] common = ["--migrations", _folder, "--dialect", dialectName];
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(holder, hold), CultureInfo.InvariantCulture));

        var clock = Stopwatch.StartNew();
        // The first process waits for the last one to start, then for the others in turn: on a
        // busy machine that is far longer than the default minute.
        var processes = Enumerable.Range(0, Processes).Select(_ => ToolProcess.Start(["migrate", .. common, "--lock-timeout", "240"], connectionString)).ToList();
        try
        {
            await WaitUntilAllWaitAsync(processes, holder, waiting);
            var started = clock.Elapsed;
            Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(holder, release), CultureInfo.InvariantCulture));
            clock.Restart();
            var runs = await Task.WhenAll(processes.Select(p => p.WaitAsync(Patience)));
            log.WriteLine($"{dialectName}: {Processes} processes waiting on the lock after {started.TotalSeconds:0.0} s; all done {clock.Elapsed.TotalSeconds:0.0} s after its release.");

            var all = string.Join("\n", runs.Select(r => r.Output + r.Error));
            Assert.True(runs.All(r => r.Exit == ExitCodes.Success), all);
            // One process applied everything under the lock; each of the others then found nothing to do.
            Assert.Single(runs, r => r.Output.Contains($"{ids.Count} applied, 0 already applied.", StringComparison.Ordinal));
            Assert.Equal(Processes - 1, runs.Count(r => r.Output.Contains($"0 applied, {ids.Count} already applied.", StringComparison.Ordinal)));
        }
        finally
        {
            foreach (var process in processes) process.Dispose();
        }

        var ordinal = StringComparer.Ordinal;
        Assert.Equal(ids.Order(ordinal), (await ColumnAsync(holder, "SELECT migration_id FROM schematasks_history WHERE success")).Order(ordinal));
        Assert.Equal(ids.Count, Convert.ToInt32(await ScalarAsync(holder, "SELECT COUNT(*) FROM schematasks_history"), CultureInfo.InvariantCulture));
        Assert.Equal(ids.Skip(1).Order(ordinal), (await ColumnAsync(holder, "SELECT migration FROM ran")).Order(ordinal));

        using var verify = ToolProcess.Start(["verify", .. common], connectionString);
        var verified = await verify.WaitAsync(Patience);
        Assert.True(verified.Exit == ExitCodes.Success, verified.Output + verified.Error);
        Assert.StartsWith("SchemaTasks verification: healthy (0 errors, 0 warnings)", verified.Output, StringComparison.Ordinal);
        Assert.Contains($"{ids.Count} applied, 0 pending", verified.Output, StringComparison.Ordinal);
    }

    // The barrier: every process has started, connected and is waiting for the lock the test holds.
    private static async Task WaitUntilAllWaitAsync(List<ToolProcess> processes, DbConnection holder, string waiting)
    {
        var deadline = Stopwatch.StartNew();
        while (Convert.ToInt64(await ScalarAsync(holder, waiting), CultureInfo.InvariantCulture) < Processes)
        {
            if (processes.Any(p => p.HasExited) || deadline.Elapsed > Patience)
            {
                Assert.Fail($"Not all {Processes} processes reached the lock: {string.Join("\n", processes.Select(p => p.Printed))}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
