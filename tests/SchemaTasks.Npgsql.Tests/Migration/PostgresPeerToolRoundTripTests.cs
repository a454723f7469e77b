using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrator;
using SchemaTasks.Npgsql.Migrator;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Migration;

/// <summary>
/// Both ways with the real tools on PostgreSQL: SchemaTasks migrates and the tool finds nothing
/// to do; the tool migrates and SchemaTasks finds the database healthy and nothing to apply.
/// </summary>
public sealed class PostgresPeerToolRoundTripTests
{
    [PostgresPeerToolFact]
    public async Task Dbmate_SeesNothingPending_AfterSchemaTasksMigrates_AndSchemaTasksSeesItsMigrationsApplied()
    {
        var files = ToolHistoryCases.Files(MigrationHistoryKind.Dbmate, SqlDialect.Postgres);
        using var folder = PeerTools.WriteFolder(files);
        await using var ours = await PostgresTestDatabase.CreateAsync();
        await PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Dbmate, SqlDialect.Postgres, files), ours.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Dbmate });
        var status = await PeerTools.DbmateAsync("--url", Url(ours), "--migrations-dir", folder.Path, "--no-dump-schema", "status", "--exit-code");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("Applied: 2", status.Output, StringComparison.Ordinal);
        Assert.Contains("Pending: 0", status.Output, StringComparison.Ordinal);

        await using var theirs = await PostgresTestDatabase.CreateAsync();
        var up = await PeerTools.DbmateAsync("--url", Url(theirs), "--migrations-dir", folder.Path, "--no-dump-schema", "up");
        Assert.True(up.ExitCode == 0, up.Output);
        await AssertHealthyAndNothingToApplyAsync(theirs, MigrationHistoryKind.Dbmate, files);
    }

    [PostgresPeerToolFact]
    public async Task Drizzle_AppliesNothing_AfterSchemaTasksMigrates_BothWriteTheSameRows_AndOnlySchemaTasksSeesAnEdit()
    {
        var files = ToolHistoryCases.Files(MigrationHistoryKind.Drizzle, SqlDialect.Postgres);
        using var folder = PeerTools.WriteFolder(files);
        await using var ours = await PostgresTestDatabase.CreateAsync();
        await PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Drizzle, SqlDialect.Postgres, files), ours.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Drizzle });
        var before = await PeerTools.DrizzleAsync("postgres", "rows", Url(ours));

        // drizzle would fail on CREATE TABLE a if it ran anything again.
        var migrate = await PeerTools.DrizzleAsync("postgres", Url(ours), folder.Path);
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.Equal(before.Output.Trim(), migrate.Output.Trim());

        await using var theirs = await PostgresTestDatabase.CreateAsync();
        var theirMigrate = await PeerTools.DrizzleAsync("postgres", Url(theirs), folder.Path);
        Assert.True(theirMigrate.ExitCode == 0, theirMigrate.Output);
        Assert.Equal(before.Output.Trim(), theirMigrate.Output.Trim());
        await AssertHealthyAndNothingToApplyAsync(theirs, MigrationHistoryKind.Drizzle, files);

        // drizzle never compares hashes, so it passes an edited file; SchemaTasks names it.
        var edited = ToolHistoryCases.Files(MigrationHistoryKind.Drizzle, SqlDialect.Postgres, first: "CREATE TABLE a (id bigint PRIMARY KEY);");
        using var editedFolder = PeerTools.WriteFolder(edited);
        var again = await PeerTools.DrizzleAsync("postgres", Url(theirs), editedFolder.Path);
        Assert.True(again.ExitCode == 0, again.Output);

        var refused = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Drizzle, SqlDialect.Postgres, edited), theirs.ConnectionString, new MigrateOptions { History = MigrationHistoryKind.Drizzle }));
        Assert.Equal(DiagnosticCodes.EditedMigration, refused.Code);
    }

    [PostgresPeerToolFact]
    public async Task Prisma_AgreesBothWays_OnApplied_Edited_AndFailedMigrations()
    {
        var files = ToolHistoryCases.Files(MigrationHistoryKind.Prisma, SqlDialect.Postgres);
        using var folder = PeerTools.WriteFolder(files);
        var edited = ToolHistoryCases.Files(MigrationHistoryKind.Prisma, SqlDialect.Postgres, first: "CREATE TABLE a (id bigint PRIMARY KEY);");
        using var editedFolder = PeerTools.WriteFolder(edited);
        var failing = ToolHistoryCases.Files(MigrationHistoryKind.Prisma, SqlDialect.Postgres, ToolHistoryCases.FailingSecondSql);
        using var failingFolder = PeerTools.WriteFolder(failing);
        var options = new MigrateOptions { History = MigrationHistoryKind.Prisma };
        // SchemaTasks migrates: Prisma's status finds nothing pending, and deploy applies nothing.
        await using var ours = await PostgresTestDatabase.CreateAsync();
        await PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Prisma, SqlDialect.Postgres, files), ours.ConnectionString, options);
        var status = Json(await PeerTools.PrismaAsync("status", Url(ours), folder.Path));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("history").ValueKind);
        Assert.Empty(status.GetProperty("editedMigrationNames").EnumerateArray());
        Assert.Empty(status.GetProperty("failedMigrationNames").EnumerateArray());
        Assert.Empty(Json(await PeerTools.PrismaAsync("deploy", Url(ours), folder.Path)).GetProperty("appliedMigrationNames").EnumerateArray());

        // Both see the same edit.
        var editedStatus = Json(await PeerTools.PrismaAsync("status", Url(ours), editedFolder.Path));
        Assert.Equal(["20240101000000_m1"], editedStatus.GetProperty("editedMigrationNames").EnumerateArray().Select(e => e.GetString()));
        var refused = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Prisma, SqlDialect.Postgres, edited), ours.ConnectionString, options));
        Assert.Equal(DiagnosticCodes.EditedMigration, refused.Code);

        // Prisma migrates: SchemaTasks finds the database healthy and nothing to apply.
        await using var theirs = await PostgresTestDatabase.CreateAsync();
        var deployed = Json(await PeerTools.PrismaAsync("deploy", Url(theirs), folder.Path));
        Assert.Equal(["20240101000000_m1", "20240102000000_m2"], deployed.GetProperty("appliedMigrationNames").EnumerateArray().Select(e => e.GetString()));
        await AssertHealthyAndNothingToApplyAsync(theirs, MigrationHistoryKind.Prisma, files);

        // A failure SchemaTasks records is one Prisma refuses to pass (P3009), and the other way round.
        await using var failedByUs = await PostgresTestDatabase.CreateAsync();
        await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Prisma, SqlDialect.Postgres, failing), failedByUs.ConnectionString, options));
        Assert.Equal(["20240102000000_m2"], Json(await PeerTools.PrismaAsync("status", Url(failedByUs), failingFolder.Path)).GetProperty("failedMigrationNames").EnumerateArray().Select(e => e.GetString()));
        var blocked = await PeerTools.PrismaAsync("deploy", Url(failedByUs), failingFolder.Path);
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("P3009", blocked.Output, StringComparison.Ordinal);

        await using var failedByPrisma = await PostgresTestDatabase.CreateAsync();
        Assert.NotEqual(0, (await PeerTools.PrismaAsync("deploy", Url(failedByPrisma), failingFolder.Path)).ExitCode);
        var ours2 = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(MigrationHistoryKind.Prisma, SqlDialect.Postgres, failing), failedByPrisma.ConnectionString, options));
        Assert.Equal(DiagnosticCodes.FailedMigration, ours2.Code);
        Assert.Contains("20240102000000_m2", ours2.Message, StringComparison.Ordinal);
    }

    private static System.Text.Json.JsonElement Json((int ExitCode, string Output) run)
    {
        Assert.True(run.ExitCode == 0, run.Output);
        return System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
    }

    private static async Task AssertHealthyAndNothingToApplyAsync(PostgresTestDatabase db, MigrationHistoryKind kind, IReadOnlyList<Migrations.MigrationSourceFile> files)
    {
        var report = await PostgresSchemaCheck.VerifyAsync(ToolHistoryCases.Schema(kind, SqlDialect.Postgres, files), db.ConnectionString);
        Assert.True(report.IsHealthy, report.ToText());
        Assert.Equal(kind, report.Status.History.Kind);
        Assert.All(report.Status.Migrations, m => Assert.Equal(MigrationState.Applied, m.State));

        var migrate = await PostgresMigrator.MigrateAsync(ToolHistoryCases.Load(kind, SqlDialect.Postgres, files), db.ConnectionString, new MigrateOptions { History = kind });
        Assert.Empty(migrate.Applied);
        Assert.Equal(2, migrate.AlreadyApplied);
    }

    private static string Url(PostgresTestDatabase db)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        return $"postgres://{Uri.EscapeDataString(builder.Username!)}:{Uri.EscapeDataString(builder.Password ?? string.Empty)}@{builder.Host}:{builder.Port}/{builder.Database}?sslmode=disable";
    }
}
