using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// What MariaDB 10.11 refuses in a generated column beyond the functions of ST3066's first list
/// (error 1901): an index over a VIRTUAL column whose value is not the row's alone, a subquery,
/// and a call of a stored function, qualified or created by the migrations, VIRTUAL or STORED.
/// </summary>
public class MariaDbGeneratedColumnIndexTests
{
    [Theory]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL, INDEX (b));", "rand()")]
    [InlineData("CREATE TABLE g (a int, b datetime AS (now()) VIRTUAL, KEY k (a, b));", "now()")]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL UNIQUE);", "rand()")]
    [InlineData("CREATE TABLE g (a int, b varchar(36) AS (uuid()) VIRTUAL, FULLTEXT (b));", "uuid()")]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nALTER TABLE g ADD INDEX (b);", "rand()")]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nCREATE INDEX i ON g (b);", "rand()")]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nALTER TABLE g ADD CONSTRAINT u UNIQUE (b);", "rand()")]
    [InlineData("CREATE TABLE g (a int, b int AS (a) VIRTUAL, INDEX (b));\nALTER TABLE g MODIFY b double AS (rand()) VIRTUAL;", "rand()")]
    [InlineData("CREATE TABLE g (a int, b int AS (a + (SELECT 1)) VIRTUAL);", "a subquery")]
    [InlineData("CREATE TABLE g (a int, b int AS (a IN (select 1)) STORED);", "a subquery")]
    [InlineData("CREATE TABLE g (a int, b int AS (db1.f(a)) VIRTUAL);", "stored function db1.f()")]
    [InlineData("CREATE FUNCTION f (x int) RETURNS int DETERMINISTIC RETURN x + 1;\nCREATE TABLE g (a int, b int AS (F(a)) VIRTUAL);", "stored function F()")]
    [InlineData("CREATE FUNCTION f (x int) RETURNS int DETERMINISTIC RETURN x + 1;\nCREATE TABLE g (a int, b int AS (f(a)) STORED);", "stored function f()")]
    public void MariaDb_refuses_it(string sql, string what)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.GeneratedColumnFunctionRefused, DiagnosticSeverity.Error, sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains(what, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("error 1901", refusal.Message, StringComparison.Ordinal);
        var g = catalog.FindTable(My("g"));
        Assert.True(g is null || g.Keys.Count == (sql.Contains("INDEX (b));", StringComparison.Ordinal) ? 1 : 0));
        Assert.True(g is null || g.FindColumn("b", SqlDialect.MariaDb)!.Type != "double" || !sql.Contains("MODIFY", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CREATE TABLE g (a int, b int AS (a + 1) VIRTUAL, c double AS (rand()) VIRTUAL, INDEX (b), INDEX (a));")]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nALTER TABLE g ADD INDEX (a);")]
    [InlineData("CREATE TABLE g (a int, b varchar(90) AS (current_user) VIRTUAL, c int AS (@v) VIRTUAL);")]
    [InlineData("CREATE TABLE g (a int, b int AS (abs(a)) STORED, c varchar(20) AS (concat('select', a)) STORED, INDEX (b));")]
    [InlineData("CREATE TABLE g (a int, b json, c int AS (json_value(b, '$.f')) VIRTUAL, INDEX (c));")]
    public void MariaDb_takes_what_it_computes_from_the_row(string sql)
    {
        Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);
    }

    [Fact]
    public void MySql_says_nothing_new()
    {
        Assert.Empty(Run("CREATE TABLE g (a int, b int AS (a + (SELECT 1)) VIRTUAL, c int AS (db1.f(a)) VIRTUAL, d int AS (a + 1) VIRTUAL, INDEX (d));", SqlDialect.MySql).Diagnostics);
    }
}
