using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class FlywayLayoutTests
{
    [Fact]
    public void Flyway_IgnoresRepeatableAndUndoScripts()
    {
        var set = new MigrationFolder()
            .With("V1__init.sql")
            .With("U1__init.sql")
            .With("R__refresh_views.sql")
            .With("V2__add_jobs.sql")
            .DiscoverClean();

        Assert.Equal(["V1__init.sql", "V2__add_jobs.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void Flyway_BaselineMigration_WhoseVersionsTheFolderHolds_IsSkippedWithANote()
    {
        var result = new MigrationFolder()
            .With("B1_20_0__baseline.sql")
            .With("V1_0_1__init.sql")
            .With("V1_20_0__add_jobs.sql")
            .With("V1_21_0__add_status.sql")
            .Discover();

        Assert.Equal(["1.0.1", "1.20.0", "1.21.0"], result.Set!.Migrations.Select(m => m.Id));
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.FileNotRead, DiagnosticSeverity.Info, "B1_20_0__baseline.sql"), (note.Code, note.Severity, note.File));
    }

    [Fact]
    public void Flyway_NewestBaseline_StartsTheHistory_WhenNoVersionedMigrationUpToItIsLeft()
    {
        // As Flyway on an empty database: the newest baseline, then the versioned migrations above it.
        var result = new MigrationFolder()
            .With("B1_10_0__old_baseline.sql")
            .With("B1_20_0__baseline.sql")
            .With("V1_20_1__add_lock.sql")
            .With("V1_21_0__add_status.sql")
            .Discover();

        Assert.Equal(["B1_20_0__baseline.sql", "V1_20_1__add_lock.sql", "V1_21_0__add_status.sql"], result.Set!.Migrations.Select(m => m.RelativePath));
        Assert.Equal("1.20.0", result.Set.Migrations[0].Id);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains(result.Diagnostics, d => d.File == "B1_10_0__old_baseline.sql");
    }

    [Fact]
    public void Flyway_UnderscoreInVersion_IsADot_AndIdIsTheVersion()
    {
        var set = new MigrationFolder()
            .With("V1_1__add_status.sql")
            .DiscoverClean();

        var migration = Assert.Single(set.Migrations);
        Assert.Equal("1.1", migration.Version);
        Assert.Equal("1.1", migration.Id);
        Assert.Equal("add_status", migration.Name);
    }

    [Fact]
    public void Flyway_OrdersVersionsNaturally()
    {
        var set = new MigrationFolder()
            .With("V10__j.sql")
            .With("V1.10__c.sql")
            .With("V2__d.sql")
            .With("V1.9__b.sql")
            .With("V1__a.sql")
            .DiscoverClean();

        Assert.Equal(["1", "1.9", "1.10", "2", "10"], set.Migrations.Select(m => m.Version));
    }

    [Fact]
    public void Flyway_SameVersionWrittenTwoWays_IsADuplicate()
    {
        var result = new MigrationFolder()
            .With("V1.1__a.sql")
            .With("V1_1__b.sql")
            .Discover();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateVersion, diagnostic.Code);
        Assert.Contains("'V1.1__a.sql'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'V1_1__b.sql'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flyway_TrailingZeroPart_IsTheSameVersion()
    {
        var result = new MigrationFolder()
            .With("V1__a.sql")
            .With("V1.0__b.sql")
            .Discover();

        Assert.Equal(DiagnosticCodes.DuplicateVersion, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Flyway_ReadsSubfolders()
    {
        var set = new MigrationFolder()
            .With("V1__a.sql")
            .With("2025/V2__b.sql")
            .DiscoverClean();

        Assert.Equal(["1", "2"], set.Migrations.Select(m => m.Id));
    }
}
