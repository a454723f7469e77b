using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.MySql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Tests.Migration;

/// <summary>
/// Both ways with the real tools on MySQL or MariaDB: SchemaTasks migrates and the tool finds
/// nothing to do; the tool migrates and SchemaTasks finds the database healthy and nothing to apply.
/// </summary>
public sealed class MySqlPeerToolRoundTripTests
{
    private static SqlDialect Dialect => MySqlTestDatabase.ServerDialect;

    [MySqlPeerToolFact]
    public async Task Dbmate_SeesNothingPending_AfterSchemaTasksMigrates_AndSchemaTasksSeesItsMigrationsApplied()
    {
        var files = ToolHistoryCases.Files(MigrationHistoryKind.Dbmate, Dialect);
        using var folder = PeerTools.WriteFolder(files);
        await using var ours = await MySqlTestDatabase.CreateAsync();
        await MySqlMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Dbmate, Dialect, files), ours.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Dbmate });
        var status = await PeerTools.DbmateAsync("--url", Url(ours), "--migrations-dir", folder.Path, "--no-dump-schema", "status", "--exit-code");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("Applied: 2", status.Output, StringComparison.Ordinal);
        Assert.Contains("Pending: 0", status.Output, StringComparison.Ordinal);

        await using var theirs = await MySqlTestDatabase.CreateAsync();
        var up = await PeerTools.DbmateAsync("--url", Url(theirs), "--migrations-dir", folder.Path, "--no-dump-schema", "up");
        Assert.True(up.ExitCode == 0, up.Output);
        await AssertHealthyAndNothingToApplyAsync(theirs, MigrationHistoryKind.Dbmate, files);
    }

    [MySqlPeerToolFact]
    public async Task Drizzle_AppliesNothing_AfterSchemaTasksMigrates_AndBothWriteTheSameRows()
    {
        var files = ToolHistoryCases.Files(MigrationHistoryKind.Drizzle, Dialect);
        using var folder = PeerTools.WriteFolder(files);
        await using var ours = await MySqlTestDatabase.CreateAsync();
        await MySqlMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Drizzle, Dialect, files), ours.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Drizzle });
        var before = await PeerTools.DrizzleAsync("mysql", "rows", Url(ours));

        // drizzle would fail on CREATE TABLE a if it ran anything again.
        var migrate = await PeerTools.DrizzleAsync("mysql", Url(ours), folder.Path);
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.Equal(before.Output.Trim(), migrate.Output.Trim());

        await using var theirs = await MySqlTestDatabase.CreateAsync();
        var theirMigrate = await PeerTools.DrizzleAsync("mysql", Url(theirs), folder.Path);
        Assert.True(theirMigrate.ExitCode == 0, theirMigrate.Output);
        Assert.Equal(before.Output.Trim(), theirMigrate.Output.Trim());
        await AssertHealthyAndNothingToApplyAsync(theirs, MigrationHistoryKind.Drizzle, files);
    }

    private static async Task AssertHealthyAndNothingToApplyAsync(MySqlTestDatabase db, MigrationHistoryKind kind, IReadOnlyList<Migrations.MigrationSourceFile> files)
    {
        var report = await MySqlSchemaCheck.VerifyAsync(ToolHistoryCases.Schema(kind, Dialect, files), db.ConnectionString);
        Assert.True(report.IsHealthy, report.ToText());
        Assert.Equal(kind, report.Status.History.Kind);
        Assert.All(report.Status.Migrations, m => Assert.Equal(MigrationState.Applied, m.State));

        var migrate = await MySqlMigrator.MigrateAsync(ToolHistoryCases.Load(kind, Dialect, files), db.ConnectionString, new MigrateOptions { History = kind });
        Assert.Empty(migrate.Applied);
        Assert.Equal(2, migrate.AlreadyApplied);
    }

    private static string Url(MySqlTestDatabase db)
    {
        var builder = new MySqlConnectionStringBuilder(db.ConnectionString);
        return $"mysql://{Uri.EscapeDataString(builder.UserID)}:{Uri.EscapeDataString(builder.Password)}@{builder.Server}:{builder.Port}/{builder.Database}";
    }
}
