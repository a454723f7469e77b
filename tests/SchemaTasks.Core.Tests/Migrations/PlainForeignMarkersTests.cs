using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// A plain file holding another tool's up/down markers is refused (ST1035) at its down marker:
/// the plain layout would run the down section after the up section and undo it.
/// </summary>
public class PlainForeignMarkersTests
{
    [Theory]
    [InlineData("-- +migrate Up\nCREATE TABLE users (id bigint);\n\n-- +migrate Down\nDROP TABLE users;\n", "sql-migrate", 4)]
    [InlineData("# --- !Ups\nCREATE TABLE users (id int);\n\n# --- !Downs\nDROP TABLE users;\n", "Play evolutions", 4)]
    [InlineData("-- +goose Up\nCREATE TABLE users (id int);\n-- +goose Down\nDROP TABLE users;\n", "goose", 3)]
    [InlineData("-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n", "dbmate", 3)]
    public void DownSectionInAPlainFile_IsRefused_AtTheDownMarker_NamingTheTool(string text, string tool, int line)
    {
        var result = new MigrationFolder().With("sub/20240101000000-init.sql", text).Discover(MigrationLayout.Plain);

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.ForeignSectionMarkers, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("sub/20240101000000-init.sql", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains($"a {tool} migration", error.Message, StringComparison.Ordinal);
        Assert.Contains(tool is "Play evolutions" ? $"no layout for {tool} yet" : $"Set SchemaMigrationsLayout to {tool}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndetectedFolder_WithSqlMigrateFiles_IsReadAsSqlMigrate_NotWhole()
    {
        // sql-migrate's own names ('<timestamp>-<name>.sql') follow no other layout's rule; its commands claim the folder.
        var set = new MigrationFolder()
            .With("20240101000000-init.sql", "-- +migrate Up\nCREATE TABLE users (id bigint);\n-- +migrate Down\nDROP TABLE users;\n")
            .DiscoverClean();

        Assert.Equal(MigrationLayout.SqlMigrate, set.Layout);
        Assert.DoesNotContain("DROP TABLE", Assert.Single(set.Migrations).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void UpMarkerWithoutDown_IsReportedAtTheUpMarker_IndentedAsWritten()
    {
        var result = new MigrationFolder().With("1.sql", "CREATE TABLE a (id int);\n  -- +migrate Up notransaction\nCREATE TABLE b (id int);\n").Discover(MigrationLayout.Plain);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("'-- +migrate Up notransaction'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-- migrate the users table\nCREATE TABLE users (id int);\n")]
    [InlineData("-- +migrate\nCREATE TABLE users (id int);\n")]
    [InlineData("-- see !Ups in the docs\nCREATE TABLE users (id int);\n")]
    [InlineData("CREATE TABLE ups (id int); -- migrate:up later\n")]
    public void CommentsThatAreNoMarkers_AreRead(string text)
    {
        var set = new MigrationFolder().With("1.sql", text).DiscoverClean(MigrationLayout.Plain);

        Assert.Single(set.Migrations);
    }
}
