using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// ST1005 says how the layout was chosen, in the words of the front door that read the folder:
/// a folder of plain files with one '.up.sql' among them is detected as golang-migrate, and
/// every other file is then "wrong" for a reason the user never chose.
/// </summary>
public class UnrecognisedFileMessageTests
{
    private static readonly MigrationSourceFile[] PlainFilesWithOneUpFile =
    [
        new("201808152020_rename_idea_post.sql", "CREATE TABLE a (id int);\n"),
        new("201901010000_content.up.sql", "CREATE TABLE b (id int);\n"),
    ];

    [Fact]
    public void A_detected_layout_names_the_file_that_chose_it_and_the_tools_option()
    {
        var reading = MigrationFolderReader.ReadFiles(PlainFilesWithOneUpFile, new MigrationFolderSettings { Dialect = SqlDialect.Postgres, Names = MigrationSettingNames.CommandLine });

        var error = Assert.Single(reading.Diagnostics, d => d.Code == DiagnosticCodes.UnrecognisedMigrationFile);
        Assert.Equal("201808152020_rename_idea_post.sql", error.File);
        Assert.Contains("does not follow the golang-migrate layout's naming rule", error.Message, StringComparison.Ordinal);
        Assert.Contains("read as golang-migrate because '201901010000_content.up.sql' follows that layout", error.Message, StringComparison.Ordinal);
        Assert.Contains("set --layout to the layout the folder follows", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SchemaMigrationsLayout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_names_its_property()
    {
        var reading = MigrationFolderReader.ReadFiles(PlainFilesWithOneUpFile, new MigrationFolderSettings { Dialect = SqlDialect.Postgres });

        var error = Assert.Single(reading.Diagnostics, d => d.Code == DiagnosticCodes.UnrecognisedMigrationFile);
        Assert.Contains("set SchemaMigrationsLayout to the layout the folder follows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_layout_is_to_be_corrected_not_set()
    {
        var reading = MigrationFolderReader.ReadFiles(PlainFilesWithOneUpFile, new MigrationFolderSettings { Layout = MigrationLayout.GolangMigrate, Dialect = SqlDialect.Postgres, Names = MigrationSettingNames.CommandLine });

        var error = Assert.Single(reading.Diagnostics, d => d.Code == DiagnosticCodes.UnrecognisedMigrationFile);
        Assert.DoesNotContain("read as", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Rename it, move it out of the migrations folder, or correct --layout.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_reads_the_same_folder_cleanly()
    {
        var reading = MigrationFolderReader.ReadFiles(PlainFilesWithOneUpFile, new MigrationFolderSettings { Layout = MigrationLayout.Plain, Dialect = SqlDialect.Postgres });

        Assert.DoesNotContain(reading.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(2, reading.Set!.Migrations.Count);
    }
}
