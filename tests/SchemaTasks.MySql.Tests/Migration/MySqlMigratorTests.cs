using System.Diagnostics;
using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Migration;

public sealed class MySqlMigratorTests
{
    [MySqlFact]
    public async Task AppliesPendingInOrder_RecordsEachRowWithItsStatementCount_AndASecondRunAppliesNothing()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("1", "CREATE TABLE job (id int PRIMARY KEY, status ENUM('queued', 'done') NOT NULL);")
            .Add("2", """
                SET @first = 1;
                INSERT INTO job VALUES (@first, 'queued');
                DELIMITER $$
                CREATE PROCEDURE finish_job(IN job_id int) BEGIN UPDATE job SET status = 'done' WHERE id = job_id; SELECT 1; END $$
                DELIMITER ;
                CALL finish_job(1);
                """)
            .Load();

        var first = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { AppliedBy = "tester@ci" });
        var second = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal(["1", "2"], first.Applied.Select(a => a.Id));
        Assert.Equal([1, 4], first.Applied.Select(a => a.Statements));
        Assert.Empty(second.Applied);
        Assert.Equal(2, second.AlreadyApplied);
        Assert.Equal("done", await ScalarAsync(db, "SELECT status FROM job WHERE id = 1"));
        var rows = await RowsAsync(db, "SELECT migration_id, checksum, success, finished_at IS NOT NULL, applied_by, statements_applied FROM schematasks_history ORDER BY started_at, migration_id");
        Assert.Equal(["1", "2"], rows.Select(r => r[0]));
        Assert.Equal(migrations.Migrations.Select(m => m.Sha256), rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal([true, 1L, "tester@ci"], new[] { Convert.ToBoolean(r[2]), Convert.ToInt64(r[3]), r[4] }));
        Assert.Equal([1, 4], rows.Select(r => Convert.ToInt32(r[5])));
    }

    // mysqldump's output locks each table it fills; while the locks are held the history table is
    // out of reach (error 1100), so progress is recorded once they are released.
    [MySqlFact]
    public async Task AMigrationThatLocksTables_IsApplied_AndRecordedWithEveryStatement()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("1", """
                CREATE TABLE core_menu (id int PRIMARY KEY, name varchar(20));
                -- the dump's data
                LOCK TABLES `core_menu` WRITE;
                INSERT INTO core_menu VALUES (1, 'a');
                UNLOCK TABLES;
                CREATE TABLE other (id int);
                """)
            .Add("2", "CREATE TABLE leaves_them (id int);\nFLUSH TABLES WITH READ LOCK;")
            .Add("3", "CREATE TABLE after_them (id int);")
            .Load();

        var result = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([5, 2, 1], result.Applied.Select(a => a.Statements));
        Assert.Equal("a", await ScalarAsync(db, "SELECT name FROM core_menu WHERE id = 1"));
        var rows = await RowsAsync(db, "SELECT migration_id, success, statements_applied FROM schematasks_history ORDER BY migration_id");
        Assert.Equal([("1", true, 5), ("2", true, 2), ("3", true, 1)], rows.Select(r => ((string)r[0]!, Convert.ToBoolean(r[1]), Convert.ToInt32(r[2]))));
    }

    [MySqlFact]
    public async Task AStatementFailingWhileTablesAreLocked_IsRecordedWithWhatRan()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("1", "CREATE TABLE t (id int PRIMARY KEY);\nLOCK TABLES t WRITE;\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES ('x', 2);")
            .Load();

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Contains("Statement 4 of 4 (line 4)", failure.Message, StringComparison.Ordinal);
        var row = Assert.Single(await RowsAsync(db, "SELECT success, statements_applied, error FROM schematasks_history"));
        Assert.Equal((false, 3), (Convert.ToBoolean(row[0]), Convert.ToInt32(row[1])));
        Assert.StartsWith("Statement 4 of 4 (line 4) failed: ", (string)row[2]!, StringComparison.Ordinal);
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM t")));
    }

    [MySqlFact]
    public async Task FailingSecondStatement_RecordsOneStatementApplied_KeepsWhatRan_AndTheNextRunRefuses()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var builder = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("20251201000000_init", "CREATE TABLE mm_board (id varchar(36) PRIMARY KEY);")
            .Add("20251208175358_add_scheduled_issues", """
                CREATE TABLE mm_schedule_frequency (name ENUM('DAILY', 'WEEKLY', 'MONTHLY') PRIMARY KEY);
                CREATE TABLE mm_scheduled_issue (
                    id varchar(36) PRIMARY KEY,
                    board_id varchar(36) NOT NULL,
                    CONSTRAINT fk_board FOREIGN KEY (board_id) REFERENCES mm_board (no_such_column)
                );
                CREATE INDEX mm_scheduled_issue_board_id_idx ON mm_scheduled_issue (board_id);
                """);

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(builder.Load(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Contains("'20251208175358_add_scheduled_issues'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Statement 2 of 3 (line 2)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("statements_applied = 1", failure.Message, StringComparison.Ordinal);
        // MySQL committed the first statement: its table exists, the failing one's does not.
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'mm_schedule_frequency'")));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'mm_scheduled_issue'")));
        var row = Assert.Single(await RowsAsync(db, "SELECT success, statements_applied, error, finished_at FROM schematasks_history WHERE migration_id = '20251208175358_add_scheduled_issues'"));
        Assert.False(Convert.ToBoolean(row[0]));
        Assert.Equal(1, Convert.ToInt32(row[1]));
        Assert.StartsWith("Statement 2 of 3 (line 2) failed: ", (string)row[2]!, StringComparison.Ordinal);
        Assert.Null(row[3]);

        var next = builder.Add("20251210000000_later", "CREATE TABLE later (id int);").Load();
        var refusal = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(next, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.FailedMigration, refusal.Code);
        Assert.Contains("'20251208175358_add_scheduled_issues' is recorded as failed", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("after 1 of its statements had run", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("`schematasks repair` (RepairAsync) shows the statements that undo what it did (--to before", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'later'")));
    }

    [MySqlFact]
    public async Task RepairBack_OfAPartlyAppliedMigration_DropsWhatRan_OnlyWithTheDataLossFlag()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("1", "-- first\nCREATE TABLE a (id int);\nINSERT INTO no_such_table VALUES (1);\nCREATE TABLE b (id int);")
            .Load();
        await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString));

        var dryRun = await MySqlMigrator.RepairAsync(migrations, db.ConnectionString);
        var refused = await MySqlMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { Apply = true });
        var tablesAfterRefusal = await TableCountAsync(db, "a");
        var repaired = await MySqlMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { Apply = true, AllowDataLoss = true });

        var found = Assert.Single(dryRun.Failed);
        Assert.Equal(RepairOutcome.DryRun, found.Outcome);
        Assert.Contains("statement 1 ran, statement 2 failed", found.Summary, StringComparison.Ordinal);
        var drop = Assert.Single(found.Plan.Statements);
        Assert.Equal(("DROP TABLE a;", "table a", true), (drop.Sql, drop.Touches, drop.DropsData));
        Assert.Equal(2, found.Other.Statements.Count);
        Assert.Equal(["statement 2 (line 3): INSERT INTO no_such_table VALUES (1)", "statement 3 (line 4): table b"], found.Other.Statements.Select(s => s.Touches));
        Assert.Equal(RepairOutcome.RefusedDataLoss, Assert.Single(refused.Failed).Outcome);
        Assert.Equal(1L, tablesAfterRefusal);
        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.Equal(0L, await TableCountAsync(db, "a"));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM schematasks_history")));
    }

    [MySqlFact]
    public async Task Repair_WhenTheFirstStatementFailed_DeletesTheRowOnlyWhenAsked()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var builder = new TestMigrations(MySqlTestDatabase.ServerDialect).Add("1", "CREATE TABLE a (id no_such_type);\nCREATE TABLE b (id int);");
        await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(builder.Load(), db.ConnectionString));
        var fixedBuild = new TestMigrations(MySqlTestDatabase.ServerDialect).Add("1", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);").Load();

        var report = await MySqlMigrator.RepairAsync(fixedBuild, db.ConnectionString);
        var rowsAfterReport = Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM schematasks_history"));
        var repaired = await MySqlMigrator.RepairAsync(fixedBuild, db.ConnectionString, new RepairOptions { Apply = true });
        var migrated = await MySqlMigrator.MigrateAsync(fixedBuild, db.ConnectionString);

        Assert.Equal((RepairOutcome.DryRun, 0), (Assert.Single(report.Failed).Outcome, report.Failed[0].Plan.Statements.Count));
        Assert.Equal(1L, rowsAfterReport);
        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.Equal(["1"], migrated.Applied.Select(a => a.Id));
    }

    private static async Task<long> TableCountAsync(MySqlTestDatabase db, string table) =>
        Convert.ToInt64(await ScalarAsync(db, $"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}'"));

    [MySqlFact]
    public async Task TamperedMigration_IsRejectedBeforeTheDatabaseIsTouched()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var builder = new TestMigrations(MySqlTestDatabase.ServerDialect)
            .Add("1", "CREATE TABLE a (id int);")
            .Tamper("1", "CREATE TABLE a (id int); DROP TABLE users;");

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(async () => await MySqlMigrator.MigrateAsync(builder.Load(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationTampered, ex.Code);
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")));
    }

    [MySqlFact]
    public async Task SixteenConcurrentRuns_ApplyEveryMigrationExactlyOnce()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var builder = new TestMigrations(MySqlTestDatabase.ServerDialect).Add("0", "CREATE TABLE ran (id varchar(8) NOT NULL);");
        for (var i = 1; i <= 5; i++)
        {
            // Not idempotent on purpose: a second run of any migration would fail or add a row.
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"INSERT INTO ran VALUES ('{i}');\nCREATE TABLE t{i} (id int);");
        }

        var migrations = builder.Load();
        var runs = Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { LockTimeout = TimeSpan.FromSeconds(60) })));
        var results = await Task.WhenAll(runs);

        Assert.Equal(["0", "1", "2", "3", "4", "5"], results.SelectMany(r => r.Applied).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["1", "2", "3", "4", "5"], (await RowsAsync(db, "SELECT id FROM ran ORDER BY id")).Select(r => r[0]));
        Assert.Equal(6L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM schematasks_history WHERE success")));
    }

    [MySqlFact]
    public async Task LockHeldByAnotherSession_TimesOutWithST7001_AndAppliesNothing()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var holder = await db.OpenConnectionAsync();
        await using (var take = new MySqlCommand("SELECT GET_LOCK(@name, 0)", holder))
        {
            take.Parameters.AddWithValue("@name", MySqlMigrationLock.Name(db.Name));
            Assert.Equal(1L, Convert.ToInt64(await take.ExecuteScalarAsync()));
        }

        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect).Add("1", "CREATE TABLE a (id int);").Load();
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { LockTimeout = TimeSpan.FromSeconds(1) }));

        Assert.Equal(DiagnosticCodes.MigrationLockTimeout, ex.Code);
        Assert.Contains($"database '{db.Name}'", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")));
    }

    [Fact]
    public void LockName_StaysWithinTheServersLimit_AndDiffersPerDatabase()
    {
        var longName = new string('d', 64);

        Assert.Equal("schematasks_migrate.app", MySqlMigrationLock.Name("app"));
        Assert.True(MySqlMigrationLock.Name(longName).Length <= 64);
        Assert.NotEqual(MySqlMigrationLock.Name(longName), MySqlMigrationLock.Name(longName[..63] + "e"));
    }

    private static async Task<object?> ScalarAsync(MySqlTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<object?[]>> RowsAsync(MySqlTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }
}
