using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// psql's own commands in a PostgreSQL migration, read as psql 15 runs the file
/// (<c>psql -X -v ON_ERROR_STOP=1 -f m.sql</c>; each outcome below was checked so on a scratch
/// database). The commands that send the query buffer end the statement before them, alone on a
/// line or at the end of a query line; before, the statement after them was swallowed into the
/// query and the snapshot silently missed it (openreplay's upgrade scripts).
/// </summary>
public class PsqlMetaCommandTests
{
    [Theory]
    [InlineData("SELECT 1 AS one\n\\gset\nCREATE TABLE a (x int);\nSELECT 2\n\\g\nCREATE TABLE b (x int);")]
    [InlineData("SELECT 1 AS one \\gset\nCREATE TABLE a (x int);\nSELECT 2\\g\nCREATE TABLE b (x int);")]
    [InlineData("SELECT 1 \\gx\nCREATE TABLE a (x int);\nSELECT 2 \\g /dev/null\nCREATE TABLE b (x int);")]
    [InlineData("SELECT 1\n  \\crosstabview\nCREATE TABLE a (x int);\nSELECT 1 \\; CREATE TABLE b (x int);")]
    public void ACommandThatSendsTheBuffer_EndsTheStatement(string sql)
    {
        var catalog = Clean(sql);
        Assert.NotNull(catalog.FindTable(Pg("a")));
        Assert.NotNull(catalog.FindTable(Pg("b")));
    }

    [Fact]
    public void Gdesc_DescribesTheStatementWithoutRunningIt()
    {
        var catalog = Clean("CREATE TABLE t2 (id int)\\gdesc\nCREATE TABLE t3 (id int) \\g");
        Assert.Null(catalog.FindTable(Pg("t2")));
        Assert.NotNull(catalog.FindTable(Pg("t3")));
    }

