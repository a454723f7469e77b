using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The tool on a sql-migrate folder (the fixture under Core.Tests/Fixtures/SqlMigrate): the layout
/// detected, the schema of its Up sections, and a database migrated with sql-migrate's history,
/// whose gorp_migrations rows are those sql-migrate writes (sql-migrate itself, a Go binary, cannot
/// be installed here to compare with).
/// </summary>
public sealed class SqlMigrateFolderTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "SchemaTasks.Core.Tests", "Fixtures", "SqlMigrate");

    [Fact]
    public async Task Snapshot_DetectsTheLayout_AndHoldsTheUpSectionsSchema_InSqlMigratesOrder()
    {
        var (exit, output, error) = await ToolRun.RunAsync("snapshot", Folder, "--dialect", "postgres");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Equal("", error);
        Assert.Matches(@"""name"": ""enum_alert_status"",\s*""labels"": \[\s*""triggered"",\s*""active"",\s*""acknowledged"",\s*""closed"",\s*""escalated""\s*\]", output);
        Assert.Contains("\"name\": \"alert_logs\"", output, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"updated_at\"", output, StringComparison.Ordinal);
        // sql-migrate compares the numbers the names start with: 9 runs before 20170426134008.
        Assert.True(output.IndexOf("\"id\": \"9_settings.sql\"", StringComparison.Ordinal) < output.IndexOf("\"id\": \"20170426134008-init.sql\"", StringComparison.Ordinal), output);
    }

    [PostgresFact]
    public async Task Migrate_WithSqlMigratesHistory_WritesItsRows_AndStatusAndVerifyReadThem()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();

        var migrate = await ToolRun.RunAsync("migrate", "--migrations", Folder, "--dialect", "postgres", "--connection", db.ConnectionString, "--history", "sql-migrate");
        var status = await ToolRun.RunAsync("status", "--migrations", Folder, "--dialect", "postgres", "--connection", db.ConnectionString, "--history", "sql-migrate");
        var verify = await ToolRun.RunAsync("verify", "--migrations", Folder, "--dialect", "postgres", "--connection", db.ConnectionString);

        Assert.True(migrate.Exit == ExitCodes.Success, migrate.Output + migrate.Error);
        Assert.Contains("applied 20171201104433-add-alert-log-types.sql (2 statements, without a transaction", migrate.Output, StringComparison.Ordinal);
        Assert.Contains("applied 20180104122450-alert-updates.sql (4 statements, in a transaction", migrate.Output, StringComparison.Ordinal);
        Assert.Equal(
            "20170426134008-init.sql,20171201104433-add-alert-log-types.sql,20180104122450-alert-updates.sql,9_settings.sql",
            await db.ScalarAsync<string>("SELECT string_agg(id, ',' ORDER BY id) FROM gorp_migrations WHERE applied_at IS NOT NULL"));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('schematasks_history') IS NOT NULL"));
        Assert.Equal("triggered,active,acknowledged,closed,escalated", await db.ScalarAsync<string>("SELECT string_agg(enumlabel::text, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'enum_alert_status'::regtype"));
        Assert.True(status.Exit == ExitCodes.Success, status.Output + status.Error);
        Assert.Contains("4 applied, 0 pending, 0 failed.", status.Output, StringComparison.Ordinal);
        Assert.True(verify.Exit == ExitCodes.Success, verify.Output + verify.Error);
        Assert.Contains("History: sql-migrate table gorp_migrations; 4 applied, 0 pending", verify.Output, StringComparison.Ordinal);
    }
}
