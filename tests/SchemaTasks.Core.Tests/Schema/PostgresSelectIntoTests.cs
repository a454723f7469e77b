using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's top-level SELECT ... INTO creates a table, as CREATE TABLE ... AS does, and is
/// read as that statement; the other INTOs (PL/pgSQL variables, MySQL's @var and files, INSERT
/// INTO, and words in strings, comments and subqueries) are not.
/// </summary>
public class PostgresSelectIntoTests
{
    private const string Table = "CREATE TABLE a (x int, y text);\n";

    [Fact]
    public void SelectIntoPermanentTables_AreReportedWhereTheirColumnsAreUsed()
    {
        var (catalog, diagnostics) = Run(Table + """
            SELECT x || 'a', y INTO b FROM a;
            SELECT *, x || 'a' INTO TABLE c FROM a;
            SELECT x || 'a' AS x INTO UNLOGGED TABLE u FROM a;
              WITH w AS (SELECT x || 'a' AS x FROM a) SELECT * INTO v FROM w;
            SELECT * INTO TEMP TABLE t FROM a;
            SELECT * INTO TEMPORARY t2 FROM a;
            DROP TABLE t;
            ALTER TABLE b ADD COLUMN z int;
            CREATE INDEX ON c (x);
            ALTER TABLE u RENAME TO u2;
            ALTER TABLE u2 ALTER COLUMN x SET NOT NULL;
            ALTER TABLE a ADD COLUMN v_id int REFERENCES v (x);
            """);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.QueryShapedTableUsed, d.Code));
        Assert.Equal([9, 10, 12, 13], diagnostics.Select(d => d.Line));
        Assert.Contains("table b: the SELECT ... INTO at m.sql(2,1) made it", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("table u2: the SELECT ... INTO at m.sql(4,1)", diagnostics[2].Message, StringComparison.Ordinal);
        Assert.Contains("this FOREIGN KEY does with table v: the SELECT ... INTO at m.sql(5,3)", diagnostics[3].Message, StringComparison.Ordinal);
        Assert.Equal([Pg("a"), ], catalog.Tables.Keys);
    }

    [Fact]
    public void ScratchTablesFromSelectInto_AreNoErrorWhenDroppedOrOnlyReadAndFilled()
    {
        var catalog = Clean(Table + """
            SELECT DISTINCT x, y INTO a_tmp FROM a;
            DELETE FROM a;
            INSERT INTO a (x, y) SELECT x, y FROM a_tmp;
            UPDATE a_tmp SET y = 'z';
            DROP TABLE a_tmp;
            ALTER TABLE a ADD PRIMARY KEY (x);
            CREATE TABLE a_tmp (k int);
            SELECT x || 'a' AS x INTO kept FROM a;
            DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_type WHERE typname = 'other') THEN ALTER TABLE a ADD COLUMN w int; END IF; END $$;
            """);
        Assert.Equal([Pg("a"), Pg("a_tmp")], catalog.Tables.Keys.OrderBy(k => k.Name));
        Assert.Equal(["k"], catalog.FindTable(Pg("a_tmp"))!.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CREATE TABLE b (x int);", DiagnosticCodes.TableExists)]
    [InlineData("SELECT * INTO b FROM a;", DiagnosticCodes.UnsupportedStatement)]
    [InlineData("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'b') THEN CREATE TABLE b (x int); END IF; END $$;", DiagnosticCodes.QueryShapedTableUsed)]
    [InlineData("CREATE VIEW b AS SELECT 1;", null)]
    public void AScratchTableStillThere_IsNotForgotten(string later, string? code)
    {
        var (_, diagnostics) = Run(Table + "SELECT x || 'a' AS x INTO b FROM a;\n" + later);
        if (code is null) Assert.Empty(diagnostics);
        else Assert.Equal((code, 3), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData("CREATE TABLE b AS SELECT x, 1 || 'a' AS one FROM a;", "SELECT x, 1 || 'a' AS one INTO b FROM a;")]
    [InlineData("CREATE UNLOGGED TABLE b AS SELECT x || 'a' AS x FROM a;", "SELECT x || 'a' AS x INTO UNLOGGED b FROM a;")]
    public void SelectInto_IsReadAsCreateTableAs(string createTableAs, string selectInto)
    {
        const string Later = "\nALTER TABLE b ADD COLUMN z int;\nCREATE TABLE b (x int);\nDROP TABLE b;";
        var (expectedCatalog, expected) = Run(Table + createTableAs + Later);
        var (catalog, actual) = Run(Table + selectInto + Later);
        Assert.Equal(expected.Select(d => (d.Code, d.Line)), actual.Select(d => (d.Code, d.Line)));
        Assert.Equal(DiagnosticCodes.QueryShapedTableUsed, actual[0].Code);
        Assert.DoesNotContain(actual, d => d.Code == DiagnosticCodes.TableNotFound);
        Assert.Equal(expectedCatalog.Tables.Keys, catalog.Tables.Keys);
    }

    [Fact]
    public void SelectIntoTemporaryTables_AreFollowedAndNeverReachTheCatalog()
    {
        var catalog = Clean(Table + """
            SELECT * INTO TEMP TABLE t FROM a;
            SELECT * INTO TEMPORARY t2 FROM a;
            SELECT x INTO LOCAL TEMP TABLE t3 FROM a;
            SELECT x INTO GLOBAL TEMPORARY "T4" FROM a;
            SELECT y INTO pg_temp.t5 FROM a;
            WITH RECURSIVE w (n) AS NOT MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM w WHERE n < 3), z AS (SELECT x FROM a)
              SELECT * INTO TEMP t6 FROM w;
            ALTER TABLE t ADD COLUMN only_temp int;
            DROP TABLE t, t2, t3, "T4", t5, t6;
            """);
        Assert.Equal([Pg("a")], catalog.Tables.Keys);
    }

    [Fact]
    public void SelectIntoTemporaryTableTwice_FailsAsTheServerDoes()
    {
        var (_, diagnostics) = Run(Table + "SELECT * INTO TEMP t FROM a;\nSELECT * INTO TEMP t FROM a;");
        Assert.Equal((DiagnosticCodes.TableExists, 3), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData("((SELECT x || 'a' AS x INTO b FROM a));")]
    [InlineData("(SELECT x || 'a' AS x INTO b FROM a) UNION (SELECT x FROM a);")]
    [InlineData("WITH w AS (SELECT x || 'a' AS x FROM a) (SELECT * INTO b FROM w);")]
    [InlineData("(WITH w AS (SELECT x || 'a' AS x FROM a) SELECT * INTO b FROM w) ORDER BY 1;")]
    [InlineData("SELECT x || 'a' AS x INTO b FROM a UNION SELECT x FROM a;")]
    public void SelectIntoInParenthesesOrBeforeUnion_IsRefused(string sql)
    {
        var (catalog, diagnostics) = Run(Table + sql + "\nALTER TABLE b ADD COLUMN z int;");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.QueryShapedTableUsed, 3, 1), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Contains("INTO at m.sql(2,1) made it", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(Pg("b")));
    }

    [Theory]
    [InlineData("SELECT * INTO temp FROM a;", "temp")] // The server reads a modifier with no name after it as the name.
    [InlineData("SELECT * INTO unlogged WHERE false;", "unlogged")]
    [InlineData("SELECT * INTO TEMP.b FROM a;", "temp.b")]
    public void ModifierWordWithoutANameAfterIt_IsTheTablesName(string sql, string table)
    {
        var name = table.Contains('.') ? table : "public." + table;
        var (_, diagnostics) = Run("CREATE SCHEMA temp;\n" + Table + sql + $"\nALTER TABLE {name} ADD COLUMN z int;");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.QueryShapedTableUsed, diagnostic.Code);
        Assert.Contains(": the SELECT ... INTO at m.sql(3,1) made it", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"with table {(table.Contains('.') ? table : table)}", diagnostic.Message.Replace("\"", string.Empty), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT x, y FROM a;")]
    [InlineData("SELECT 'SELECT x INTO b FROM a' FROM a;")]
    [InlineData("SELECT x /* INTO b */ FROM a; -- INTO c")]
    [InlineData("SELECT x AS \"into\" FROM a;")]
    [InlineData("SELECT x FROM a WHERE x IN (SELECT x FROM a) AND y = ANY (ARRAY['into']);")]
    [InlineData("INSERT INTO a SELECT * FROM a;")]
    [InlineData("WITH w AS (SELECT 1 AS x) INSERT INTO a (x) SELECT x FROM w;")]
    [InlineData("WITH ins AS (INSERT INTO a (x) VALUES (1) RETURNING x) SELECT x FROM ins;")]
    [InlineData("WITH d AS (DELETE FROM a RETURNING x) UPDATE a SET x = 1 FROM d;")]
    [InlineData("(SELECT x FROM a) UNION (SELECT x FROM a) ORDER BY 1;")]
    [InlineData("(SELECT x FROM a) UNION SELECT 1 INTO b;")] // The server refuses INTO after the first SELECT.
    [InlineData("((VALUES (1)));")]
    public void OtherIntoAndPlainQueries_ChangeNothing(string sql)
    {
        var catalog = Clean(Table + sql + "\nCREATE TABLE b (x int);\nCREATE TABLE c (x int);");
        Assert.Equal([Pg("a"), Pg("b"), Pg("c")], catalog.Tables.Keys.OrderBy(k => k.Name));
    }

    [Fact]
    public void PlpgsqlSelectIntoVariables_CreateNoTable()
    {
        var catalog = Clean(Table + """
            DO $$
            DECLARE b int; t int;
            BEGIN
              SELECT x INTO b FROM a LIMIT 1;
              SELECT x INTO STRICT t FROM a WHERE false;
            EXCEPTION WHEN no_data_found THEN NULL;
            END $$;
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
            DECLARE b int;
            BEGIN
              SELECT x INTO b FROM a LIMIT 1;
              RETURN b;
            END $$;
            SELECT f();
            CREATE TABLE b (x int);
            CREATE TABLE t (x int);
            """);
        Assert.Equal([Pg("a"), Pg("b"), Pg("t")], catalog.Tables.Keys.OrderBy(k => k.Name));
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void MySqlSelectInto_WritesVariablesAndFilesOnly(SqlDialect dialect)
    {
        var catalog = Clean("""
            CREATE TABLE a (x int, y text);
            SELECT x INTO @v FROM a LIMIT 1;
            SELECT x, y FROM a LIMIT 1 INTO @w, @z;
            SELECT x INTO OUTFILE 'a.txt' FROM a;
            SELECT x INTO DUMPFILE 'a.bin' FROM a LIMIT 1;
            CREATE TABLE v (x int);
            """, dialect);
        Assert.Equal([My("a"), My("v")], catalog.Tables.Keys.OrderBy(k => k.Name));
    }
}
