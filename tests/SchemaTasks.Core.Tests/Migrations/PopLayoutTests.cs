using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>pop and ory's popx: '<version>_<name>[.<dialect>][.autocommit].up.sql', one file chosen per version for the dialect.</summary>
public class PopLayoutTests
{
    [Fact]
    public void Pop_IsDetectedFromADialectPart_AndGolangMigrateNamesWithoutOneStayGolangMigrate()
    {
        var pop = new MigrationFolder()
            .With("20150100000001000000_networks.postgres.up.sql")
            .With("20150100000001000000_networks.postgres.down.sql")
            .With("20150100000001000000_networks.mysql.up.sql")
            .Discover(SqlDialect.Postgres);
        var golang = new MigrationFolder().With("1_init.up.sql").With("1_init.down.sql").DiscoverClean();

        Assert.Equal(MigrationLayout.Pop, pop.Set!.Layout);
        Assert.Equal(MigrationLayout.GolangMigrate, golang.Layout);
    }

    [Fact]
    public void Pop_IsDetectedFromPopxsAutocommitFlag()
    {
        var set = Clean(new MigrationFolder().With("1_a.up.sql").With("2_b.autocommit.up.sql").With("2_b.autocommit.down.sql"), SqlDialect.Postgres);

        Assert.Equal(MigrationLayout.Pop, set.Layout);
        Assert.Equal(["1_a.up.sql", "2_b.autocommit.up.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void Pop_ADialectPartPopDoesNotKnow_DoesNotClaimTheFolder()
    {
        // golang-migrate reads '1_init.extra.up.sql' as the migration named 'init.extra'.
        var set = new MigrationFolder().With("1_init.extra.up.sql").DiscoverClean();

        Assert.Equal(MigrationLayout.GolangMigrate, set.Layout);
    }

    [Theory]
    [InlineData(SqlDialect.Postgres, new[] { "1_a.postgres.up.sql", "2_b.up.sql", "3_c.postgres.up.sql" })]
    [InlineData(SqlDialect.MySql, new[] { "1_a.mysql.up.sql", "2_b.up.sql", "4_d.mysql.up.sql" })]
    [InlineData(SqlDialect.MariaDb, new[] { "1_a.mysql.up.sql", "2_b.up.sql", "4_d.mysql.up.sql" })]
    public void Pop_EachVersionRunsTheDialectsFile_ElseTheGenericOne_AndOtherDialectsFilesNothing(SqlDialect dialect, string[] expected)
    {
        var folder = new MigrationFolder()
            .With("1_a.up.sql")
            .With("1_a.postgres.up.sql")
            .With("1_a.mysql.up.sql")
            .With("1_a.sqlite3.up.sql")
            .With("2_b.up.sql")
            .With("2_b.cockroach.up.sql")
            .With("3_c.postgres.up.sql")
            .With("4_d.mysql.up.sql")
            .With("5_e.sqlite.up.sql");

        var set = Clean(folder, dialect);

        Assert.Equal(expected, set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void Pop_PopsSynonymsOfADialect_AreThatDialect()
    {
        var set = Clean(new MigrationFolder().With("1_a.up.sql").With("1_a.pg.up.sql").With("2_b.postgresql.up.sql"), SqlDialect.Postgres);

        Assert.Equal(["1_a.pg.up.sql", "2_b.postgresql.up.sql"], set.Migrations.Select(m => m.RelativePath));
    }

    [Fact]
    public void Pop_OrdersByVersionText_ByteByByte_AsPopComparesVersions()
    {
        // pop compares versions as strings: "10" sorts before "9".
        var set = Clean(new MigrationFolder().With("9_b.up.sql").With("10_c.postgres.up.sql").With("20150100000001000000_a.up.sql"), SqlDialect.Postgres);

        Assert.Equal(["10", "20150100000001000000", "9"], set.Migrations.Select(m => m.Id));
        Assert.Equal(["c", "a", "b"], set.Migrations.Select(m => m.Name));
    }

    [Fact]
    public void Pop_DownFiles_AreNeverHistory()
    {
        var set = Clean(new MigrationFolder().With("1_a.down.sql").With("1_a.up.sql").With("2_b.postgres.down.sql").With("2_b.postgres.up.sql"), SqlDialect.Postgres);

        Assert.All(set.Migrations, m => Assert.EndsWith(".up.sql", m.RelativePath, StringComparison.Ordinal));
        Assert.Equal(2, set.Migrations.Count);
    }

    [Fact]
    public void Pop_AutocommitFiles_AreMigrations_RunOutsideATransaction()
    {
        var set = Clean(new MigrationFolder().With("1_a.postgres.autocommit.up.sql", "CREATE INDEX CONCURRENTLY i ON t (c);\n").With("2_b.up.sql"), SqlDialect.Postgres);

        var first = set.Migrations[0];
        Assert.Equal("1", first.Id);
        Assert.Equal("a", first.Name);
        Assert.True(MigrationScripts.Of(MigrationLayout.Pop, first.RelativePath, first.Sql).NoTransaction);
        Assert.False(MigrationScripts.Of(MigrationLayout.Pop, set.Migrations[1].RelativePath, set.Migrations[1].Sql).NoTransaction);
    }

    [Fact]
    public void Pop_DialectSpecificFilesWithoutADialect_IsST1008_NamingTheSetting()
    {
        var result = new MigrationFolder().With("1_a.up.sql").With("2_b.postgres.up.sql").With("2_b.mysql.up.sql").Discover();

        Assert.Null(result.Set);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DialectRequired, error.Code);
        Assert.Contains("SchemaDialect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pop_GenericFilesOnly_NeedNoDialect()
    {
        var set = new MigrationFolder().With("1_a.up.sql").With("2_b.autocommit.up.sql").DiscoverClean(MigrationLayout.Pop);

        Assert.Equal(["1", "2"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Pop_TheChosenFilesAlone_ReadAgainWithTheDialect_AsTheRuntimeRebuildsThem()
    {
        var chosen = Clean(new MigrationFolder().With("1_a.up.sql").With("1_a.mysql.up.sql").With("2_b.up.sql").With("3_c.mysql.autocommit.up.sql"), SqlDialect.MariaDb);
        var again = new MigrationFolder();
        foreach (var migration in chosen.Migrations) again.With(migration.RelativePath, migration.Sql);

        var reread = Clean(again, SqlDialect.MariaDb);

        Assert.Equal(chosen.Migrations.Select(m => m.Id), reread.Migrations.Select(m => m.Id));
    }

    [Theory]
    [InlineData("1_a.postgres.up.sql", "1_b.postgres.up.sql")]
    [InlineData("1_a.up.sql", "1_a.autocommit.up.sql")]
    public void Pop_TwoFilesChosenForOneVersion_IsST1004(string first, string second)
    {
        var result = new MigrationFolder().With(first).With(second).With("1_a.mysql.up.sql").Discover(SqlDialect.Postgres);

        Assert.Null(result.Set);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateVersion);
    }

    [Fact]
    public void Pop_OneVersionForEachOfTwoDialects_IsNoDuplicate()
    {
        var set = Clean(new MigrationFolder().With("1_a.postgres.up.sql").With("1_b.mysql.up.sql").With("1_c.cockroach.up.sql"), SqlDialect.MySql);

        Assert.Equal("1_b.mysql.up.sql", Assert.Single(set.Migrations).RelativePath);
    }

    [Fact]
    public void Pop_ADialectPopDoesNotKnow_IsSkipped_ST1010()
    {
        var result = new MigrationFolder().With("1_a.postgres.up.sql").With("1_a.ydb.up.sql").Discover(SqlDialect.Postgres);

        Assert.Equal("1_a.postgres.up.sql", Assert.Single(result.Set!.Migrations).RelativePath);
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotRead, note.Code);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
    }

    [Fact]
    public void Pop_AFileNotNamedAsPopNamesThem_IsST1005()
    {
        var result = new MigrationFolder().With("1_a.postgres.up.sql").With("seed.sql").Discover(SqlDialect.Postgres);

        Assert.Null(result.Set);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnrecognisedMigrationFile && d.Message.Contains("'seed.sql'", StringComparison.Ordinal));
    }

    [Fact]
    public void Pop_FilesInSubfolders_AreRead_AsPopWalksTheTree()
    {
        var set = Clean(new MigrationFolder().With("2024/2_b.postgres.up.sql").With("1_a.postgres.up.sql"), SqlDialect.Postgres);

        Assert.Equal(["1", "2"], set.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Pop_LayoutName_ReadsPopAndPopx()
    {
        Assert.True(MigrationLayoutNames.TryParse("popx", out var layout));
        Assert.Equal(MigrationLayout.Pop, layout);
        Assert.Equal("pop", MigrationLayout.Pop.ToName());
    }

    [Fact]
    public void Pop_HistoryTable_IsSchemaMigration()
    {
        Assert.Equal("schema_migration", Assert.Single(ToolHistoryTables.Of(MigrationLayout.Pop, SqlDialect.MySql)).Name);
    }

    [Fact]
    public void Pop_ReaderPassesTheDialectSet()
    {
        var files = new List<MigrationSourceFile> { new("1_a.up.sql", "SELECT 1;\n"), new("1_a.mysql.up.sql", "SELECT 2;\n") };

        var reading = MigrationFolderReader.ReadFiles(files, new MigrationFolderSettings { Dialect = SqlDialect.MySql });

        Assert.Equal("1_a.mysql.up.sql", Assert.Single(reading.Set!.Migrations).RelativePath);
    }

    private static MigrationSet Clean(MigrationFolder folder, SqlDialect dialect)
    {
        var result = folder.Discover(dialect);
        Assert.Empty(result.Diagnostics);
        return result.Set!;
    }

    [Fact]
    public void Pop_AFizzMigration_IsAnError_NotPassedOver()
    {
        var result = new MigrationFolder()
            .With("20200101000000000000_init.postgres.up.sql")
            .With("20200101000000000000_init.mysql.up.sql")
            .With("20200102000000000000_add_b.up.fizz")
            .Discover(SqlDialect.Postgres);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.FizzMigration, "20200102000000000000_add_b.up.fizz"), (error.Code, error.File));
        Assert.Contains("20200102000000000000_add_b.up.sql", error.Message, StringComparison.Ordinal);
    }
}
