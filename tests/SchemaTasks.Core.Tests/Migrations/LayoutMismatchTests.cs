using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// A folder read in a layout it does not follow gives an error, never an empty or ambiguous
/// history: a layout set by hand that reads none of the files (ST1025), and plain migrations
/// whose file names collide (ST1004).
/// </summary>
public class LayoutMismatchTests
{
    // A folder per migration holding up.sql, down.sql and a metadata file: one tool's own layout.
    private static MigrationFolder FolderPerMigration() => new MigrationFolder()
        .With("1528395834/up.sql", "CREATE TABLE event_logs (id int PRIMARY KEY);\n")
        .With("1528395834/down.sql", "DROP TABLE event_logs;\n")
        .With("1528395835/up.sql", "ALTER TABLE event_logs ADD COLUMN cohort_id date;\n")
        .With("1528395835/down.sql", "ALTER TABLE event_logs DROP COLUMN cohort_id;\n");

    [Theory]
    [InlineData(MigrationLayout.GolangMigrate)]
    [InlineData(MigrationLayout.Sqlx)]
    [InlineData(MigrationLayout.Dbmate)]
    [InlineData(MigrationLayout.Goose)]
    public void ALayoutSetThatReadsNoneOfTheFiles_IsAnError_ST1025(MigrationLayout layout)
    {
        var result = FolderPerMigration().Discover(layout);

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.NoFileFollowsLayout, error.Code);
        Assert.Contains($"The {layout.ToName()} layout reads", error.Message, StringComparison.Ordinal);
        Assert.Contains("none of the folder's 4 .sql file(s) is one (the first is '1528395834/down.sql')", error.Message, StringComparison.Ordinal);
        Assert.Contains("SchemaMigrationsLayout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainFilesOfOneNameInTwoFolders_AreRefused_ST1004_PointingAtTheLayoutThatReadsThem()
    {
        var result = FolderPerMigration().Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.DuplicateVersion, "1528395835/up.sql"), (error.Code, error.File));
        Assert.Contains("'up' names more than one: '1528395834/up.sql', '1528395835/up.sql'", error.Message, StringComparison.Ordinal);
        Assert.Contains("diesel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFolderReadAsDiesel_IsOneMigrationPerFolder()
    {
        var set = FolderPerMigration().DiscoverClean(MigrationLayout.Diesel);

        Assert.Equal(["1528395834", "1528395835"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void PlainFilesInSubfoldersWithDistinctNames_AreStillRead()
    {
        var set = new MigrationFolder().With("2024/001_a.sql").With("2025/002_b.sql").DiscoverClean();

        Assert.Equal(["001_a", "002_b"], set.Migrations.Select(m => m.Id));
    }
}
