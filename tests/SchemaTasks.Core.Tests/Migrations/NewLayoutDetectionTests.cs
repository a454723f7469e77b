using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>goose, dbmate, sqlx and golang-migrate share '<version>_<name>.sql' names: the content markers decide.</summary>
public class NewLayoutDetectionTests
{
    [Theory]
    [InlineData("goose", "dbmate", "1_a.sql", "-- +goose Up\nSELECT 1;\n", "2_b.sql", "-- migrate:up\nSELECT 1;\n")]
    [InlineData("golang-migrate", "goose", "1_a.up.sql", "SELECT 1;\n", "2_b.sql", "-- +goose Up\nSELECT 1;\n")]
    [InlineData("goose", "sqlx", "1_a.sql", "-- +goose Up\nSELECT 1;\n", "2_b.sql", "-- no-transaction\nSELECT 1;\n")]
    [InlineData("dbmate", "drizzle", "1_a.sql", "-- migrate:up\nSELECT 1;\n", "meta/_journal.json", "{\"entries\":[]}")]
    public void FilesOfTwoTools_AreST1003_NamingBoth(string first, string second, string path1, string text1, string path2, string text2)
    {
        var result = new MigrationFolder().With(path1, text1).With(path2, text2).Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AmbiguousLayout, error.Code);
        Assert.Contains($"{first} ('{path1}')", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{second} ('{path2}')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MigrationLayout.Goose, "1_a.sql", "-- +goose Up\nSELECT 1;\n")]
    [InlineData(MigrationLayout.Flyway, "V1__a.sql", "SELECT 1;\n")]
    [InlineData(MigrationLayout.Dbmate, "1_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n")]
    public void AtlasSumBesideAnotherToolsFiles_IsThatToolsFolder(MigrationLayout layout, string path, string text)
    {
        // Atlas keeps atlas.sum in folders it writes in another tool's format, which that tool
        // applies (a public goose project does so: Atlas plans, goose migrates).
        var result = new MigrationFolder().With(path, text).With("atlas.sum", "h1:x\n").Discover();

        Assert.Equal(layout, result.Set?.Layout);
    }

    [Fact]
    public void OneFileWithTwoToolsMarkers_IsAmbiguous()
    {
        var result = new MigrationFolder().With("1_a.sql", "-- +goose Up\n-- migrate:up\nSELECT 1;\n").Discover();

        Assert.Equal(DiagnosticCodes.AmbiguousLayout, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void GoFilesWithoutGoose_DoNotClaimTheFolder()
    {
        var set = new MigrationFolder().With("1_a.up.sql").With("1_helper.go", "package db\n").DiscoverClean();

        Assert.Equal(MigrationLayout.GolangMigrate, set.Layout);
    }

    [Theory]
    [InlineData("goose", MigrationLayout.Goose)]
    [InlineData("SQLX", MigrationLayout.Sqlx)]
    [InlineData("drizzle-kit", MigrationLayout.Drizzle)]
    [InlineData("drizzle", MigrationLayout.Drizzle)]
    public void LayoutNames_RoundTrip(string name, MigrationLayout layout)
    {
        Assert.True(MigrationLayoutNames.TryParse(name, out var parsed));
        Assert.Equal(layout, parsed);
        Assert.True(MigrationLayoutNames.TryParse(layout.ToName(), out var again));
        Assert.Equal(layout, again);
    }
}
