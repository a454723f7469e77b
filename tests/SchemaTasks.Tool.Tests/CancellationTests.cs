using System.Diagnostics;
using Npgsql;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The tool sent SIGINT (Ctrl+C) or SIGTERM while its statement runs or waits on the server: the
/// token System.CommandLine gives the command reaches the driver, the server cancels the
/// statement, a migration's transaction is rolled back, and the tool says so in one line.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-cancelled-" + Guid.NewGuid().ToString("N")[..8]);

    public CancellationTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "1_jobs.up.sql"), "CREATE TABLE job (id int PRIMARY KEY);\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task Postgres_SigIntDuringAMigration_ExitsPromptly_Cancelled_AndRollsTheMigrationBack()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];
        var first = await ToolRun.RunAsync(["migrate", .. common]);
        Assert.True(first.Exit == ExitCodes.Success, first.Output + first.Error);
        File.WriteAllText(Path.Combine(_folder, "2_long.up.sql"), "CREATE TABLE a (id int);\nSELECT pg_sleep(30);\nCREATE TABLE b (id int);\n");

        using var tool = ToolProcess.Start(["migrate", .. common]);
        await WaitUntilSleepingAsync(tool, db);
        var clock = Stopwatch.StartNew();
        await SignalAsync(tool.Id, "INT");
        var (exit, output, error) = await tool.WaitAsync(Patience);
        var took = clock.Elapsed;

        Assert.True(exit == ExitCodes.Cancelled, $"exit {exit}\n{output}{error}");
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took} to stop a 30-second statement");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["schematasks: migrate cancelled; a migration that ran in a transaction was rolled back and stays pending; run 'schematasks status' to see where it stopped."], lines);
        Assert.DoesNotContain("applied 2", output, StringComparison.Ordinal);

        // The first migration stays applied; the second left nothing: no table, no history row, no session.
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'job'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND state = 'active'"));
        var status = await ToolRun.RunAsync(["status", .. common]);
        Assert.Contains("1 applied, 1 pending, 0 failed.", status.Output, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Postgres_SignalWhileVerifyWaitsForALock_ExitsPromptly_Cancelled(string signal)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];
        var migrate = await ToolRun.RunAsync(["migrate", .. common]);
        Assert.True(migrate.Exit == ExitCodes.Success, migrate.Output + migrate.Error);

        // Another session holds the history table: verify's read waits on the server until cancelled.
        await using var holder = await db.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE schematasks_history IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        using var tool = ToolProcess.Start(["verify", .. common, "--history", "schematasks"]);
        await WaitUntilAsync(tool, db, "wait_event_type = 'Lock'");
        var clock = Stopwatch.StartNew();
        await SignalAsync(tool.Id, signal);
        var (exit, output, error) = await tool.WaitAsync(Patience);

        Assert.True(exit == ExitCodes.Cancelled, $"exit {exit}\n{output}{error}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed} to stop");
        Assert.Equal(["schematasks: verify cancelled; nothing was changed."], error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"));
    }

    [PostgresFact]
    public async Task Postgres_SigIntWhileRepairWaitsForALock_ExitsCancelled_AndTheRepairIsRolledBack()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        File.WriteAllText(Path.Combine(_folder, "2_half.up.sql"), "-- schematasks:no-transaction\nCREATE TABLE a (id int);\nSELECT 1/0;\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];
        var failed = await ToolRun.RunAsync(["migrate", .. common]);
        Assert.Contains("error ST7002", failed.Error, StringComparison.Ordinal);

        // Another session reads table a: the plan's DROP TABLE a waits on the server until cancelled.
        await using var holder = await db.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE a IN ACCESS SHARE MODE", holder, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        using var tool = ToolProcess.Start(["repair", .. common, "--apply", "--allow-data-loss"]);
        await WaitUntilAsync(tool, db, "wait_event_type = 'Lock'");
        await SignalAsync(tool.Id, "INT");
        var (exit, output, error) = await tool.WaitAsync(Patience);
        await transaction.RollbackAsync();

        Assert.True(exit == ExitCodes.Cancelled, $"exit {exit}\n{output}{error}");
        Assert.Equal(["schematasks: repair cancelled; a plan that ran in a transaction was rolled back; run 'schematasks repair' again to see the plan."], error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'a'"));
        var status = await ToolRun.RunAsync(["status", .. common]);
        Assert.Contains("1 applied, 0 pending, 1 failed.", status.Output, StringComparison.Ordinal);
    }

    private static Task WaitUntilSleepingAsync(ToolProcess tool, PostgresTestDatabase db) =>
        WaitUntilAsync(tool, db, "state = 'active' AND query LIKE 'SELECT pg_sleep%'");

    private static async Task WaitUntilAsync(ToolProcess tool, PostgresTestDatabase db, string condition)
    {
        var clock = Stopwatch.StartNew();
        while (await db.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND {condition}") == 0)
        {
            Assert.False(tool.HasExited, $"The tool exited before its long statement ran.\n{tool.Printed}");
            Assert.True(clock.Elapsed < Patience, "The long statement did not start within a minute.");
            await Task.Delay(25);
        }
    }

    // What Ctrl+C in a terminal sends: kill(1), as .NET has no API to signal another process.
    private static async Task SignalAsync(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {processId}") { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
