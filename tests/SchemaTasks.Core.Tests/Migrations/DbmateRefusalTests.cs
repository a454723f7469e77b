using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// Files dbmate 2.x refuses before running them (its parser, pkg/dbmate/migration.go; the real
/// dbmate is run on the same files in PostgresDbmateRefusalTests): reported as ST1029 at the line,
/// never read with the down SQL in the up.
/// </summary>
public class DbmateRefusalTests
{
    [Theory]
    [InlineData("-- migrate:up\nCREATE TABLE a (id int);\n    -- migrate:down\nDROP TABLE IF EXISTS a;\n", 3, "indented")]
    [InlineData("-- migrate:up\nCREATE TABLE a (id int);\n", 1, "no '-- migrate:down'")]
    [InlineData("-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:downs\nDROP TABLE a;\n", 1, "no '-- migrate:down'")]
    [InlineData("-- a comment\n\nSELECT 1;\n-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n", 3, "before '-- migrate:up'")]
    [InlineData("-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n-- migrate:down\n", 5, "second '-- migrate:down'")]
    [InlineData("-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n-- migrate:up\nCREATE TABLE b (id int);\n-- migrate:down\n", 5, "second '-- migrate:up'")]
    public void Dbmate_AFileDbmateRefuses_IsReportedAtItsLine(string text, int line, string why)
    {
        var result = new MigrationFolder().With("20200101000000_a.sql", text).Discover(MigrationLayout.Dbmate);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.DbmateRefusesFile, DiagnosticSeverity.Error, "20200101000000_a.sql", line), (error.Code, error.Severity, error.File, error.Line));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Set?.Migrations ?? [], m => m.Sql.Contains("DROP TABLE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-- header\n  -- indented comment\n\n-- migrate:up transaction:false\nCREATE TABLE a (id int);\n-- migrate:down\n", "\nCREATE TABLE a (id int);\n")]
    [InlineData("-- migrate:up\r\nCREATE TABLE a (id int);\r\n--migrate:down\r\nDROP TABLE a;\r\n", "\nCREATE TABLE a (id int);\r\n")]
    [InlineData("-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down", "\nCREATE TABLE a (id int);\n")]
    public void Dbmate_AFileDbmateRuns_IsReadAsBefore(string text, string up)
    {
        var migration = Assert.Single(new MigrationFolder().With("1_a.sql", text).DiscoverClean(MigrationLayout.Dbmate).Migrations);
        Assert.Equal(up, migration.Sql);
    }
}
