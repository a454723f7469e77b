using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.Migrator.ToolHistories;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>The migrator recording in another tool's history table (<see cref="MigrateOptions.History"/>) on PostgreSQL.</summary>
public sealed class PostgresToolHistoryTests
{
    [PostgresTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task Migrate_WritesTheToolsRows_VerifyReadsThemHealthy_AndASecondRunAppliesNothing(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await PostgresTestDatabase.CreateAsync();
        var files = ToolHistoryCases.Files(kind, SqlDialect.Postgres);
        var migrations = ToolHistoryCases.Load(kind, SqlDialect.Postgres, files);
        var options = new MigrateOptions { History = kind };

        var first = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, options);
        var second = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, options);

        Assert.Equal(migrations.Migrations.Select(m => m.Id), first.Applied.Select(a => a.Id));
        Assert.Empty(second.Applied);
        Assert.Equal(2, second.AlreadyApplied);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')"));
        Assert.Equal(ToolHistoryCases.Expected(kind, migrations.Migrations, 2, mySql: false), await RowsAsync(db, kind));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('schematasks_history') IS NOT NULL"));

        var report = await PostgresSchemaCheck.VerifyAsync(ToolHistoryCases.Schema(kind, SqlDialect.Postgres, files), db.ConnectionString);
        Assert.True(report.IsHealthy, string.Join("\n", report.Findings.Select(f => f.Message)));
        Assert.Equal(kind, report.Status.History.Kind);
        Assert.All(report.Status.Migrations, m => Assert.Equal(MigrationState.Applied, m.State));
    }

    [PostgresTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task FailedMigration_IsRolledBack_AndLeavesTheRowsTheToolLeaves(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, SqlDialect.Postgres, ToolHistoryCases.FailingSecondSql);
        var options = new MigrateOptions { History = kind };

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, options));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Contains("Statement 2 of 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back: nothing of it remains", failure.Message, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('b') IS NOT NULL"));
        var keepsFailure = kind is MigrationHistoryKind.Prisma or MigrationHistoryKind.GolangMigrate;
        Assert.Equal(ToolHistoryCases.Expected(kind, migrations.Migrations, 1, mySql: false, failedNext: keepsFailure), await RowsAsync(db, kind));

        // A tool that keeps the failure refuses to go on until it is resolved, and so does the
        // migrator; the others record nothing, so the next run tries the migration again.
        var next = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, options));
        Assert.Equal(keepsFailure ? DiagnosticCodes.FailedMigration : DiagnosticCodes.MigrationFailed, next.Code);
        if (kind == MigrationHistoryKind.Prisma) Assert.Contains("prisma migrate resolve --rolled-back 20240102000000_m2", failure.Message + next.Message, StringComparison.Ordinal);
        if (kind == MigrationHistoryKind.GolangMigrate) Assert.Contains("force 1", failure.Message, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task AFirstRunOverADatabaseTheToolMigrated_IsRefusedBeforeAnythingIsWritten(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, SqlDialect.Postgres);
        await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = kind });

        var refused = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.AppliedByAnotherTool, refused.Code);
        Assert.Contains($"records 2 of these migrations (up to '{migrations.Migrations[^1].Id}')", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"--history {tool}", refused.Message, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('schematasks_history') IS NOT NULL"));
        Assert.Equal(ToolHistoryCases.Expected(kind, migrations.Migrations, 2, mySql: false), await RowsAsync(db, kind));
    }

    [PostgresTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task AToolsTableThatRecordsNoneOfTheseMigrations_DoesNotStopTheFirstRun(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, SqlDialect.Postgres);
        await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = kind });
        var table = (kind.DefaultPostgresSchema() is { } schema ? schema + "." : string.Empty) + kind.DefaultPostgresTable();
        await using (var connection = await db.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand($"DELETE FROM {table}; DROP TABLE a, b", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var result = await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal(migrations.Migrations.Select(m => m.Id), result.Applied.Select(a => a.Id));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM schematasks_history WHERE success"));
    }

    public static TheoryData<string> LockingTools => new() { "prisma", "golang-migrate", "goose", "sqlx", "dbmate" };

    [PostgresTheory]
    [MemberData(nameof(LockingTools))]
    public async Task Migrate_TakesTheToolsOwnLock(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, SqlDialect.Postgres);
        var key = kind switch
        {
            MigrationHistoryKind.Prisma => 72707369L,
            MigrationHistoryKind.GolangMigrate => GolangMigrateHistoryWriter.LockId("public\0schema_migrations\0" + db.Name),
            MigrationHistoryKind.Goose => 5887940537704921958L,
            MigrationHistoryKind.Sqlx => SqlxHistoryWriter.LockId(db.Name),
            _ => PostgresMigrationLock.Key, // dbmate takes no lock: SchemaTasks' own keeps two migrators apart.
        };

        // Another session, such as the tool itself migrating, holds the lock.
        await using var holder = await db.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var blocked = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = kind, LockTimeout = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(DiagnosticCodes.MigrationLockTimeout, blocked.Code);
        Assert.Contains($"advisory lock {key}", blocked.Message, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('a') IS NOT NULL"));
    }

    [PostgresFact]
    public async Task AHistoryTheMigratorDoesNotWrite_OrAnotherToolsLayout_IsRefusedBeforeAnythingIsWritten()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var golang = ToolHistoryCases.Migrations(MigrationHistoryKind.GolangMigrate, SqlDialect.Postgres);

        var flyway = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(golang, db.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Flyway }));
        var prisma = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(golang, db.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Prisma }));

        Assert.Equal(DiagnosticCodes.HistoryNotWritable, flyway.Code);
        Assert.Contains("does not write flyway's history", flyway.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.HistoryNotWritable, prisma.Code);
        Assert.Contains("read in the golang-migrate layout, so they cannot be recorded in prisma's history", prisma.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [PostgresFact]
    public async Task GooseHistory_AMigrationBelowTheLastApplied_IsRefused_AsGooseRefusesIt()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var options = new MigrateOptions { History = MigrationHistoryKind.Goose };
        var files = new[] { (1, ToolHistoryCases.FirstSql), (2, ToolHistoryCases.SecondSql), (3, "CREATE TABLE c (id int);") }
            .Select(f => ToolHistoryCases.File(MigrationHistoryKind.Goose, f.Item1, f.Item2))
            .Select(f => new Migrations.MigrationSourceFile(f.Path, f.Text))
            .ToList();
        await PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Goose, SqlDialect.Postgres, [files[0], files[2]]), db.ConnectionString, options);

        var merged = ToolHistoryCases.Load(MigrationHistoryKind.Goose, SqlDialect.Postgres, files);
        var refused = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(merged, db.ConnectionString, options));

        Assert.Equal(DiagnosticCodes.OutOfOrderMigration, refused.Code);
        Assert.Contains("Migration '2'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("-allow-missing", refused.Message, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('b') IS NOT NULL"));
    }

    public static TheoryData<string> ChecksummingTools => new() { "prisma", "sqlx", "drizzle" };

    [PostgresTheory]
    [MemberData(nameof(ChecksummingTools))]
    public async Task AnAppliedMigrationEditedSince_IsRefused_WithTheToolsChecksum(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await PostgresTestDatabase.CreateAsync();
        var options = new MigrateOptions { History = kind };
        await PostgresMigrator.MigrateAsync(ToolHistoryCases.Migrations(kind, SqlDialect.Postgres), db.ConnectionString, options);

        var edited = ToolHistoryCases.Migrations(kind, SqlDialect.Postgres, first: "CREATE TABLE a (id bigint PRIMARY KEY);");
        var refused = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(edited, db.ConnectionString, options));

        Assert.Equal(DiagnosticCodes.EditedMigration, refused.Code);
        Assert.Contains($"'{edited.Migrations[0].Id}'", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string[]>> RowsAsync(PostgresTestDatabase db, MigrationHistoryKind kind)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await ToolHistoryCases.ReadRowsAsync(connection, ToolHistoryCases.RowsSql(kind, mySql: false));
    }
}
