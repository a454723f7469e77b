using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class GolangMigrateLayoutTests
{
    [Fact]
    public void GolangMigrate_IgnoresDownFiles()
    {
        var set = new MigrationFolder()
            .With("1_init.up.sql", "CREATE TABLE jobs (id int);\n")
            .With("1_init.down.sql", "DROP TABLE jobs;\n")
            .With("2_status.up.sql", "ALTER TABLE jobs ADD status text;\n")
            .With("2_status.down.sql", "ALTER TABLE jobs DROP status;\n")
            .DiscoverClean();

        Assert.Equal(["1_init.up.sql", "2_status.up.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void GolangMigrate_IdIsTheNumericVersion_NameIsTheRest()
    {
        // golang-migrate keeps the version as a number in schema_migrations(version bigint),
        // so a zero-padded file name is recorded without its padding.
        var set = new MigrationFolder()
            .With("000042_add_cancelled_status.up.sql")
            .DiscoverClean();

        var migration = Assert.Single(set.Migrations);
        Assert.Equal("42", migration.Id);
        Assert.Equal("000042", migration.Version);
        Assert.Equal("add_cancelled_status", migration.Name);
    }

    [Fact]
    public void GolangMigrate_OrdersVersionsNumerically()
    {
        var set = new MigrationFolder()
            .With("10_c.up.sql")
            .With("2_b.up.sql")
            .With("1_a.up.sql")
            .DiscoverClean();

        Assert.Equal(["a", "b", "c"], set.Migrations.Select(m => m.Name));
    }

    [Fact]
    public void GolangMigrate_SameVersionWithDifferentPadding_IsADuplicateNamingBothFiles()
    {
        var result = new MigrationFolder()
            .With("1_a.up.sql")
            .With("001_b.up.sql")
            .Discover();

        Assert.Null(result.Set);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateVersion, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'1_a.up.sql'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'001_b.up.sql'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GolangMigrate_FilesInSubfolders_AreSkippedWithAMessageAsGolangMigrateReadsOnlyTheFolder()
    {
        var result = new MigrationFolder()
            .With("1_a.up.sql")
            .With("seeds/2_b.up.sql")
            .Discover();

        Assert.NotNull(result.Set);
        Assert.Equal("1", Assert.Single(result.Set.Migrations).Id);
        var skipped = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotRead, skipped.Code);
        Assert.Equal(DiagnosticSeverity.Info, skipped.Severity);
        Assert.Equal("seeds/2_b.up.sql", skipped.File);
    }
}
