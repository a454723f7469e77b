using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL 8's JSON operators <c>-&gt;</c> and <c>-&gt;&gt;</c> are a syntax error on MariaDB
/// (1064, checked on MariaDB 10.11) wherever they stand; the engine refuses them under the
/// mariadb dialect with ST2010 and keeps them under mysql. The same characters apart, in
/// strings, quoted identifiers or comments are no operator.
/// </summary>
public class MariaDbJsonArrowTests
{
    private const string Table = "CREATE TABLE t (id int PRIMARY KEY, j json);\n";

    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMN a VARCHAR(20) GENERATED ALWAYS AS (j->>\"$.a\");", "->>", "JSON_VALUE(j, \"$.a\") or JSON_UNQUOTE(JSON_EXTRACT(j, \"$.a\"))")]
    [InlineData("ALTER TABLE t ADD COLUMN b int AS (j->'$.b') VIRTUAL;", "->", "JSON_EXTRACT(j, '$.b')")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT ck CHECK (j->'$.a' > 0);", "->", "JSON_EXTRACT(j, '$.a')")]
    [InlineData("ALTER TABLE t ADD COLUMN d varchar(9) DEFAULT (`j`->>'$.d');", "->>", "JSON_UNQUOTE(JSON_EXTRACT(`j`, '$.d'))")]
    [InlineData("CREATE INDEX ia ON t ((j->>'$.a'));", "->>", "JSON_VALUE(j, '$.a')")]
    public void MariaDb_RefusesTheArrow_AndNamesTheFunctions(string statement, string arrow, string instead)
    {
        var (catalog, diagnostics) = Run(Table + statement, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 2, statement.IndexOf(arrow, StringComparison.Ordinal) + 1), (error.Code, error.Line, error.Column));
        Assert.Contains($"MariaDB does not accept the JSON operator {arrow} (error 1064", error.Message, StringComparison.Ordinal);
        Assert.Contains(instead, error.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "j"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name));

        Clean(Table + statement, SqlDialect.MySql); // MySQL 8 takes it.
    }

    [Fact]
    public void MariaDb_RefusesTheArrowInAView()
    {
        var (_, diagnostics) = Run(Table + "CREATE VIEW v AS SELECT j->'$.b' AS b FROM t;", SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, 2, 26), (error.Code, error.Line, error.Column));
        Assert.Contains("Cannot read this CREATE VIEW statement", error.Message, StringComparison.Ordinal); // A view is kept by name: a tracked object.
        Assert.Contains("It changes a tracked object", error.Message, StringComparison.Ordinal);
        Clean(Table + "CREATE VIEW v AS SELECT j->'$.b' AS b FROM t;", SqlDialect.MySql);
    }

    [Fact]
    public void MariaDb_AcceptsArrowsInStringsIdentifiersAndComments()
    {
        var catalog = Clean(Table + """
            ALTER TABLE t ADD COLUMN s varchar(9) DEFAULT 'a->b';
            ALTER TABLE t ADD COLUMN `x->y` int -- ->> a comment
            ;
            ALTER TABLE t ADD COLUMN z int /* j->>'$.a' */ COMMENT 'j->$.z';
            ALTER TABLE t ADD COLUMN a varchar(20) AS (JSON_VALUE(j, '$.a')) VIRTUAL;
            """, SqlDialect.MariaDb);
        Assert.Equal(["id", "j", "s", "x->y", "z", "a"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name));
    }
}