    [Fact]
    public void Gexec_IsReportedAtTheCommand_AndTheNextStatementIsRead()
    {
        var (catalog, diagnostics) = Run("SELECT 'SELECT 42' WHERE true\\gexec\nCREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY);");
        var found = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PsqlRunsQueryResult, 1, 30), (found.Code, found.Line, found.Column));
        Assert.NotNull(catalog.FindTable(Pg("users")));
    }

    [Theory]
    [InlineData("\\if false\nCREATE TABLE x (a int);\n\\else\nCREATE TABLE y (a int);\n\\endif", "y")]
    [InlineData("\\set t off\n\\if :t\nCREATE TABLE x (a int);\n\\elif tr\nCREATE TABLE y (a int);\n\\else\nCREATE TABLE z (a int);\n\\endif", "y")]
    [InlineData("\\set flag yes\n\\if :flag\n  \\if 0\nCREATE TABLE x (a int);\n  \\else\nCREATE TABLE y (a int);\n  \\endif\n\\else\n  \\if true\nCREATE TABLE z (a int);\n  \\endif\n\\endif", "y")]
    [InlineData("\\if ON\nCREATE TABLE y (a int);\n\\elif true\nCREATE TABLE x (a int);\n\\endif", "y")]
    [InlineData("\\if false\nCREATE TABLE x (a int);\n\\gexec\n\\set v :'undefined'\n\\endif\nCREATE TABLE y (a int);", "y")]
    public void TheBranchPsqlRuns_IsTheOneRead(string sql, string table)
    {
        var catalog = Clean(sql);
        Assert.Equal([table], catalog.Tables.Keys.Select(k => k.Name));
    }

    [Theory]
    [InlineData("\\if :nope\nCREATE TABLE q1 (a int);\n\\endif", 1)]
    [InlineData("\\if `echo true`\nCREATE TABLE q1 (a int);\n\\endif", 1)]
    [InlineData("\\if false\n\\elif o\nCREATE TABLE q1 (a int);\n\\endif", 2)]
    public void AConditionSchemaTasksCannotEvaluate_IsReported_AndReadAsFalseAsPsqlReadsIt(string sql, int line)
    {
        var (catalog, diagnostics) = Run(sql);
        var found = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PsqlConditionUndecided, line), (found.Code, found.Line));
        Assert.Empty(catalog.Tables);
    }

    [Fact]
    public void VariablesTheFileSets_AreReplacedAsPsqlReplacesThem()
    {
        var catalog = Clean(string.Join('\n',
            "\\set tbl 'items'",
            "\\set d 'it''s'",
            "\\set w hello world",
            "SELECT :'d';",
            "CREATE TABLE :\"tbl\" (id int, note text DEFAULT :'d', w text DEFAULT :'w', n int, c text DEFAULT '::x'::text);",
            "\\set num 7",
            "ALTER TABLE items ALTER COLUMN n SET DEFAULT :num;"));
        // What psql sent, as its server log shows it.
        var sent = Clean("CREATE TABLE \"items\" (id int, note text DEFAULT 'it''s', w text DEFAULT 'helloworld', n int, c text DEFAULT '::x'::text);\nALTER TABLE items ALTER COLUMN n SET DEFAULT 7;");
        var table = catalog.FindTable(Pg("items"));
        Assert.NotNull(table);
        Assert.Equal(
            sent.FindTable(Pg("items"))!.Columns.Select(c => (c.Name, c.Default)),
            table.Columns.Select(c => (c.Name, c.Default)));
        Assert.Equal("7", table.FindColumn("n", SqlDialect.Postgres)!.Default);
    }

    [Theory]
    [InlineData("CREATE TABLE b (x text DEFAULT :'v');", 1, 32)]
    [InlineData("\\set v 'x'\n\\unset v\nCREATE TABLE b (x text DEFAULT :'v');", 3, 32)]
    [InlineData("CREATE TABLE :\"tbl\" (x int);", 1, 14)]
    [InlineData("CREATE TABLE b (x int DEFAULT :v);", 1, 31)]
    [InlineData("\\set v `date`\nCREATE TABLE b (x text DEFAULT :'v');", 2, 32)]
    public void AVariableTheFileDoesNotSet_IsReported(string sql, int line, int column)
    {
        var (_, diagnostics) = Run(sql);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.PsqlVariableUnknown && d.Line == line && d.Column == column);
    }

    [Fact]
    public void ColonsThatAreNoVariables_AreLeftAlone()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int[] DEFAULT '{1,2,3}', b text DEFAULT 'a:b'::text, c int);\nCREATE INDEX ON t ((a[1:c]));\nDO $$ DECLARE v int := 1; BEGIN PERFORM v; END $$;");
        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(Pg("t")));
    }

    // The openreplay shape. psql runs it; a tool that sends it to the server has the backslash
    // refused (42601, see PsqlCommandRefusalTests), and the statements are read alike either way.
    private const string Upgrade = "\\set ON_ERROR_STOP on\nSELECT 1 AS one\n\\gset\nCREATE TABLE a (x int);\nSELECT 2 \\g\nCREATE TABLE b (x int);";

    [Theory]
    [InlineData(MigrationLayout.GolangMigrate, true)]
    [InlineData(MigrationLayout.Flyway, true)]
    [InlineData(MigrationLayout.Dbmate, true)]
    [InlineData(MigrationLayout.Goose, true)]
    [InlineData(MigrationLayout.Plain, false)]
    public void APsqlCommand_IsReportedOncePerFile_WhereTheToolSendsTheFileToTheServer(MigrationLayout layout, bool refused)
    {
        var set = new MigrationSet(layout, SqlDialect.Postgres, [new Migration("1", "1", "init", "1_init.sql", "checksum", Upgrade)]);

        var (catalog, diagnostics) = SchemaEngine.BuildFinal(set, SqlDialect.Postgres);

        if (refused)
        {
            var finding = Assert.Single(diagnostics);
            Assert.Equal((DiagnosticCodes.PsqlCommandSentToServer, DiagnosticSeverity.Error, 1, 1), (finding.Code, finding.Severity, finding.Line, finding.Column));
            Assert.Contains(layout.ToName(), finding.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(diagnostics);
        }

        Assert.Equal(["a", "b"], catalog.Tables.Keys.Select(k => k.Name).Order());
    }
}
