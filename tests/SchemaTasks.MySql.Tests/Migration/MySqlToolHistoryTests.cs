using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.Migrator.ToolHistories;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Tests.Migration;

/// <summary>The migrator recording in another tool's history table (<see cref="MigrateOptions.History"/>) on MySQL and MariaDB.</summary>
public sealed class MySqlToolHistoryTests
{
    private static SqlDialect Dialect => MySqlTestDatabase.ServerDialect;

    [MySqlTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task Migrate_WritesTheToolsRows_VerifyReadsThemHealthy_AndASecondRunAppliesNothing(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await MySqlTestDatabase.CreateAsync();
        var files = ToolHistoryCases.Files(kind, Dialect);
        var migrations = ToolHistoryCases.Load(kind, Dialect, files);
        var options = new MigrateOptions { History = kind };

        var first = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, options);
        var second = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, options);

        Assert.Equal(migrations.Migrations.Select(m => m.Id), first.Applied.Select(a => a.Id));
        Assert.Empty(second.Applied);
        Assert.Equal(2, second.AlreadyApplied);
        Assert.Equal(["a", "b"], await TablesAsync(db, "a", "b"));
        Assert.Equal(ToolHistoryCases.Expected(kind, migrations.Migrations, 2, mySql: true), await RowsAsync(db, kind));
        Assert.Empty(await TablesAsync(db, "schematasks_history"));

