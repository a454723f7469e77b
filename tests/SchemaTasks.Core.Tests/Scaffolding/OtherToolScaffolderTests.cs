using SchemaTasks.Migrations;
using SchemaTasks.Scaffolding;

namespace SchemaTasks.Core.Tests.Scaffolding;

public sealed class OtherToolScaffolderTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 14, 5, 9, DateTimeKind.Utc);

    [Fact]
    public void Goose_GetsTheNextPaddedVersion_WithBothSections_AndReadsBackAsGoose()
    {
        var set = Read(MigrationLayout.Goose, ("00001_init.sql", "-- +goose Up\nSELECT 1;\n"), ("00002_more.go", "package m\n/* schematasks:equivalent */\n"));

        var file = Assert.Single(MigrationScaffolder.Create(set, "add y", "ALTER TYPE x ADD VALUE 'y';\n", Now));

        Assert.Equal("00003_add_y.sql", file.RelativePath);
        var again = MigrationDiscovery.Discover([new("00001_init.sql", "-- +goose Up\nSELECT 1;\n"), new(file.RelativePath, file.Text)]);
        Assert.Equal(MigrationLayout.Goose, again.Set!.Layout);
        Assert.Contains("ALTER TYPE x ADD VALUE 'y';", again.Set.Migrations[^1].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlMigrate_GetsTheNextTimestamp_DashedAsSqlMigrateNew_WithBothSections_AndReadsBackAsSqlMigrate()
    {
        var set = Read(MigrationLayout.SqlMigrate, ("20240101000000-init.sql", "-- +migrate Up\nSELECT 1;\n"));

        var file = Assert.Single(MigrationScaffolder.Create(set, "add y", "ALTER TYPE x ADD VALUE 'y';\n", Now));

        Assert.Equal("20261123140509-add_y.sql", file.RelativePath);
        var again = MigrationDiscovery.Discover([new("20240101000000-init.sql", "-- +migrate Up\nSELECT 1;\n"), new(file.RelativePath, file.Text)]);
        Assert.Empty(again.Diagnostics);
        Assert.Equal(MigrationLayout.SqlMigrate, again.Set!.Layout);
        Assert.Contains("ALTER TYPE x ADD VALUE 'y';", again.Set.Migrations[^1].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlx_FollowsTheFolder_PairOrSimpleFile()
    {
        var pairs = Read(MigrationLayout.Sqlx, ("20240101000000_init.up.sql", "SELECT 1;\n"), ("20240101000000_init.down.sql", "SELECT 1;\n"));
        var simple = Read(MigrationLayout.Sqlx, ("0001_init.sql", "SELECT 1;\n"));

        Assert.Equal(["20261123140509_fix.up.sql", "20261123140509_fix.down.sql"], MigrationScaffolder.Create(pairs, "fix", "SELECT 2;\n", Now).Select(f => f.RelativePath));
        Assert.Equal("0002_fix.sql", Assert.Single(MigrationScaffolder.Create(simple, "fix", "SELECT 2;\n", Now)).RelativePath);
    }

    [Fact]
    public void Drizzle_JournalFolder_NeedsDrizzleKit_FolderFormGetsTheNextFolder()
    {
        var journal = Read(null, ("meta/_journal.json", "{\"entries\":[{\"idx\":0,\"when\":1,\"tag\":\"0000_a\"}]}"), ("0000_a.sql", "SELECT 1;"));
        var folders = Read(null, ("20250101000000_first/migration.sql", "SELECT 1;"), ("20250101000000_first/snapshot.json", "{}"));

        Assert.False(MigrationScaffolder.ScaffoldsWithoutTool(journal));
        Assert.True(MigrationScaffolder.ScaffoldsWithoutTool(folders));
        Assert.Equal("20261123140509_fix/migration.sql", Assert.Single(MigrationScaffolder.Create(folders, "fix", "SELECT 2;\n", Now)).RelativePath);
    }

    [Fact]
    public void Pop_GetsTheNextVersionPair_WithTheLastFilesDialectPart_AndReadsBackAsPop()
    {
        var files = new List<MigrationSourceFile> { new("20150100000001000000_networks.postgres.up.sql", "SELECT 1;\n"), new("20150100000001000000_networks.mysql.up.sql", "SELECT 1;\n") };
        var set = MigrationDiscovery.Discover(files, null, MigrationSettingNames.MsBuild, SqlDialect.Postgres).Set!;

        var created = MigrationScaffolder.Create(set, "add y", "ALTER TYPE x ADD VALUE 'y';\n", Now);

        Assert.Equal(["20150100000001000001_add_y.postgres.up.sql", "20150100000001000001_add_y.postgres.down.sql"], created.Select(f => f.RelativePath));
        var again = MigrationDiscovery.Discover([.. files, .. created.Select(f => new MigrationSourceFile(f.RelativePath, f.Text))], null, MigrationSettingNames.MsBuild, SqlDialect.Postgres);
        Assert.Equal(MigrationLayout.Pop, again.Set!.Layout);
        Assert.Equal("20150100000001000001", again.Set.Migrations[^1].Id);
    }

    [Fact]
    public void Diesel_GetsTheNextFolder_WrittenAsTheLastOne_AndReadsBackAsDiesel()
    {
        var dashed = Read(null, ("2019-02-26-002946_init/up.sql", "SELECT 1;\n"), ("2019-02-26-002946_init/down.sql", "SELECT 1;\n"));
        var plain = Read(null, ("20190226002946_init/up.sql", "SELECT 1;\n"));

        var files = MigrationScaffolder.Create(dashed, "fix", "SELECT 2;\n", Now);
        Assert.Equal(["2026-11-23-140509_fix/up.sql", "2026-11-23-140509_fix/down.sql"], files.Select(f => f.RelativePath));
        Assert.Equal("20261123140509_fix/up.sql", MigrationScaffolder.Create(plain, "fix", "SELECT 2;\n", Now)[0].RelativePath);
        var again = MigrationDiscovery.Discover([new("2019-02-26-002946_init/up.sql", "SELECT 1;\n"), .. files.Select(f => new MigrationSourceFile(f.RelativePath, f.Text))]);
        Assert.Equal(MigrationLayout.Diesel, again.Set!.Layout);
        Assert.Equal("20261123140509", again.Set.Migrations[^1].Id);
    }

    [Fact]
    public void Atlas_GetsATimestampedFile_ThatAtlasSumDoesNotListYet()
    {
        var hash = AtlasDirectory.Hashes([("20240101000000_init.sql", "SELECT 1;\n")])[0];
        var total = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("20240101000000_init.sql" + hash)));
        var sum = $"h1:{total}\n20240101000000_init.sql h1:{hash}\n";
        var set = Read(null, ("20240101000000_init.sql", "SELECT 1;\n"), ("atlas.sum", sum));

        var file = Assert.Single(MigrationScaffolder.Create(set, "fix", "SELECT 2;\n", Now));

        Assert.Equal("20261123140509_fix.sql", file.RelativePath);
        // Until `atlas migrate hash` runs, Atlas (and the build) refuse the new file.
        var again = MigrationDiscovery.Discover([new("20240101000000_init.sql", "SELECT 1;\n"), new("atlas.sum", sum), new(file.RelativePath, file.Text)]);
        Assert.Equal(SchemaTasks.Diagnostics.DiagnosticCodes.AtlasSumMismatch, Assert.Single(again.Diagnostics).Code);
    }

    [Fact]
    public void Liquibase_GetsANewChangelogBesideTheLast_ThatReadsBackAsOneChangeset()
    {
        const string First = "--liquibase formatted sql\n--changeset alice:1\nCREATE TYPE x AS ENUM ('a');\n";
        var set = Read(null, ("changes/001_init.sql", First));

        var file = Assert.Single(MigrationScaffolder.Create(set, "add y", "ALTER TYPE x ADD VALUE 'y';\n", Now));

        Assert.Equal("changes/002_add_y.sql", file.RelativePath);
        var again = MigrationDiscovery.Discover([new("changes/001_init.sql", First), new(file.RelativePath, file.Text)]);
        Assert.Empty(again.Diagnostics);
        Assert.Equal("changes/002_add_y.sql::002-add_y::schematasks", again.Set!.Migrations[^1].Id);
        Assert.Contains("ALTER TYPE x ADD VALUE 'y';", again.Set.Migrations[^1].Sql, StringComparison.Ordinal);
    }

    private static MigrationSet Read(MigrationLayout? layout, params (string Path, string Text)[] files) =>
        MigrationDiscovery.Discover(files.Select(f => new MigrationSourceFile(f.Path, f.Text)).ToList(), layout).Set!;
}
