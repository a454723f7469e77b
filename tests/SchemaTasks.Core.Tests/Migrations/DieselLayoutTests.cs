using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>diesel: '<version>_<name>/up.sql' folders, as diesel_migrations reads them (lemmy's layout).</summary>
public class DieselLayoutTests
{
    [Fact]
    public void Diesel_IsDetectedFromItsFolderNames_AndDownFilesAreNotHistory()
    {
        var set = new MigrationFolder()
            .With("2019-02-26-002946_initial_schema/up.sql", "CREATE TABLE a (id int PRIMARY KEY, c int NOT NULL DEFAULT 5);\n")
            .With("2019-02-26-002946_initial_schema/down.sql", "DROP TABLE a;\n")
            .With("2019-03-01-000000_repair/up.sql", "ALTER TABLE a ADD COLUMN IF NOT EXISTS c int;\n")
            .With("2019-03-01-000000_repair/down.sql", "ALTER TABLE a DROP COLUMN IF EXISTS c;\n")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Diesel, set.Layout);
        Assert.Equal(["2019-02-26-002946_initial_schema/up.sql", "2019-03-01-000000_repair/up.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void Diesel_VersionIsTheFolderNameUpToTheFirstUnderscore_WithoutDashes_AsDieselRecordsIt()
    {
        var migration = Assert.Single(new MigrationFolder().With("2019-02-26-002946_initial_schema/up.sql").DiscoverClean().Migrations);

        Assert.Equal("20190226002946", migration.Id);
        Assert.Equal("20190226002946", migration.Version);
        Assert.Equal("initial_schema", migration.Name);
    }

    [Fact]
    public void Diesel_OrdersByVersionText_DashedAndPlainTimestampsAlike()
    {
        // diesel sorts pending migrations by the version text: the dashes are gone before it compares.
        var set = new MigrationFolder()
            .With("20200101000000_b/up.sql")
            .With("2019-12-31-235959_a/up.sql")
            .With("00000000000000_diesel_initial_setup/up.sql")
            .DiscoverClean();

        Assert.Equal(["00000000000000", "20191231235959", "20200101000000"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Diesel_Set_ReadsAnyFolderName_AsDieselDoes()
    {
        var set = new MigrationFolder().With("2_b/up.sql").With("1_a/up.sql").With("1_a/down.sql").DiscoverClean(MigrationLayout.Diesel);

        Assert.Equal(["1", "2"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Diesel_OtherFiles_AreNotMigrations_ST1010()
    {
        var result = new MigrationFolder()
            .With("2019-02-26-002946_init/up.sql")
            .With("2019-02-26-002946_init/seed.sql")
            .With("notes.sql")
            .With(".hidden/up.sql")
            .Discover();

        Assert.Equal(MigrationLayout.Diesel, result.Set?.Layout);
        Assert.Single(result.Set!.Migrations);
        Assert.Equal(
            [".hidden/up.sql", "2019-02-26-002946_init/seed.sql", "notes.sql"],
            result.Diagnostics.Select(d => (d.Code, d.File)).Where(d => d.Code == DiagnosticCodes.FileNotRead).Select(d => d.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Diesel_FolderWithDownButNoUp_IsST1005_AsDieselRefusesIt()
    {
        var result = new MigrationFolder().With("2019-02-26-002946_init/up.sql").With("2019-03-01-000000_x/down.sql").Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnrecognisedMigrationFile, error.Code);
        Assert.Equal("2019-03-01-000000_x/down.sql", error.File);
    }

    [Fact]
    public void Diesel_TwoFoldersWithOneVersion_AreST1004()
    {
        var result = new MigrationFolder().With("2019-02-26-002946_a/up.sql").With("20190226002946_b/up.sql").Discover();

        Assert.Equal(DiagnosticCodes.DuplicateVersion, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Diesel_BesidePrismaFolders_IsAmbiguous()
    {
        var result = new MigrationFolder().With("2019-02-26-002946_a/up.sql").With("20190226002946_b/migration.sql").Discover();

        Assert.Equal(DiagnosticCodes.AmbiguousLayout, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("diesel")]
    [InlineData("Diesel")]
    public void LayoutName_RoundTrips(string name)
    {
        Assert.True(MigrationLayoutNames.TryParse(name, out var layout));
        Assert.Equal(MigrationLayout.Diesel, layout);
        Assert.Equal("diesel", layout.ToName());
    }
}
