using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>
/// The plain layout never runs a down migration as a forward one: a folder of up/down pairs is
/// read without its down files (ST1023), a down file it cannot set apart is refused (ST1022).
/// </summary>
public class PlainDownFilesTests
{
    [Fact]
    public void UpDownPairsNoToolReads_AreReadWithoutTheDownFiles_InNameOrder_ST1023()
    {
        // authelia's names: no layout's rule, so the folder is plain.
        var result = new MigrationFolder()
            .With("V0001.Init.up.sql", "CREATE TABLE a (id int PRIMARY KEY, c int NOT NULL DEFAULT 5);\n")
            .With("V0001.Init.down.sql", "DROP TABLE IF EXISTS a;\n")
            .With("V0010.Later.up.sql", "CREATE TABLE b (id int);\n")
            .With("V0010.Later.down.sql", "DROP TABLE b;\n")
            .With("V0002.Repair.up.sql", "ALTER TABLE a ADD COLUMN IF NOT EXISTS c int;\n")
            .With("V0002.Repair.down.sql", "ALTER TABLE a DROP COLUMN IF EXISTS c;\n")
            .Discover();

        Assert.Equal(MigrationLayout.Plain, result.Set?.Layout);
        Assert.Equal(["V0001.Init.up.sql", "V0002.Repair.up.sql", "V0010.Later.up.sql"], result.Set!.Migrations.Select(m => m.RelativePath));
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DownMigrationsSkipped, note.Code);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Contains("'V0001.Init.up.sql' and 'V0001.Init.down.sql'", note.Message, StringComparison.Ordinal);
        Assert.Contains("3 up files", note.Message, StringComparison.Ordinal);
        Assert.Contains("3 down files", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpFilesWithoutTheirDownFiles_AreStillPairs()
    {
        var set = new MigrationFolder().With("V1.a.up.sql").With("V1.a.down.sql").With("V2.b.up.sql").Discover().Set;

        Assert.Equal(["V1.a.up.sql", "V2.b.up.sql"], set!.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void UpAndDownInSubfolders_NotNamedAsDieselNamesThem_ReadTheUpFiles_InNaturalOrder()
    {
        var set = new MigrationFolder()
            .With("10_b/10_b.up.sql").With("10_b/10_b.down.sql")
            .With("2_a/2_a.up.sql").With("2_a/2_a.down.sql")
            .Discover().Set;

        Assert.Equal(MigrationLayout.Plain, set!.Layout);
        Assert.Equal(["2_a/2_a.up.sql", "10_b/10_b.up.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void UpFilesOfOneNameInSeveralFolders_AreRefused_AsTheirIdsWouldCollide()
    {
        var result = new MigrationFolder()
            .With("10_b/up.sql").With("10_b/down.sql")
            .With("2_a/up.sql").With("2_a/down.sql")
            .Discover();

        Assert.Null(result.Set);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateVersion && d.Message.Contains("diesel", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("001.do.sql", "001.undo.sql")]
    [InlineData("001.do.create-users.sql", "001.undo.create-users.sql")]
    [InlineData("init_up.sql", "init_down.sql")]
    [InlineData("a/up.sql", "a/down.sql")]
    public void OtherPairNames_AreReadWithoutTheDownFile(string up, string down)
    {
        var result = new MigrationFolder().With(up).With(down).Discover(MigrationLayout.Plain);

        Assert.Equal([up], result.Set!.Migrations.Select(m => m.RelativePath));
        Assert.Equal(DiagnosticCodes.DownMigrationsSkipped, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void FlywayUndoScripts_WhenPlainIsSet_AreSkippedBesideTheirVersion()
    {
        var result = new MigrationFolder().With("V1__init.sql").With("U1__init.sql").Discover(MigrationLayout.Plain);

        Assert.Equal(["V1__init.sql"], result.Set!.Migrations.Select(m => m.RelativePath));
    }

    [Theory]
    [InlineData("V0002.Repair.down.sql", "'V0002.Repair.up.sql'")]
    [InlineData("x/down.sql", "'x/up.sql'")]
    [InlineData("002.undo.sql", "'002.do.sql'")]
    public void ADownFileWithoutItsUpFile_IsST1022(string down, string expectedUp)
    {
        var result = new MigrationFolder().With("V0001.Init.up.sql").With("V0001.Init.down.sql").With(down).Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DownMigrationsInPlainFolder, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(down, error.File);
        Assert.Contains(expectedUp, error.Message, StringComparison.Ordinal);
        Assert.Contains("would run it as a forward migration", error.Message, StringComparison.Ordinal);
        Assert.Contains("SchemaMigrationsLayout", error.Message, StringComparison.Ordinal);
        Assert.Contains("keep only the up files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PairsBesideFilesOfNoDirection_AreST1022_NamingBoth()
    {
        var result = new MigrationFolder().With("V0001.Init.sql").With("V0002.X.up.sql").With("V0002.X.down.sql").Discover();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DownMigrationsInPlainFolder, error.Code);
        Assert.Equal("V0002.X.down.sql", error.File);
        Assert.Contains("'V0001.Init.sql'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ST1022_NamesTheCommandLineOption_ForTheTool()
    {
        var reading = MigrationFolderReader.ReadFiles(
            [new("a.down.sql", "DROP TABLE a;\n")],
            new MigrationFolderSettings { Names = MigrationSettingNames.CommandLine });

        Assert.Contains("--layout", Assert.Single(reading.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020_scale_down.sql")]
    [InlineData("markdown.sql")]
    [InlineData("shutdown.sql")]
    public void NamesThatMerelyEndInDown_AreForwardMigrations(string name)
    {
        var set = new MigrationFolder().With("1_init.sql").With(name).DiscoverClean(MigrationLayout.Plain);

        Assert.Equal(2, set.Migrations.Count);
    }

    [Fact]
    public void DownFilesAreNeverAppliedForward_InAnyFolderThatDetectsPlain()
    {
        // Whatever the mix, a plain reading either leaves every down file out or refuses the folder.
        string[][] folders =
        [
            ["V1.a.up.sql", "V1.a.down.sql"],
            ["V1.a.down.sql"],
            ["seed.sql", "V1.a.up.sql", "V1.a.down.sql"],
            ["x/up.sql", "x/down.sql", "y/down.sql"],
            ["1.do.sql", "1.undo.sql", "2.undo.sql"],
        ];
        foreach (var paths in folders)
        {
            var folder = new MigrationFolder();
            foreach (var path in paths) folder.With(path);
            var result = folder.Discover();

            Assert.True(result.Set is null || result.Set.Migrations.All(m => !m.RelativePath.Contains("down", StringComparison.Ordinal) && !m.RelativePath.Contains("undo", StringComparison.Ordinal)), string.Join(", ", paths));
            Assert.NotEmpty(result.Diagnostics);
        }
    }
}
