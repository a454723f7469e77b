using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Migration;

public sealed class PostgresMigratorTests
{
    private const string Scenario5Schema = """
        CREATE SCHEMA momentum;
        CREATE TABLE momentum.mm_board (id text PRIMARY KEY);
        """;

    // Scenario 5's shape: the enum is created, then the table fails (its foreign key names a missing column).
    private const string Scenario5Failing = """
        CREATE TYPE momentum."ScheduleFrequency" AS ENUM ('DAILY', 'WEEKLY', 'MONTHLY');
        CREATE TABLE momentum.mm_scheduled_issue (
            id text PRIMARY KEY,
            board_id text NOT NULL REFERENCES momentum.mm_board (no_such_column),
            frequency momentum."ScheduleFrequency" NOT NULL
        );
        CREATE INDEX mm_scheduled_issue_board_id_idx ON momentum.mm_scheduled_issue (board_id);
        """;

    [PostgresFact]
    public async Task AppliesPendingInOrder_RecordsEachRow_AndASecondRunAppliesNothing()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TYPE job_status AS ENUM ('queued', 'done');")
            .Add("2", "CREATE TABLE job (id int PRIMARY KEY, status job_status NOT NULL);")
            .Add("3", "INSERT INTO job VALUES (1, 'queued');\nINSERT INTO job VALUES (2, 'done');")
            .Load();

