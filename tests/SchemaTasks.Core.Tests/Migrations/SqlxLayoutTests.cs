using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

public class SqlxLayoutTests
{
    [Fact]
    public void Sqlx_SimpleFiles_IdIsTheVersionAsANumber_DescriptionHasSpaces()
    {
        var set = new MigrationFolder()
            .With("20240102000000_add_job_status.sql", "ALTER TABLE jobs ADD status text;\n")
            .With("20240101000000_create_jobs.sql", "CREATE TABLE jobs (id int);\n")
            .DiscoverClean(MigrationLayout.Sqlx);

        Assert.Equal(
            [("20240101000000", "create jobs"), ("20240102000000", "add job status")],
            set.Migrations.Select(m => (m.Id, m.Name)));
    }

    [Fact]
    public void Sqlx_ReversiblePairs_OnlyUpFilesAreHistory_AndTheWholeFileRuns()
    {
        var set = new MigrationFolder()
            .With("0001_init.up.sql", "CREATE TABLE a (id int);\n")
            .With("0001_init.down.sql", "DROP TABLE a;\n")
            .With("0010_more.up.sql", "CREATE TABLE b (id int);\n")
            .With("0002_mid.up.sql", "CREATE TABLE c (id int);\n")
            .DiscoverClean(MigrationLayout.Sqlx);

        Assert.Equal(["1", "2", "10"], set.Migrations.Select(m => m.Id));
        Assert.Equal("init", set.Migrations[0].Name);
        Assert.Equal("CREATE TABLE a (id int);\n", set.Migrations[0].Sql);
    }

    [Fact]
    public void Sqlx_NoTransactionFirstLine_IsDetected_AndReadFromTheScript()
    {
        var text = "-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
        var set = new MigrationFolder()
            .With("20240101000000_init.up.sql", "CREATE TABLE t (a int);\n")
            .With("20240101000000_init.down.sql", "DROP TABLE t;\n")
            .With("20240102000000_index.up.sql", text)
            .DiscoverClean();

        Assert.Equal(MigrationLayout.Sqlx, set.Layout);
        Assert.True(MigrationScripts.Of(MigrationLayout.Sqlx, "20240102000000_index.up.sql", text).NoTransaction);
        Assert.False(MigrationScripts.Of(MigrationLayout.Sqlx, "x.sql", "SELECT 1;\n-- no-transaction\n").NoTransaction);
    }

    [Fact]
    public void Sqlx_FilesWithoutMarkers_AreNotGuessed()
    {
        // Without sqlx's marker, .up.sql pairs stay golang-migrate's (as before), and simple files plain.
        Assert.Equal(MigrationLayout.GolangMigrate, new MigrationFolder().With("1_a.up.sql").With("1_a.down.sql").DiscoverClean().Layout);
        Assert.Equal(MigrationLayout.Plain, new MigrationFolder().With("20240101000000_a.sql").DiscoverClean().Layout);
    }

    [Fact]
    public void Sqlx_NonNumericVersion_IsST1005()
    {
        var result = new MigrationFolder().With("v1_init.sql").Discover(MigrationLayout.Sqlx);

        Assert.Null(result.Set);
        Assert.Equal((DiagnosticCodes.UnrecognisedMigrationFile, "v1_init.sql"), (Assert.Single(result.Diagnostics).Code, result.Diagnostics[0].File));
    }

    [Fact]
    public void Sqlx_DuplicateVersion_IsST1004()
    {
        var result = new MigrationFolder().With("1_a.sql").With("01_b.sql").Discover(MigrationLayout.Sqlx);

        Assert.Null(result.Set);
        Assert.Equal(DiagnosticCodes.DuplicateVersion, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Sqlx_ChecksumInput_IsTheWholeFileText()
    {
        var text = "-- comment counts\r\nCREATE TABLE a (id int);\r\n";
        var migration = Assert.Single(new MigrationFolder().With("1_a.sql", text).DiscoverClean(MigrationLayout.Sqlx).Migrations);

        Assert.Equal(text, migration.Sql);
    }
}
