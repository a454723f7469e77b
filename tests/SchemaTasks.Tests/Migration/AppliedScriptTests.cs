using SchemaTasks.Migrator;
using SchemaTasks.Migrations;

namespace SchemaTasks.Tests.Migration;

public class AppliedScriptTests
{
    [Fact]
    public void Dbmate_RunsOnlyTheUpSection_FromItsFileLine()
    {
        var migration = new EmbeddedMigration("1", "a", "1_a.sql", "x", "-- comment\n-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n");

        var script = AppliedScript.Of(MigrationLayout.Dbmate, migration);

        Assert.Equal("\nCREATE TABLE a (id int);\n", script.Text);
        Assert.Equal(2, script.FirstLine);
        Assert.False(script.NoTransaction);
    }

    [Fact]
    public void DbmateTransactionFalse_AsksForNoTransaction()
    {
        var migration = new EmbeddedMigration("1", "a", "1_a.sql", "x", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON a (id);\n");

        Assert.True(AppliedScript.Of(MigrationLayout.Dbmate, migration).NoTransaction);
    }

    [Fact]
    public void OtherLayouts_RunTheWholeFile()
    {
        const string text = "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n";

        var script = AppliedScript.Of(MigrationLayout.Plain, new EmbeddedMigration("1", "a", "1_a.sql", "x", text));

        Assert.Equal(new AppliedScript(text, 1, false), script);
    }
}
