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
/// A migration with its own <c>BEGIN; ... COMMIT;</c> runs statement by statement. When a
/// statement inside that transaction fails, the session is left in an aborted transaction
/// (25P02 for every later command): the migrator rolls it back, reports the statement, its line
/// and the server's error, and records the failure, so that verify and a later run tell what
/// remains. Seen in openreplay/openreplay's init_schema.sql (BEGIN on line 16).
/// </summary>
public sealed class PostgresMigratorOwnTransactionTests
{
    private const string OwnTransaction = "BEGIN;\nCREATE TABLE a (x int);\nSELECT 1/0;\nCREATE TABLE b (x int);\nCOMMIT;";

    [PostgresFact]
    public async Task A_failure_inside_the_migrations_own_transaction_reports_the_statement_and_records_it()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres).Add("1", OwnTransaction).Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, ex.Code);
        Assert.Contains("Statement 3 of 5 (line 3) failed: division by zero", ex.Message, StringComparison.Ordinal);
        Assert.Equal("22012", Assert.IsType<PostgresException>(ex.InnerException).SqlState);
        Assert.Contains("nothing of it remains", ex.Message, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('a') IS NOT NULL"));
        Assert.Equal("Rolled back. Statement 3 of 5 (line 3) failed: division by zero", await db.ScalarAsync<string>("SELECT error FROM schematasks_history WHERE NOT success"));

        var report = await VerifyAsync(migrations, db);
        var failed = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.FailedMigration);
        Assert.Contains("division by zero", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded no error", failed.Message, StringComparison.Ordinal);

        var next = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));
        Assert.Equal(DiagnosticCodes.FailedMigration, next.Code);
        Assert.Contains("Nothing of it remains", next.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Statements_before_the_migrations_own_begin_stay_committed()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = new TestMigrations(SqlDialect.Postgres).Add("1", "CREATE TABLE before_it (x int);\n" + OwnTransaction).Load();

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Contains("Statement 4 of 6 (line 4) failed: division by zero", ex.Message, StringComparison.Ordinal);
        Assert.Contains("opened on line 2", ex.Message, StringComparison.Ordinal);
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('before_it') IS NOT NULL"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('a') IS NOT NULL"));
        Assert.Equal("Statement 4 of 6 (line 4) failed: division by zero", await db.ScalarAsync<string>("SELECT error FROM schematasks_history WHERE NOT success"));
    }

    [PostgresTheory]
    [MemberData(nameof(ToolHistoryCases.Tools), MemberType = typeof(ToolHistoryCases))]
    public async Task In_another_tools_history_the_failure_is_reported_with_what_remains(string tool)
    {
        var kind = ToolHistoryCases.Kind(tool);
        await using var db = await PostgresTestDatabase.CreateAsync();
        var migrations = ToolHistoryCases.Migrations(kind, SqlDialect.Postgres, OwnTransaction, first: "CREATE TABLE first_one (id int);");

        var ex = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(migrations, db.ConnectionString, new MigrateOptions { History = kind }));

        Assert.Equal(DiagnosticCodes.MigrationFailed, ex.Code);
        Assert.Contains("Statement 3 of 5 (line ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("failed: division by zero", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nothing of it remains", ex.Message, StringComparison.Ordinal);
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('public.a') IS NULL AND to_regclass('public.b') IS NULL"));
    }

    private static Task<VerificationReport> VerifyAsync(EmbeddedMigrations migrations, PostgresTestDatabase db)
    {
        var files = migrations.Migrations.Select(m => new MigrationSourceFile(m.RelativePath, m.Text)).ToList();
        var expected = ExpectedSchema.FromFiles(files, MigrationLayout.GolangMigrate, SqlDialect.Postgres);
        return PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString, new SchemaCheckOptions { HistoryKind = MigrationHistoryKind.SchemaTasks, CompareSchema = false });
    }
}
