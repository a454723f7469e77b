using MySqlConnector;
using SchemaTasks.Verification;
using SchemaTasks.Migrator;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Verification;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Migration;

/// <summary>Repair back and forward against a real MariaDB/MySQL, checked with the self-check.</summary>
public sealed class MySqlRepairTests
{
    private const string JobTracking = "CREATE TABLE job_tracking (id int PRIMARY KEY, job_type ENUM('cleanup','failover') NOT NULL DEFAULT 'cleanup');\nINSERT INTO job_tracking VALUES (1, 'failover');";

    [MySqlFact]
    public async Task RepairBack_OfAWidenedEnum_NarrowsItOnlyWithTheDataLossFlag_ThenTheFixedMigrationApplies_Healthy()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var widen = "ALTER TABLE job_tracking MODIFY COLUMN job_type ENUM('cleanup','failover','protection_flow') NOT NULL DEFAULT 'cleanup';";
        var broken = Build(("1", JobTracking), ("2", widen + "\nALTER TABLE job_tracking ADD COLUMN note int DEFAULT (no_such_function());"));
        var fixedBuild = Build(("1", JobTracking), ("2", widen + "\nALTER TABLE job_tracking ADD COLUMN note varchar(20) NULL;"));
        await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(broken, db.ConnectionString));

        var report = await VerifyAsync(broken, db);
        var dryRun = await MySqlMigrator.RepairAsync(fixedBuild, db.ConnectionString);
        var refused = await MySqlMigrator.RepairAsync(fixedBuild, db.ConnectionString, new RepairOptions { Apply = true });
        var typeAfterRefusal = await ColumnTypeAsync(db);
        var repaired = await MySqlMigrator.RepairAsync(fixedBuild, db.ConnectionString, new RepairOptions { Apply = true, AllowDataLoss = true });
        var typeAfterRepair = await ColumnTypeAsync(db);
        await MySqlMigrator.MigrateAsync(fixedBuild, db.ConnectionString);
        var healthy = await VerifyAsync(fixedBuild, db);

        var failed = Assert.Single(report.Findings, f => f.Code == Diagnostics.DiagnosticCodes.FailedMigration);
        Assert.Equal(["column job_tracking.job_type is altered", "column job_tracking.note does not"], failed.Objects.Select(o => o.ToString()));
        var statement = Assert.Single(Assert.Single(dryRun.Failed).Plan.Statements);
        Assert.Equal("ALTER TABLE job_tracking MODIFY COLUMN job_type enum('cleanup','failover') NOT NULL DEFAULT 'cleanup';", statement.Sql);
        Assert.Equal(("column job_tracking.job_type", true), (statement.Touches, statement.DropsData));
        Assert.Equal(RepairOutcome.RefusedDataLoss, Assert.Single(refused.Failed).Outcome);
        Assert.Equal("enum('cleanup','failover','protection_flow')", typeAfterRefusal);
        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.Equal("enum('cleanup','failover')", typeAfterRepair);
        Assert.True(healthy.IsHealthy, healthy.ToText());
        Assert.Empty(healthy.Findings);
    }

    [MySqlFact]
    public async Task RepairForward_AfterTheRowsAreFixed_RunsTheRest_CountsThem_AndMarksItApplied()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = Build(
            ("1", JobTracking + "\nINSERT INTO job_tracking VALUES (2, 'failover');"),
            ("2", "ALTER TABLE job_tracking ADD COLUMN note varchar(20) NULL;\nALTER TABLE job_tracking ADD UNIQUE KEY job_type_once (job_type);\nALTER TABLE job_tracking ADD COLUMN extra int NULL;"));
        // Statement 2 fails on the duplicate rows; a person removes the duplicate, then finishes the migration.
        await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString));
        await ExecuteAsync(db, "DELETE FROM job_tracking WHERE id = 2");

        var dryRun = await MySqlMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { To = RepairDirection.After });
        var repaired = await MySqlMigrator.RepairAsync(migrations, db.ConnectionString, new RepairOptions { To = RepairDirection.After, Apply = true });
        var healthy = await VerifyAsync(migrations, db);

        var plan = Assert.Single(dryRun.Failed).Plan;
        Assert.Equal(["statement 2 (line 2): ALTER TABLE job_tracking ADD UNIQUE KEY job_type_once (job_type)", "statement 3 (line 3): column job_tracking.extra"], plan.Statements.Select(s => s.Touches));
        Assert.Equal(RepairOutcome.Repaired, Assert.Single(repaired.Failed).Outcome);
        Assert.True(healthy.IsHealthy, healthy.ToText());
        Assert.Equal("1|3|", Convert.ToString(await ScalarAsync(db, "SELECT CONCAT(success, '|', statements_applied, '|', COALESCE(error, '')) FROM schematasks_history WHERE migration_id = '2'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [MySqlFact]
    public async Task RepairBack_DropsTheCheckTheMigrationAdded_ByTheNameTheServerGaveIt()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var broken = Build(
            ("1", "CREATE TABLE bots (id int PRIMARY KEY, health_status varchar(20) NOT NULL);"),
            ("2", "ALTER TABLE bots ADD CHECK (health_status IN ('normal', 'potentially_stuck'));\nALTER TABLE bots ADD COLUMN note int DEFAULT (no_such_function());"));
        await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(broken, db.ConnectionString));
        var serverName = (string?)await ScalarAsync(db, "SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()");

        var repaired = await MySqlMigrator.RepairAsync(broken, db.ConnectionString, new RepairOptions { Apply = true });

        var statement = Assert.Single(Assert.Single(repaired.Failed).Plan.Statements);
        Assert.Equal($"ALTER TABLE bots DROP CONSTRAINT {serverName};", statement.Sql);
        Assert.False(statement.DropsData);
        Assert.Equal(RepairOutcome.Repaired, repaired.Failed[0].Outcome);
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()")));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(db, "SELECT COUNT(*) FROM schematasks_history WHERE migration_id = '2'")));
    }

    private static EmbeddedMigrations Build(params (string Id, string Sql)[] migrations)
    {
        var builder = new TestMigrations(MySqlTestDatabase.ServerDialect);
        foreach (var (id, sql) in migrations) builder.Add(id, sql);
        return builder.Load();
    }

    // The self-check a service runs at start, against the schema the same migrations build.
    private static Task<VerificationReport> VerifyAsync(EmbeddedMigrations migrations, MySqlTestDatabase db)
    {
        var files = migrations.Migrations.Select(m => new MigrationSourceFile(m.RelativePath, m.Text)).ToList();
        var expected = ExpectedSchema.FromFiles(files, MigrationLayout.GolangMigrate, MySqlTestDatabase.ServerDialect);
        return MySqlSchemaCheck.VerifyAsync(expected, db.ConnectionString, new SchemaCheckOptions { HistoryKind = MigrationHistoryKind.SchemaTasks });
    }

    private static async Task<string?> ColumnTypeAsync(MySqlTestDatabase db) =>
        (string?)await ScalarAsync(db, "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'job_tracking' AND COLUMN_NAME = 'job_type'");

    private static async Task ExecuteAsync(MySqlTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(MySqlTestDatabase db, string sql)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
