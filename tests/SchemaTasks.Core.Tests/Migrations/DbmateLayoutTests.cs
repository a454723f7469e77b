using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class DbmateLayoutTests
{
    private const string MigrationText =
        "-- created by dbmate\n" +                       // line 1
        "\n" +                                            // line 2
        "-- migrate:up\n" +                               // line 3
        "CREATE TABLE jobs (id int);\n" +                 // line 4
        "ALTER TABLE jobs ADD status text;\n" +           // line 5
        "\n" +                                            // line 6
        "-- migrate:down\n" +                             // line 7
        "DROP TABLE jobs;\n";                             // line 8

    [Fact]
    public void Dbmate_SqlHoldsOnlyTheUpSection()
    {
        var migration = Assert.Single(new MigrationFolder().With("20240101120000_create_jobs.sql", MigrationText).DiscoverClean().Migrations);

        Assert.Equal("\nCREATE TABLE jobs (id int);\nALTER TABLE jobs ADD status text;\n\n", migration.Sql);
        Assert.DoesNotContain("DROP TABLE", migration.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Dbmate_SqlStartLine_MapsSqlLinesBackToFileLines()
    {
        var migration = Assert.Single(new MigrationFolder().With("20240101120000_create_jobs.sql", MigrationText).DiscoverClean().Migrations);

        // Sql starts right after the marker, on the marker's own line.
        Assert.Equal(3, migration.SqlStartLine);
        var sqlLines = migration.Sql.Split('\n');
        var alterLineInSql = Array.FindIndex(sqlLines, l => l.StartsWith("ALTER", StringComparison.Ordinal)) + 1;
        Assert.Equal(5, migration.SqlStartLine + alterLineInSql - 1);
    }

    [Fact]
    public void Dbmate_WithAnEmptyDownSection_TakesTheUpSection()
    {
        // dbmate refuses a file without a down marker (DbmateRefusalTests); an empty down section is enough.
        var migration = Assert.Single(new MigrationFolder()
            .With("1_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n")
            .DiscoverClean().Migrations);

        Assert.Equal("\nSELECT 1;\n", migration.Sql);
        Assert.Equal(1, migration.SqlStartLine);
    }

    [Fact]
    public void Dbmate_IdIsTheVersion_NameIsTheRest()
    {
        var migration = Assert.Single(new MigrationFolder().With("20240101120000_create_jobs.sql", MigrationText).DiscoverClean().Migrations);

        Assert.Equal("20240101120000", migration.Id);
        Assert.Equal("20240101120000", migration.Version);
        Assert.Equal("create_jobs", migration.Name);
    }

    [Fact]
    public void Dbmate_ChecksumCoversTheWholeFile()
    {
        var migration = Assert.Single(new MigrationFolder().With("20240101120000_create_jobs.sql", MigrationText).DiscoverClean().Migrations);

        Assert.Equal(MigrationChecksum.Compute(MigrationText), migration.Checksum);
    }

    [Fact]
    public void Dbmate_OrdersFilesByNameByteByByte_AsDbmateSortsThem()
    {
        var set = new MigrationFolder()
            .With("2_b.sql", MigrationText)
            .With("10_c.sql", MigrationText)
            .With("1_a.sql", MigrationText)
            .DiscoverClean();

        Assert.Equal(["10", "1", "2"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Dbmate_VersionsDifferingInLeadingZeros_AreDifferentVersions()
    {
        var set = new MigrationFolder()
            .With("1_a.sql", MigrationText)
            .With("001_b.sql", MigrationText)
            .DiscoverClean();

        Assert.Equal(["001", "1"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Dbmate_SameVersionTwice_IsADuplicate()
    {
        var result = new MigrationFolder()
            .With("20240101120000_a.sql", MigrationText)
            .With("20240101120000_b.sql", MigrationText)
            .Discover();

        Assert.Null(result.Set);
        Assert.Equal(DiagnosticCodes.DuplicateVersion, Assert.Single(result.Diagnostics).Code);
    }

    // dbmate reads a version of digits at the start of the name, whatever follows it.
    [Fact]
    public void Dbmate_NameWithADashAfterTheVersion_IsAMigration()
    {
        var set = new MigrationFolder()
            .With("00000000000001-initial-schema.sql", MigrationText)
            .With("00000000000002_auth_schema.sql", MigrationText.Replace("jobs", "runs", StringComparison.Ordinal))
            .DiscoverClean(MigrationLayout.Dbmate);

        Assert.Equal(["00000000000001", "00000000000002"], set.Migrations.Select(m => m.Id));
        Assert.Equal(["initial-schema", "auth_schema"], set.Migrations.Select(m => m.Name));
    }

    [Fact]
    public void Dbmate_FileWhoseNameDoesNotStartWithDigits_IsStillUnrecognised()
    {
        var result = new MigrationFolder()
            .With("20240101120000_create_jobs.sql", MigrationText)
            .With("create_runs.sql", MigrationText)
            .Discover(MigrationLayout.Dbmate);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnrecognisedMigrationFile, diagnostic.Code);
        Assert.Equal("create_runs.sql", diagnostic.File);
    }
}
