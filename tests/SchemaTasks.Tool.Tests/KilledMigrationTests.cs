using System.Diagnostics;
using MySqlConnector;
using Npgsql;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// <c>schematasks migrate</c> killed with SIGKILL while the second of three statements runs: what
/// the next start reports, and how repair brings the database back to healthy.
/// </summary>
public sealed class KilledMigrationTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-killed-" + Guid.NewGuid().ToString("N")[..8]);

    public KilledMigrationTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "1_jobs.up.sql"), "CREATE TABLE job (id int PRIMARY KEY);\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task Postgres_KilledInItsTransaction_LeavesTheMigrationPending_WithNoneOfItsObjects_AndMigrateThenIsHealthy()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        File.WriteAllText(Path.Combine(_folder, "2_long.up.sql"), "CREATE TABLE a (id int);\nSELECT pg_sleep(4);\nCREATE TABLE b (id int);\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];

        using var tool = ToolProcess.Start(["migrate", .. common]);
        await WaitUntilAsync(tool, async () => await db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep%'") == 1);
        var exit = await tool.KillAsync();

        // The killed session's backend may still be sleeping: nothing it did is committed yet.
        // The whole migration reached the server as one batch, so the backend then either
        // commits all of it (with its history row) or rolls all of it back; it keeps the
        // migration lock until it ends, so the next migrate waits and sees which.
        var status = await ToolRun.RunAsync(["status", .. common]);
        var verify = await ToolRun.RunAsync(["verify", .. common, "--history", "schematasks"]);
        var tables = await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')");
        var repair = await ToolRun.RunAsync(["repair", .. common]);
        var migrate = await ToolRun.RunAsync(["migrate", .. common]);
        var healthy = await ToolRun.RunAsync(["verify", .. common, "--history", "schematasks"]);

        Assert.Equal(137, exit); // 128 + SIGKILL
        Assert.Contains("applied  1 at ", status.Output, StringComparison.Ordinal);
        Assert.Contains("pending  2", status.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, verify.Exit);
        Assert.Contains("error ST6001: Migration 2 (2_long.up.sql) has not been applied.", verify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ST6002", verify.Output, StringComparison.Ordinal);
        Assert.Equal(0L, tables);
        Assert.True(repair.Exit == ExitCodes.Success, repair.Output + repair.Error);
        Assert.Contains("no failed migration, nothing to repair", repair.Output, StringComparison.Ordinal);
        Assert.True(migrate.Exit == ExitCodes.Success, migrate.Output + migrate.Error);
        Assert.Matches(@"(1 applied, 1|0 applied, 2) already applied\.", migrate.Output);
        Assert.True(healthy.Exit == ExitCodes.Success, healthy.Output + healthy.Error);
        Assert.StartsWith("SchemaTasks verification: healthy", healthy.Output, StringComparison.Ordinal);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')"));
    }

    [PostgresFact]
    public async Task Postgres_KilledWithoutATransaction_LeavesAFailedRow_AndRepairBackDropsWhatWasCommitted()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        File.WriteAllText(Path.Combine(_folder, "2_long.up.sql"), "-- schematasks:no-transaction\nCREATE TABLE a (id int);\nSELECT pg_sleep(4);\nCREATE TABLE b (id int);\n");
        string[] common = ["--migrations", _folder, "--dialect", "postgres", "--connection", db.ConnectionString];

        using var tool = ToolProcess.Start(["migrate", .. common]);
        await WaitUntilAsync(tool, async () => await db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'SELECT pg_sleep%'") == 1);
        var exit = await tool.KillAsync();

        var verify = await ToolRun.RunAsync(["verify", .. common, "--history", "schematasks"]);
        var dryRun = await ToolRun.RunAsync(["repair", .. common]);
        var repaired = await ToolRun.RunAsync(["repair", .. common, "--apply", "--allow-data-loss"]);
        var migrate = await ToolRun.RunAsync(["migrate", .. common]);
        var healthy = await ToolRun.RunAsync(["verify", .. common, "--history", "schematasks"]);

        Assert.Equal(137, exit);
        Assert.Contains("error ST6002: Migration 2 (2_long.up.sql) failed (started ", verify.Output, StringComparison.Ordinal);
        Assert.Contains(": it recorded no error, so the process applying it stopped while it ran; the statements before that point were committed. In the database: table public.a exists; table public.b does not.", verify.Output, StringComparison.Ordinal);
        Assert.Contains("statement 2 (line 3) may have run", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("  -- 1. table public.a [drops data]\n  DROP TABLE a;\n", dryRun.Output, StringComparison.Ordinal);
        Assert.True(repaired.Exit == ExitCodes.Success, repaired.Output + repaired.Error);
        Assert.True(migrate.Exit == ExitCodes.Success, migrate.Output + migrate.Error);
        Assert.True(healthy.Exit == ExitCodes.Success, healthy.Output + healthy.Error);
    }

    [MySqlFact]
    public async Task MariaDb_KilledAfterItsFirstStatement_IsReportedPartial_AndRepairBackWithDataLossMakesItHealthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        File.WriteAllText(Path.Combine(_folder, "2_long.up.sql"), "CREATE TABLE a (id int);\nSELECT SLEEP(4);\nCREATE TABLE b (id int);\n");
        string[] common = ["--migrations", _folder, "--dialect", "mariadb", "--connection", db.ConnectionString];

        using var tool = ToolProcess.Start(["migrate", .. common]);
        await WaitUntilAsync(tool, async () =>
            Convert.ToInt64(await MyScalarAsync(db, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'SELECT SLEEP%'")) == 1
            && Convert.ToInt64(await MyScalarAsync(db, "SELECT COALESCE(MAX(statements_applied), -1) FROM schematasks_history WHERE migration_id = '2'")) == 1);
        var exit = await tool.KillAsync();

        var status = await ToolRun.RunAsync(["status", .. common]);
        var refused = await ToolRun.RunAsync(["migrate", .. common]);
        var verify = await ToolRun.RunAsync(["verify", .. common, "--history", "schematasks"]);
        var dryRun = await ToolRun.RunAsync(["repair", .. common]);
        var forward = await ToolRun.RunAsync(["repair", .. common, "--to", "after", "--apply"]);
        var withoutFlag = await ToolRun.RunAsync(["repair", .. common, "--apply"]);
        var tableAfterRefusals = await TableCountAsync(db, "a");
        var repaired = await ToolRun.RunAsync(["repair", .. common, "--apply", "--allow-data-loss"]);
        var tableAfterRepair = await TableCountAsync(db, "a");
        var migrate = await ToolRun.RunAsync(["migrate", .. common]);
        var healthy = await ToolRun.RunAsync(["verify", .. common, "--history", "schematasks"]);

        Assert.Equal(137, exit);
        Assert.Contains("failed   2 after 1 statements", status.Output, StringComparison.Ordinal);
        Assert.Contains("error ST6002: Migration '2' is recorded as failed in", refused.Error, StringComparison.Ordinal);
        Assert.Contains("after 1 of its statements had run and were committed", refused.Error, StringComparison.Ordinal);
        Assert.Contains("error ST6002: Migration 2 (2_long.up.sql) failed (started ", verify.Output, StringComparison.Ordinal);
        Assert.Contains(": statement 1 ran and was committed, then the process applying it stopped during statement 2, which may or may not have finished. In the database: table a exists; table b does not.", verify.Output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.ProblemsFound, dryRun.Exit);
        Assert.Contains("statement 1 ran", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("statement 2 (line 2) may have run", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("  -- 1. table a [drops data]\n  DROP TABLE a;\n", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, forward.Exit);
        Assert.Contains("error ST7005", forward.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ProblemsFound, withoutFlag.Exit);
        Assert.Contains("error ST7004: the plan for migration '2' drops data (table a)", withoutFlag.Error, StringComparison.Ordinal);
        Assert.Equal(1L, tableAfterRefusals);

        Assert.True(repaired.Exit == ExitCodes.Success, repaired.Output + repaired.Error);
        Assert.Contains("repaired 2: ran 1 statement(s) and deleted its failed history row", repaired.Output, StringComparison.Ordinal);
        Assert.Equal(0L, tableAfterRepair);
        Assert.True(migrate.Exit == ExitCodes.Success, migrate.Output + migrate.Error);
        Assert.True(healthy.Exit == ExitCodes.Success, healthy.Output + healthy.Error);
        Assert.StartsWith("SchemaTasks verification: healthy", healthy.Output, StringComparison.Ordinal);
    }

    // Polls until the server shows the long statement running; the tool must still be running then.
    private static async Task WaitUntilAsync(ToolProcess tool, Func<Task<bool>> running)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await running()) return;
            }
            catch (System.Data.Common.DbException)
            {
                // The history table is created by the tool; until then the query has nothing to read.
            }

            Assert.False(tool.HasExited, $"The tool exited before its long statement ran.\n{tool.Output}{tool.Error}");
            Assert.True(clock.Elapsed < Patience, "The long statement did not start within a minute.");
            await Task.Delay(25);
        }
    }

    private static async Task<object?> MyScalarAsync(MySqlTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<long> TableCountAsync(MySqlTestDatabase db, string table) =>
        Convert.ToInt64(await MyScalarAsync(db, $"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}'"));
}