        var first = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { AppliedBy = "tester@ci" });
        var second = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal(["1", "2", "3"], first.Applied.Select(a => a.Id));
        Assert.Equal([1, 1, 2], first.Applied.Select(a => a.Statements));
        Assert.All(first.Applied, a => Assert.True(a.InTransaction));
        Assert.Equal(0, first.AlreadyApplied);
        Assert.Empty(second.Applied);
        Assert.Equal(3, second.AlreadyApplied);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM job"));

        var rows = await RowsAsync(db, "SELECT migration_id, name, checksum, success, finished_at IS NOT NULL, applied_by, error IS NULL FROM schematasks_history ORDER BY started_at");
        Assert.Equal(["1", "2", "3"], rows.Select(r => r[0]));
        Assert.Equal(migrations.Migrations.Select(m => m.Sha256), rows.Select(r => r[2]));
        Assert.All(rows, r => Assert.Equal([true, true, "tester@ci", true], new[] { r[3], r[4], r[5], r[6] }));
        Assert.Equal("m2", rows[1][1]);
    }

    [PostgresFact]
    public async Task FailingSecondStatement_RollsTheMigrationBack_RecordsTheFailure_AndTheNextRunRefuses()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var builder = new TestMigrations(SqlDialect.Postgres)
            .Add("20251201000000_init", Scenario5Schema)
            .Add("20251208175358_add_scheduled_issues", Scenario5Failing);

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(builder.Load(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Contains("'20251208175358_add_scheduled_issues'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Statement 2 of 3 (line 2)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back", failure.Message, StringComparison.Ordinal);
        // Rolled back: the enum the first statement created is gone; the earlier migration stays.
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_type WHERE typname = 'ScheduleFrequency'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'momentum'"));
        var row = Assert.Single(await RowsAsync(db, "SELECT success, error, finished_at FROM schematasks_history WHERE migration_id = '20251208175358_add_scheduled_issues'"));
        Assert.Equal(false, row[0]);
        Assert.StartsWith("Rolled back. Statement 2 of 3 (line 2) failed: ", (string)row[1]!, StringComparison.Ordinal);
        Assert.Null(row[2]);

        var next = builder.Add("20251210000000_later", "CREATE TABLE momentum.later (id int);").Load();
        var refusal = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(next, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.FailedMigration, refusal.Code);
        Assert.Contains("'20251208175358_add_scheduled_issues' is recorded as failed", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing of it remains in the database. Fix the migration in a new build, then run `schematasks repair --apply`", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'later'"));
    }

    [PostgresFact]
    public async Task MigrationsSentTogether_AFailureKeepsThoseBeforeIt_RecordsIt_AndRunsNoneAfterIt()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var builder = new TestMigrations(SqlDialect.Postgres);
        for (var i = 1; i <= 5; i++)
        {
            builder.Add(i.ToString(CultureInfo.InvariantCulture), i == 4
                ? "CREATE TABLE t4 (id int);\nINSERT INTO missing VALUES (1);\n"
                : $"CREATE TABLE t{i} (id int);\n");
        }

        var reported = new List<MigrationApplied>();
        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(builder.Load(), db.ConnectionString, new MigrateOptions { OnApplied = reported.Add }));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Contains("Migration '4'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Statement 2 of 2 (line 2)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], reported.Select(r => r.Id));
        Assert.All(reported, r => Assert.True(r.Duration >= TimeSpan.Zero));
        Assert.Equal(["t1", "t2", "t3"], (await RowsAsync(db, "SELECT tablename FROM pg_tables WHERE tablename LIKE 't_' ORDER BY 1")).Select(r => (string)r[0]!));
        var rows = await RowsAsync(db, "SELECT migration_id, success, error IS NULL, finished_at >= started_at FROM schematasks_history ORDER BY migration_id");
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => (string)r[0]!));
        Assert.Equal([true, true, true, false], rows.Select(r => (bool)r[1]!));
        Assert.Equal([true, true, true, false], rows.Select(r => (bool)r[2]!));
        Assert.All(rows.Take(3), r => Assert.Equal(true, r[3]));
    }

    [PostgresFact]
    public async Task Repair_OfAMigrationRolledBack_ReportsByDefault_ThenClearsItSoTheFixedBuildApplies()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var broken = new TestMigrations(SqlDialect.Postgres).Add("1", Scenario5Schema).Add("2", Scenario5Failing).Load();
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(broken, db.ConnectionString));
        var fixedBuild = new TestMigrations(SqlDialect.Postgres)
            .Add("1", Scenario5Schema)
            .Add("2", Scenario5Failing.Replace("(no_such_column)", "(id)", StringComparison.Ordinal))
            .Load();

        var report = await PostgresMigrator.RepairAsync(fixedBuild, db.ConnectionString);
        var stillRefused = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(fixedBuild, db.ConnectionString));
        var repaired = await PostgresMigrator.RepairAsync(fixedBuild, db.ConnectionString, new RepairOptions { Apply = true });
        var migrated = await PostgresMigrator.MigrateAsync(fixedBuild, db.ConnectionString);

        var found = Assert.Single(report.Failed);
        Assert.Equal(("2", RepairOutcome.DryRun, 0), (found.Id, found.Outcome, found.Plan.Statements.Count));
        Assert.Contains("nothing of it ran or remains", found.Summary, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.FailedMigration, stillRefused.Code);
        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.Equal(["2"], migrated.Applied.Select(a => a.Id));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'mm_scheduled_issue'"));
    }

    [PostgresFact]
    public async Task TamperedMigration_IsRejectedBeforeTheDatabaseIsTouched()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var builder = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TABLE a (id int);")
            .Add("2", "CREATE TABLE b (id int);")
            .Tamper("2", "DROP TABLE a; CREATE TABLE b (id int);");

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(async () => await PostgresMigrator.MigrateAsync(builder.Load(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationTampered, ex.Code);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [PostgresFact]
    public async Task MigrationEditedAfterItWasApplied_StopsTheRun_BeforeLaterOnesApply()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await PostgresMigrator.MigrateAsync(new TestMigrations(SqlDialect.Postgres).Add("1", "CREATE TABLE a (id int);").Load(), db.ConnectionString);
        var edited = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TABLE a (id bigint);")
            .Add("2", "CREATE TABLE b (id int);")
            .Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(edited, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.EditedMigration, ex.Code);
        Assert.Contains("'1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'b'"));
    }

    [PostgresFact]
    public async Task SixteenConcurrentRuns_ApplyEveryMigrationExactlyOnce()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var builder = new TestMigrations(SqlDialect.Postgres).Add("0", "CREATE TABLE ran (id text NOT NULL);");
        for (var i = 1; i <= 5; i++)
        {
            // Not idempotent on purpose: a second run of any migration would fail or add a row.
            builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"INSERT INTO ran VALUES ('{i}');\nCREATE TABLE t{i} (id int);");
        }

        var migrations = builder.Load();
        var runs = Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { LockTimeout = TimeSpan.FromSeconds(60) })));
        var results = await Task.WhenAll(runs);

        Assert.Equal(["0", "1", "2", "3", "4", "5"], results.SelectMany(r => r.Applied).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["1", "2", "3", "4", "5"], (await RowsAsync(db, "SELECT id FROM ran ORDER BY id")).Select(r => r[0]));
        Assert.Equal(6L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history WHERE success"));
    }

    [PostgresFact]
    public async Task LockHeldByAnotherSession_TimesOutWithST7001_AndAppliesNothing()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var holder = await db.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresMigrationLock.Key})", holder))
        {
            await take.ExecuteScalarAsync();
        }

        var migrations = new TestMigrations(SqlDialect.Postgres).Add("1", "CREATE TABLE a (id int);").Load();
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { LockTimeout = TimeSpan.FromMilliseconds(700) }));

        Assert.Equal(DiagnosticCodes.MigrationLockTimeout, ex.Code);
        Assert.Contains($"database '{db.Name}'", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(650), TimeSpan.FromSeconds(10));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'schematasks_history')"));
    }

    [PostgresFact]
    public async Task CreateIndexConcurrently_RunsOutsideATransaction_AndBuildsAValidIndex()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TABLE job (id int PRIMARY KEY, kind text);")
            .Add("2", "-- Build without blocking writes.\nCREATE INDEX CONCURRENTLY job_kind_idx ON job (kind);")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([true, false], result.Applied.Select(a => a.InTransaction));
        Assert.True(await db.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'job_kind_idx'::regclass"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history WHERE success"));
    }

    [PostgresFact]
    public async Task EnumLabelAddedThenUsed_RunsOutsideATransaction_AndSucceeds()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TYPE status AS ENUM ('queued');\nCREATE TABLE job (id int, status status);")
            .Add("2", "ALTER TYPE status ADD VALUE 'done';\nINSERT INTO job VALUES (1, 'done');")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([true, false], result.Applied.Select(a => a.InTransaction));
        Assert.Equal("done", await db.ScalarAsync<string>("SELECT status::text FROM job"));
    }

    [PostgresFact]
    public async Task MigrationWithItsOwnBeginAndCommit_RunsAsWritten_AndIsRecorded()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "BEGIN;\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\nCOMMIT;")
            .Add("2", "CREATE TABLE b (id int);")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([false, true], result.Applied.Select(a => a.InTransaction));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM a"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history WHERE success AND finished_at IS NOT NULL"));
    }

    [PostgresFact]
    public async Task FailureWithoutATransaction_KeepsWhatRan_AndRecordsTheFailure()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "-- schematasks:no-transaction\nCREATE TABLE a (id int);\nCREATE TABLE a (id int);")
            .Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, ex.Code);
        Assert.Contains("without a transaction", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'a'"));
        var row = Assert.Single(await RowsAsync(db, "SELECT success, error FROM schematasks_history"));
        Assert.Equal(false, row[0]);
        Assert.StartsWith("Statement 2 of 2 (line 3) failed:", (string)row[1]!, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task DbmateFile_RunsOnlyItsUpSection_AndReportsFileLines()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres, Migrations.MigrationLayout.Dbmate)
            .Add("1", "-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n")
            .Add("2", "-- migrate:up transaction:false\nCREATE TABLE b (id int);\nCREATE TABLE b (id int);\n-- migrate:down\nDROP TABLE b;\n")
            .Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Contains("Statement 2 of 2 (line 3)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("transaction:false", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')"));
    }

    [PostgresFact]
    public async Task GooseFile_RunsOnlyItsUpSection_AndNoTransactionRunsOutsideOne()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres, Migrations.MigrationLayout.Goose)
            .Add("1", "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n", "00001_a.sql")
            .Add("2", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n-- +goose Down\nDROP INDEX a_id;\n", "00002_index.sql")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([true, false], result.Applied.Select(a => a.InTransaction));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'a_id'"));
    }

    [PostgresFact]
    public async Task AtlasFile_WithTxmodeNone_RunsOutsideATransaction()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres, Migrations.MigrationLayout.Atlas)
            .Add("1", "CREATE TABLE a (id int);\n", "1_a.sql")
            .Add("2", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n", "2_index.sql")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([true, false], result.Applied.Select(a => a.InTransaction));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'a_id'"));
    }

    [PostgresFact]
    public async Task LiquibaseChangesets_RunOneByOne_FromTheirChangelog_AndRunInTransactionFalseOutsideOne()
    {
        const string Changelog = "--liquibase formatted sql\n--changeset alice:1\nCREATE TABLE a (id int);\n--rollback DROP TABLE a;\n--changeset alice:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n";
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres, Migrations.MigrationLayout.Liquibase)
            .Add("changelog.sql::1::alice", Changelog, "changelog.sql")
            .Add("changelog.sql::2::alice", Changelog, "changelog.sql")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal([true, false], result.Applied.Select(a => a.InTransaction));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'a_id'"));
    }

    [PostgresFact]
    public async Task GooseGoMigration_IsRefusedBeforeAnythingIsApplied()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres, Migrations.MigrationLayout.Goose)
            .Add("1", "-- +goose Up\nCREATE TABLE a (id int);\n", "00001_a.sql")
            .Add("2", "package migrations\n", "00002_backfill.go")
            .Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(Diagnostics.DiagnosticCodes.MigrationFailed, ex.Code);
        Assert.Contains("'00002_backfill.go') is a goose Go function", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'a'"));
    }

    [PostgresFact]
    public async Task FlywayPlaceholder_IsRefusedBeforeAnythingIsApplied_AsTheMigratorDoesNotReplaceIt()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres, Migrations.MigrationLayout.Flyway)
            .Add("1", "CREATE TABLE a (id int);\n", "V1__a.sql")
            .Add("2", "CREATE TABLE b (id int);\nCREATE TABLE ${schema}.c (id int);\n", "V2__c.sql")
            .Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(Diagnostics.DiagnosticCodes.MigrationFailed, ex.Code);
        Assert.Contains("('V2__c.sql', line 2) holds the Flyway placeholder '${schema}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')"));
    }

    [PostgresFact]
    public async Task PopTemplateAction_IsRefusedBeforeAnythingIsApplied_AsTheMigratorDoesNotRenderIt()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres, Migrations.MigrationLayout.Pop)
            .Add("1", "CREATE TABLE a (id int);\n", "1_a.up.sql")
            .Add("2", "CREATE TABLE b (id int);\nCREATE TABLE {{ index .Options \"Namespace\" }}.c (id int);\n", "2_c.up.sql")
            .Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(Diagnostics.DiagnosticCodes.MigrationFailed, ex.Code);
        Assert.Contains("('2_c.up.sql', line 2) holds pop's template action '{{ index .Options \"Namespace\" }}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')"));
    }

    [PostgresFact]
    public async Task SuccessRow_WrittenWithTheMigration_RecordsWhenItsStatementsFinished()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TABLE a (id int);\nSELECT pg_sleep(0.3);")
            .Load();

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.True(Assert.Single(result.Applied).InTransaction);
        var took = await db.ScalarAsync<TimeSpan>("SELECT finished_at - started_at FROM schematasks_history WHERE success");
        Assert.InRange(took, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(30));
    }

    [PostgresFact]
    public async Task CancelledDuringAMigration_RollsItBack_RecordsNothing_AndReleasesTheLock()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var slow = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TABLE a (id int);\nSELECT pg_sleep(30);")
            .Load();
        using var cancel = new CancellationTokenSource();

        // Cancelled once the migration is seen running, not after a fixed time: a first run reads
        // the history and looks for other tools' tables before it creates its own, which on a
        // busy machine can take longer than any fixed wait.
        var run = PostgresMigrator.MigrateAsync(slow, db.ConnectionString, cancellationToken: cancel.Token);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()") == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The migration never started its statement.");
            await Task.Delay(20);
        }

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'a'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history"));
        var quick = new TestMigrations(SqlDialect.Postgres).Add("1", "CREATE TABLE a (id int);").Load();
        var retried = await PostgresMigrator.MigrateAsync(quick, db.ConnectionString, new MigrateOptions { LockTimeout = TimeSpan.FromSeconds(2) });
        Assert.Equal(["1"], retried.Applied.Select(a => a.Id));
    }

    [PostgresFact]
    public async Task StatementNpgsqlRefusesToBatch_RunsCommandByCommand_AndAFailureStillNamesItsStatement()
    {
        // Npgsql's own SQL parser splits this BEGIN ATOMIC body at its inner semicolons, so it
        // refuses the statement as one batch command; the migrator falls back to one command per
        // statement, where the server rejects the split text. The failure must stay a recorded
        // ST7002 naming the statement, never a driver exception.
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres)
            .Add("1", "CREATE TABLE job (id int);\nCREATE FUNCTION job_count() RETURNS bigint LANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO job VALUES (1);\n  SELECT count(*) FROM job;\nEND;\n")
            .Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, ex.Code);
        Assert.Contains("Statement 2 of 2 (line 2)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'job'"));
        Assert.StartsWith("Rolled back. Statement 2 of 2 (line 2) failed: ", await db.ScalarAsync<string>("SELECT error FROM schematasks_history WHERE NOT success"), StringComparison.Ordinal);
    }

    private static async Task<List<object?[]>> RowsAsync(PostgresTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
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
