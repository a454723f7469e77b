using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Migrator;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>
/// sql-migrate's gorp_migrations on PostgreSQL: the table as gorp creates it for sql-migrate
/// (<c>create table if not exists "gorp_migrations" ("id" text not null primary key, "applied_at"
/// timestamp with time zone)</c>, run on the server to check), its rows, and <c>notransaction</c>.
/// sql-migrate itself is a Go binary that cannot be installed here, so its table is made with its own DDL.
/// </summary>
public sealed class PostgresSqlMigrateHistoryTests
{
    private const string GorpDdl = "create table if not exists \"gorp_migrations\" (\"id\" text not null primary key, \"applied_at\" timestamp with time zone) ;";

    [PostgresFact]
    public async Task Migrate_CreatesTheTableGorpCreates_AndRecordsEachFileName()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(MigrationHistoryKind.SqlMigrate, SqlDialect.Postgres);

        await PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.SqlMigrate });

        await using var connection = await db.OpenConnectionAsync();
        var columns = await ToolHistoryCases.ReadRowsAsync(connection, "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'gorp_migrations' ORDER BY ordinal_position");
        Assert.Equal([["id", "text", "NO"], ["applied_at", "timestamp with time zone", "YES"]], columns);
        Assert.Equal("id", await db.ScalarAsync<string>("SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indrelid = 'gorp_migrations'::regclass AND i.indisprimary"));
        var rows = await ToolHistoryCases.ReadRowsAsync(connection, "SELECT id, applied_at FROM gorp_migrations ORDER BY id");
        Assert.Equal([["20240101000000-m1.sql", "<time>"], ["20240102000000-m2.sql", "<time>"]], rows);
    }

    [PostgresFact]
    public async Task ADatabaseSqlMigrateMigrated_ReadsAsMigrated_AndALaterFileAsPending()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var files = ToolHistoryCases.Files(MigrationHistoryKind.SqlMigrate, SqlDialect.Postgres);
        await using (var connection = await db.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand($"{GorpDdl} CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY); INSERT INTO gorp_migrations VALUES ('20240101000000-m1.sql', now()), ('20240102000000-m2.sql', now());", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var healthy = await PostgresSchemaCheck.VerifyAsync(ToolHistoryCases.Schema(MigrationHistoryKind.SqlMigrate, SqlDialect.Postgres, files), db.ConnectionString);
        files.Add(new MigrationSourceFile("20240103000000-m3.sql", "-- +migrate Up\nCREATE TABLE c (id int);\n"));
        var behind = await PostgresSchemaCheck.VerifyAsync(ToolHistoryCases.Schema(MigrationHistoryKind.SqlMigrate, SqlDialect.Postgres, files), db.ConnectionString);

        Assert.True(healthy.IsHealthy, string.Join("\n", healthy.Findings.Select(f => f.Message)));
        Assert.Equal(MigrationHistoryKind.SqlMigrate, healthy.Status.History.Kind);
        var pending = Assert.Single(behind.Findings, f => f.Code == DiagnosticCodes.PendingMigration);
        Assert.Contains("20240103000000-m3.sql", pending.Message, StringComparison.Ordinal);
        Assert.Equal("Run `sql-migrate up`.", pending.NextStep);
    }

    [PostgresFact]
    public async Task ANoTransactionFile_RunsWithoutOne_SoAFailureKeepsWhatRanBeforeIt_AndWritesNoRow()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var files = ToolHistoryCases.Files(MigrationHistoryKind.SqlMigrate, SqlDialect.Postgres, ToolHistoryCases.FailingSecondSql);
        files[1] = files[1] with { Text = files[1].Text.Replace("-- +migrate Up\n", "-- +migrate Up notransaction\n", StringComparison.Ordinal) };
        var migrations = ToolHistoryCases.Load(MigrationHistoryKind.SqlMigrate, SqlDialect.Postgres, files);

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.SqlMigrate }));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('b') IS NOT NULL"), "sql-migrate runs a notransaction file's statements one by one: table b stays.");
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM gorp_migrations"));
    }
}