        var report = await MySqlSchemaCheck.VerifyAsync(ToolHistoryCases.Schema(kind, Dialect, files), db.ConnectionString);
        Assert.True(report.IsHealthy, string.Join("\n", report.Findings.Select(f => f.Message)));
        Assert.Equal(kind, report.Status.History.Kind);
        Assert.All(report.Status.Migrations, m => Assert.Equal(MigrationState.Applied, m.State));
    }

    [MySqlTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task FailedMigration_KeepsItsCommittedDdl_AndLeavesTheRowsTheToolLeaves(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, Dialect, ToolHistoryCases.FailingSecondSql);
        var options = new MigrateOptions { History = kind };

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, options));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Contains("Statement 2 of 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("statements 1 to 1 were applied and remain", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["b"], await TablesAsync(db, "b"));
        var keepsFailure = kind is MigrationHistoryKind.Prisma or MigrationHistoryKind.GolangMigrate or MigrationHistoryKind.Sqlx;
        Assert.Equal(ToolHistoryCases.Expected(kind, migrations.Migrations, 1, mySql: true, failedNext: keepsFailure), await RowsAsync(db, kind));

        // A tool that keeps the failure refuses to go on, and so does the migrator; the others
        // record nothing, so the next run tries again and meets the table the first try left.
        var next = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, options));
        Assert.Equal(keepsFailure ? DiagnosticCodes.FailedMigration : DiagnosticCodes.MigrationFailed, next.Code);
        if (kind == MigrationHistoryKind.Sqlx) Assert.Contains("DELETE FROM _sqlx_migrations WHERE version = 2", failure.Message + next.Message, StringComparison.Ordinal);
    }

    // mysqldump's LOCK TABLES: the tool's client ends its session after the file, which releases
    // the locks; until then the history table is out of reach (error 1100).
    [MySqlTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task AMigrationThatLocksTables_IsRecorded_WhetherItUnlocksThemOrFails(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await MySqlTestDatabase.CreateAsync();
        var locking = ToolHistoryCases.Migrations(kind, Dialect, "CREATE TABLE b (id int PRIMARY KEY);\nLOCK TABLES b WRITE;\nINSERT INTO b VALUES (1);");
        var options = new MigrateOptions { History = kind };

        var applied = await MySqlMigrator.MigrateAsync(locking, db.ConnectionString, options);

        Assert.Equal(locking.Migrations.Select(m => m.Id), applied.Applied.Select(a => a.Id));
        Assert.Equal(ToolHistoryCases.Expected(kind, locking.Migrations, 2, mySql: true), await RowsAsync(db, kind));

        await using var failing = await MySqlTestDatabase.CreateAsync();
        var broken = ToolHistoryCases.Migrations(kind, Dialect, "CREATE TABLE b (id int PRIMARY KEY);\nLOCK TABLES b WRITE;\nINSERT INTO b VALUES ('x', 1);");
        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(broken, failing.ConnectionString, options));
        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Contains("Statement 3 of 3", failure.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Tools => ToolHistoryCases.Tools;

    [MySqlTheory]
    [MemberData(nameof(Tools))]
    public async Task Migrate_TakesTheToolsOwnNamedLock(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, Dialect);
        var name = kind switch
        {
            MigrationHistoryKind.Prisma => "prisma_migrate",
            MigrationHistoryKind.GolangMigrate => GolangMigrateHistoryWriter.LockId(db.Name + ":schema_migrations").ToString(System.Globalization.CultureInfo.InvariantCulture),
            MigrationHistoryKind.Sqlx => SqlxHistoryWriter.LockId(db.Name).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            _ => MySqlMigrationLock.Name(db.Name), // dbmate, goose, drizzle and sql-migrate take none on MySQL: SchemaTasks' own keeps two migrators apart.
        };

        await using var holder = await db.OpenConnectionAsync();
        await using (var take = new MySqlCommand("SELECT GET_LOCK(@name, 0)", holder))
        {
            take.Parameters.AddWithValue("@name", name);
            Assert.Equal(1L, Convert.ToInt64(await take.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }

        var blocked = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = kind, LockTimeout = TimeSpan.FromSeconds(1) }));

        Assert.Equal(DiagnosticCodes.MigrationLockTimeout, blocked.Code);
        Assert.Contains($"GET_LOCK '{name}'", blocked.Message, StringComparison.Ordinal);
        Assert.Empty(await TablesAsync(db, "a"));
    }

    [MySqlFact]
    public async Task AHistoryTheMigratorDoesNotWrite_OrAnotherToolsLayout_IsRefusedBeforeAnythingIsWritten()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var dbmate = ToolHistoryCases.Migrations(MigrationHistoryKind.Dbmate, Dialect);

        var liquibase = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(dbmate, db.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Liquibase }));
        var sqlx = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(dbmate, db.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Sqlx }));

        Assert.Equal(DiagnosticCodes.HistoryNotWritable, liquibase.Code);
        Assert.Equal(DiagnosticCodes.HistoryNotWritable, sqlx.Code);
        Assert.Contains("read in the dbmate layout", sqlx.Message, StringComparison.Ordinal);
        await using var connection = await db.OpenConnectionAsync();
        await using var count = new MySqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()", connection);
        Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [MySqlTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task AFirstRunOverADatabaseTheToolMigrated_IsRefusedBeforeAnythingIsWritten(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, Dialect);
        await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = kind });

        var refused = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.AppliedByAnotherTool, refused.Code);
        Assert.Contains($"records 2 of these migrations (up to '{migrations.Migrations[^1].Id}')", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"--history {tool}", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await TablesAsync(db, "schematasks_history"));
        Assert.Equal(ToolHistoryCases.Expected(kind, migrations.Migrations, 2, mySql: true), await RowsAsync(db, kind));
    }

    [MySqlTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task AToolsTableThatRecordsNoneOfTheseMigrations_DoesNotStopTheFirstRun(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, Dialect);
        await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = kind });
        await using (var connection = await db.OpenConnectionAsync())
        await using (var command = new MySqlCommand($"DELETE FROM `{kind.DefaultTable()}`; DROP TABLE a, b", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var result = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal(migrations.Migrations.Select(m => m.Id), result.Applied.Select(a => a.Id));
        Assert.Equal(["schematasks_history"], await TablesAsync(db, "schematasks_history"));
    }

    private static async Task<List<string[]>> RowsAsync(MySqlTestDatabase db, MigrationHistoryKind kind)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await ToolHistoryCases.ReadRowsAsync(connection, ToolHistoryCases.RowsSql(kind, mySql: true));
    }

    private static async Task<List<string>> TablesAsync(MySqlTestDatabase db, params string[] names)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = await ToolHistoryCases.ReadRowsAsync(connection, $"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ({string.Join(", ", names.Select(n => $"'{n}'"))}) ORDER BY table_name");
        return rows.Select(r => r[0]).ToList();
    }
}
