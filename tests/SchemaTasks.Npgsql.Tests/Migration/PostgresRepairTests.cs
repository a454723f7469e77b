using Npgsql;
using SchemaTasks.Verification;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>Repair back and forward against a real PostgreSQL, checked with the self-check.</summary>
public sealed class PostgresRepairTests
{
    private const string InitId = "20251101090000";
    private const string ScheduledIssuesId = "20251208175358";

    [PostgresFact]
    public async Task Scenario5_WithoutATransaction_ReportNamesTheObjects_RepairBackDropsTheEnum_FixedMigrationApplies_Healthy()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var (init, scheduled) = Scenario5();
        // Statement 2 (the table) fails after statement 1 (the enum) is committed, as in scenario 5.
        var failing = "-- schematasks:no-transaction\n" + Broken(scheduled);
        var broken = Build((InitId, init), (ScheduledIssuesId, failing));
        var fixedBuild = Build((InitId, init), (ScheduledIssuesId, scheduled));
        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(broken, db.ConnectionString));

        var report = await VerifyAsync(broken, db);
        var stateBefore = await StateAsync(db);
        var dryRun = await PostgresMigrator.RepairAsync(fixedBuild, db.ConnectionString);
        var stateAfterDryRun = await StateAsync(db);
        var repaired = await PostgresMigrator.RepairAsync(fixedBuild, db.ConnectionString, new RepairOptions { Apply = true });
        var enumsAfterRepair = await db.ScalarAsync<long>("SELECT count(*) FROM pg_type WHERE typname = 'ScheduleFrequency'");
        var migrated = await PostgresMigrator.MigrateAsync(fixedBuild, db.ConnectionString);
        var healthy = await VerifyAsync(fixedBuild, db);

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        var failed = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.FailedMigration);
        Assert.Equal(ScheduledIssuesId, failed.Subject);
        Assert.Contains("Statement 2 of 4", failed.Message, StringComparison.Ordinal);
        Assert.Equal(["enum momentum.ScheduleFrequency exists", "table momentum.mm_scheduled_issue does not"], failed.Objects.Select(o => o.ToString()));

        var plan = Assert.Single(dryRun.Failed);
        Assert.Equal(RepairOutcome.DryRun, plan.Outcome);
        var drop = Assert.Single(plan.Plan.Statements);
        Assert.Equal(("DROP TYPE momentum.\"ScheduleFrequency\";", "enum momentum.ScheduleFrequency", false), (drop.Sql, drop.Touches, drop.DropsData));
        Assert.Contains("statement 1 ran, statement 2 failed", plan.Summary, StringComparison.Ordinal);
        // The fixed text is not the text that ran: back still plans from the live schema, forward cannot.
        Assert.Contains("differs from the text that failed", Assert.Single(plan.Plan.Notes), StringComparison.Ordinal);
        Assert.False(plan.Other.CanApply);
        Assert.Equal(stateBefore, stateAfterDryRun);

        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.Equal(0L, enumsAfterRepair);
        Assert.Equal([ScheduledIssuesId], migrated.Applied.Select(a => a.Id));
        Assert.True(healthy.IsHealthy, healthy.ToText());
        Assert.Empty(healthy.Findings);
    }

    [PostgresFact]
    public async Task Scenario5_InATransaction_NothingRemains_RepairDeletesTheRow_FixedMigrationApplies_Healthy()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var (init, scheduled) = Scenario5();
        var broken = Build((InitId, init), (ScheduledIssuesId, Broken(scheduled)));
        var fixedBuild = Build((InitId, init), (ScheduledIssuesId, scheduled));
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(broken, db.ConnectionString));

        var report = await VerifyAsync(broken, db);
        var repaired = await PostgresMigrator.RepairAsync(fixedBuild, db.ConnectionString, new RepairOptions { Apply = true });
        await PostgresMigrator.MigrateAsync(fixedBuild, db.ConnectionString);
        var healthy = await VerifyAsync(fixedBuild, db);

        var failed = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.FailedMigration);
        Assert.Equal(["enum momentum.ScheduleFrequency does not", "table momentum.mm_scheduled_issue does not"], failed.Objects.Select(o => o.ToString()));
        var repair = Assert.Single(repaired.Failed);
        Assert.Equal((RepairOutcome.Repaired, 0), (repair.Outcome, repair.Plan.Statements.Count));
        Assert.Equal(4, repair.Other.Statements.Count);
        Assert.True(healthy.IsHealthy, healthy.ToText());
    }

    [PostgresFact]
    public async Task RepairForward_OfAMigrationRolledBack_RunsItWholeInOneTransaction_AndRecordsThisBuildsChecksum()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var (init, scheduled) = Scenario5();
        var broken = Build((InitId, init), (ScheduledIssuesId, Broken(scheduled)));
        var fixedBuild = Build((InitId, init), (ScheduledIssuesId, scheduled));
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(broken, db.ConnectionString));

        var result = await PostgresMigrator.RepairAsync(fixedBuild, db.ConnectionString, new RepairOptions { To = RepairDirection.After, Apply = true });
        var healthy = await VerifyAsync(fixedBuild, db);

        var repair = Assert.Single(result.Failed);
        Assert.Equal(RepairOutcome.Repaired, repair.Outcome);
        Assert.Equal(4, repair.Plan.Statements.Count);
        Assert.Equal("statement 1 (line 2): enum momentum.ScheduleFrequency", repair.Plan.Statements[0].Touches);
        Assert.Contains("one transaction", Assert.Single(repair.Plan.Notes), StringComparison.Ordinal);
        Assert.Equal(fixedBuild.Migrations[1].Sha256, await db.ScalarAsync<string>($"SELECT checksum FROM schematasks_history WHERE migration_id = '{ScheduledIssuesId}' AND success"));
        Assert.True(healthy.IsHealthy, healthy.ToText());
    }

    [PostgresFact]
    public async Task RepairForward_AfterTheRowsAreFixed_RunsTheStatementsThatDidNotRun_AndMarksItApplied()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = Build(
            ("1", "CREATE TABLE bots (id int PRIMARY KEY, health_status text NOT NULL);\nINSERT INTO bots VALUES (1, 'unhealthy');"),
            ("2", "-- schematasks:no-transaction\nALTER TABLE bots ADD COLUMN note text;\nALTER TABLE bots ADD CONSTRAINT bots_health_status_check CHECK (health_status IN ('normal', 'potentially_stuck'));"));
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));
        await ExecuteAsync(db, "UPDATE bots SET health_status = 'normal'");

        var dryRun = await PostgresMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { To = RepairDirection.After });
        var repaired = await PostgresMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { To = RepairDirection.After, Apply = true });
        var healthy = await VerifyAsync(migrations, db);
        var again = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        var plan = Assert.Single(dryRun.Failed);
        var statement = Assert.Single(plan.Plan.Statements);
        Assert.Equal("statement 2 (line 3): check public.bots.bots_health_status_check", statement.Touches);
        Assert.StartsWith("ALTER TABLE bots ADD CONSTRAINT bots_health_status_check", statement.Sql, StringComparison.Ordinal);
        // Back would drop the column statement 1 added, which holds data.
        Assert.True(plan.Other.DropsData);
        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.True(healthy.IsHealthy, healthy.ToText());
        Assert.Empty(again.Applied);
        Assert.True(await db.ScalarAsync<bool>("SELECT success AND error IS NULL AND finished_at IS NOT NULL FROM schematasks_history WHERE migration_id = '2'"));
    }

    [PostgresFact]
    public async Task RepairBack_DropsAndRestoresColumns_OnlyWithTheDataLossFlag()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var init = "CREATE TABLE job (id int PRIMARY KEY, name varchar(10) NOT NULL);\nINSERT INTO job VALUES (1, 'first');";
        var change = "-- schematasks:no-transaction\nALTER TABLE job ALTER COLUMN name TYPE text;\nALTER TABLE job ADD COLUMN note text;\nINSERT INTO no_such_table VALUES (1);";
        var broken = Build(("1", init), ("2", change));
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(broken, db.ConnectionString));

        var refused = await PostgresMigrator.RepairAsync(broken, db.ConnectionString, new RepairOptions { Apply = true });
        var columnsAfterRefusal = await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'job'");
        var repaired = await PostgresMigrator.RepairAsync(broken, db.ConnectionString, new RepairOptions { Apply = true, AllowDataLoss = true });
        var fixedBuild = Build(("1", init), ("2", change.Replace("INSERT INTO no_such_table VALUES (1);", string.Empty, StringComparison.Ordinal)));
        await PostgresMigrator.MigrateAsync(fixedBuild, db.ConnectionString);
        var healthy = await VerifyAsync(fixedBuild, db);

        var refusal = Assert.Single(refused.Failed);
        Assert.Equal(RepairOutcome.RefusedDataLoss, refusal.Outcome);
        Assert.Equal(
            ["ALTER TABLE job DROP COLUMN note;", "ALTER TABLE job ALTER COLUMN name TYPE character varying(10) USING name::character varying(10);"],
            refusal.Plan.Statements.Select(s => s.Sql));
        Assert.All(refusal.Plan.Statements, s => Assert.True(s.DropsData));
        Assert.Equal(3L, columnsAfterRefusal);
        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.True(healthy.IsHealthy, healthy.ToText());
        Assert.Equal("first", await db.ScalarAsync<string>("SELECT name FROM job"));
    }

    [PostgresFact]
    public async Task RepairBack_RecreatesADroppedCheck_AndDropsTheDomainEnumAndColumnItCreated_InDependencyOrder()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var init = "CREATE TABLE bots (id int PRIMARY KEY, health_status text NOT NULL CHECK (health_status IN ('normal', 'potentially_stuck')));";
        var change = """
            -- schematasks:no-transaction
            ALTER TABLE bots DROP CONSTRAINT bots_health_status_check;
            CREATE TYPE bot_kind AS ENUM ('worker', 'scheduler');
            CREATE DOMAIN bot_label AS text CHECK (VALUE IN ('blue', 'green'));
            ALTER TABLE bots ADD COLUMN kind bot_kind;
            INSERT INTO no_such_table VALUES (1);
            """;
        var broken = Build(("1", init), ("2", change));
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(broken, db.ConnectionString));

        var result = await PostgresMigrator.RepairAsync(broken, db.ConnectionString, new RepairOptions { Apply = true, AllowDataLoss = true });
        var fixedBuild = Build(("1", init), ("2", change.Replace("INSERT INTO no_such_table VALUES (1);", string.Empty, StringComparison.Ordinal)));
        var atMigration1 = await VerifyAsync(Build(("1", init)), db);
        await PostgresMigrator.MigrateAsync(fixedBuild, db.ConnectionString);
        var healthy = await VerifyAsync(fixedBuild, db);

        var repair = Assert.Single(result.Failed);
        Assert.Equal(RepairOutcome.Repaired, repair.Outcome);
        Assert.Equal(
            [
                "ALTER TABLE bots DROP COLUMN kind;",
                "ALTER TABLE bots ADD CONSTRAINT bots_health_status_check CHECK (health_status IN ('normal', 'potentially_stuck'));",
                "DROP DOMAIN bot_label;",
                "DROP TYPE bot_kind;",
            ],
            repair.Plan.Statements.Select(s => s.Sql));
        // Back at the schema before migration 2: the self-check against migration 1 alone finds nothing.
        Assert.True(atMigration1.IsHealthy, atMigration1.ToText());
        Assert.Empty(atMigration1.Findings);
        Assert.True(healthy.IsHealthy, healthy.ToText());
    }

    [PostgresFact]
    public async Task RepairBack_UndoesOnlyWhatRan_NeverAnObjectThatWasThereBeforeTheMigration()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // Created by hand: the reason statement 2 fails. It is not the migration's to drop.
        await ExecuteAsync(db, "CREATE TABLE audit (id int); INSERT INTO audit VALUES (7);");
        var migrations = Build(("1", "-- schematasks:no-transaction\nCREATE TABLE job (id int);\nCREATE TABLE audit (id int);"));
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        var result = await PostgresMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { Apply = true, AllowDataLoss = true });

        var repair = Assert.Single(result.Failed);
        Assert.Equal(["DROP TABLE job;"], repair.Plan.Statements.Select(s => s.Sql));
        Assert.Equal(RepairOutcome.Repaired, repair.Outcome);
        Assert.Equal(7, await db.ScalarAsync<int>("SELECT id FROM audit"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'job'"));
    }

    [PostgresFact]
    public async Task RepairBack_OfAnAddedEnumLabel_IsBlocked_BecausePostgresCannotDropALabel_AndForwardIsOffered()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        // Marked as SchemaTasks' migrator runs it (statement by statement, since it uses the label
        // it adds): golang-migrate would run it in one transaction, which the build refuses (ST3072).
        var migrations = Build(
            ("1", "CREATE TYPE status AS ENUM ('queued');\nCREATE TABLE job (id int, status status);"),
            ("2", "ALTER TYPE status ADD VALUE 'done';\nINSERT INTO job VALUES (1, 'done');\nINSERT INTO no_such_table VALUES (1);\n-- schematasks:no-transaction"));
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        var result = await PostgresMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { Apply = true, AllowDataLoss = true });

        var blocked = Assert.Single(result.Failed);
        Assert.Equal(RepairOutcome.Blocked, blocked.Outcome);
        var reason = Assert.Single(blocked.Plan.Blockers);
        Assert.Contains("added label 'done' to enum type public.status, and PostgreSQL cannot remove a label from an enum type", reason, StringComparison.Ordinal);
        Assert.Contains("Repair forward (--to after)", reason, StringComparison.Ordinal);
        // Statements 1 and 2 ran (the label was used outside a transaction); forward runs the third.
        Assert.Equal(["statement 3 (line 3): INSERT INTO no_such_table VALUES (1)"], blocked.Other.Statements.Select(s => s.Touches));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history WHERE NOT success"));
    }

    // The migration as it fails on the server at its second statement, the CREATE TABLE, while
    // the build takes it: a default calling a function the database lacks. (An unlisted enum
    // label, scenario 5 itself, no longer builds: ST3056.)
    private static string Broken(string scheduled)
        => scheduled.Replace("DEFAULT 'WEEKLY'", "DEFAULT momentum.frequency_not_deployed()", StringComparison.Ordinal);

    private static (string Init, string ScheduledIssues) Scenario5()
    {
        var files = ScenarioMigrations.Files("5-prisma-momentum");
        return (files.Single(f => f.RelativePath.StartsWith(InitId, StringComparison.Ordinal)).Text,
                files.Single(f => f.RelativePath.StartsWith(ScheduledIssuesId, StringComparison.Ordinal)).Text);
    }

    private static EmbeddedMigrations Build(params (string Id, string Sql)[] migrations)
    {
        var builder = new TestMigrations(SqlDialect.Postgres);
        foreach (var (id, sql) in migrations) builder.Add(id, sql);
        return builder.Load();
    }

    // The self-check a service runs at start, against the schema the same migrations build.
    private static Task<VerificationReport> VerifyAsync(EmbeddedMigrations migrations, PostgresTestDatabase db)
    {
        var files = migrations.Migrations.Select(m => new MigrationSourceFile(m.RelativePath, m.Text)).ToList();
        var expected = ExpectedSchema.FromFiles(files, MigrationLayout.GolangMigrate, SqlDialect.Postgres);
        return PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString, new SchemaCheckOptions { HistoryKind = MigrationHistoryKind.SchemaTasks });
    }

    // Everything a repair could change: the schema as the self-check reads it, and the history rows.
    private static async Task<string> StateAsync(PostgresTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var live = await PostgresSchemaReader.ReadAsync(connection);
        var schema = string.Join("; ", CatalogComparer.Compare(Schema.Catalog.Empty(SqlDialect.Postgres), live));
        await using var command = new NpgsqlCommand("SELECT string_agg(migration_id || ':' || success || ':' || coalesce(error, ''), '|' ORDER BY migration_id) FROM schematasks_history", connection);
        return schema + " / " + await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(PostgresTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
