using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class LayoutDetectionTests
{
    [Fact]
    public void PrismaFolders_AreDetectedAsPrisma()
    {
        var set = new MigrationFolder()
            .With("20240101120000_init/migration.sql")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Prisma, set.Layout);
    }

    [Fact]
    public void PrismaLockFileAlone_MarksTheFolderAsPrisma()
    {
        var set = new MigrationFolder()
            .With(MigrationDiscovery.PrismaLockFile, "provider = \"postgresql\"\n")
            .With("20240101120000_init/migration.sql")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Prisma, set.Layout);
    }

    [Fact]
    public void UpAndDownFiles_AreDetectedAsGolangMigrate()
    {
        var set = new MigrationFolder()
            .With("1_init.up.sql")
            .With("1_init.down.sql")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.GolangMigrate, set.Layout);
    }

    [Fact]
    public void VersionedScripts_AreDetectedAsFlyway()
    {
        var set = new MigrationFolder()
            .With("V1__init.sql")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Flyway, set.Layout);
    }

    [Fact]
    public void FilesWithMigrateUpSection_AreDetectedAsDbmate()
    {
        var set = new MigrationFolder()
            .With("20240101120000_init.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Dbmate, set.Layout);
    }

    [Fact]
    public void NumberedFilesWithoutMigrateUpSection_AreDetectedAsPlain()
    {
        var set = new MigrationFolder()
            .With("20240101120000_init.sql")
            .With("schema.sql")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Plain, set.Layout);
    }

    [Fact]
    public void NonSqlFiles_AreNotMigrations()
    {
        var set = new MigrationFolder()
            .With("README.md", "notes")
            .With("1_init.sql")
            .DiscoverClean();

        Assert.Equal(["1_init.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void MixedLayouts_AreAmbiguous_AndNameEachLayoutWithAFile()
    {
        var result = new MigrationFolder()
            .With("1_init.up.sql")
            .With("V2__add_jobs.sql")
            .Discover();

        Assert.Null(result.Set);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AmbiguousLayout, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("golang-migrate ('1_init.up.sql')", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("flyway ('V2__add_jobs.sql')", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitLayout_WithNonMatchingFile_ReportsThatFile()
    {
        var result = new MigrationFolder()
            .With("1_init.up.sql")
            .With("seed_data.sql")
            .Discover(MigrationLayout.GolangMigrate);

        Assert.Null(result.Set);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnrecognisedMigrationFile, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("seed_data.sql", diagnostic.File);
        Assert.Contains("'seed_data.sql'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitLayout_OverridesDetection()
    {
        // This name would be detected as golang-migrate; the explicit layout says it is a plain file.
        // (A file with another tool's up/down markers is refused in the plain layout: PlainForeignMarkersTests.)
        var set = new MigrationFolder()
            .With("1_init.up.sql", "-- init\nSELECT 1;\n")
            .DiscoverClean(MigrationLayout.Plain);

        Assert.Equal(MigrationLayout.Plain, set.Layout);
        Assert.Equal("-- init\nSELECT 1;\n", Assert.Single(set.Migrations).Sql);
    }

    [Fact]
    public void EmptyFolder_WarnsNoMigrations_AndGivesAnEmptySet()
    {
        var result = new MigrationFolder().Discover();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.NoMigrations, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.NotNull(result.Set);
        Assert.Empty(result.Set.Migrations);
    }

    [Fact]
    public void EveryMigration_CarriesTheChecksumOfItsWholeFile()
    {
        const string text = "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n";
        var set = new MigrationFolder()
            .With("1_a.sql", text)
            .DiscoverClean();

        Assert.Equal(MigrationChecksum.Compute(text), Assert.Single(set.Migrations).Checksum);
    }
}
