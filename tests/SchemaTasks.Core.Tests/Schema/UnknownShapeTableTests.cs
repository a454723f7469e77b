using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A table created with columns SchemaTasks cannot know (CREATE TABLE ... AS, LIKE) is one error
/// where it is created; the statements that use it later are passed over, not reported as
/// naming a table no migration creates.
/// </summary>
public class UnknownShapeTableTests
{
    [Theory]
    [InlineData(SqlDialect.Postgres, "CREATE TABLE b AS SELECT * FROM v;")]
    [InlineData(SqlDialect.Postgres, "CREATE TABLE public.b (LIKE elsewhere INCLUDING ALL);")]
    [InlineData(SqlDialect.Postgres, "CREATE TABLE b PARTITION OF elsewhere DEFAULT;")]
    public void StatementsOnATableOfUnknownShape_AreOneError(SqlDialect dialect, string create)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE a (id int PRIMARY KEY, n text);
            {create}
            ALTER TABLE b ADD PRIMARY KEY (id);
            ALTER TABLE b RENAME TO c;
            ALTER TABLE c ADD COLUMN extra int;
            DROP TABLE c;
            ALTER TABLE a ADD COLUMN later int;
            """, dialect);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 2), (finding.Code, finding.Line));
        Assert.Contains("passed over", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "n", "later"], catalog.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Fact]
    public void APartitionOfATableTheMigrationsDoNotCreate_SaysSo()
    {
        var (_, diagnostics) = Run("CREATE TABLE p0 PARTITION OF p FOR VALUES IN (0);");
        Assert.Contains("CREATE TABLE p0 ... PARTITION OF: it inherits from p, which is not a table the migrations create", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE b AS SELECT * FROM a;")]
    [InlineData(SqlDialect.MySql, "CREATE TABLE b SELECT * FROM a;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE b (k int) SELECT * FROM a;")]
    [InlineData(SqlDialect.Postgres, "SELECT *, id || 'a' INTO b FROM a;")]
    public void StatementsOnATableMadeFromAQuery_AreOneErrorAtTheFirst(SqlDialect dialect, string create)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE a (id int PRIMARY KEY, n text);
            {create}
            ALTER TABLE b ADD PRIMARY KEY (id);
            ALTER TABLE b RENAME TO c;
            ALTER TABLE c ADD COLUMN extra int;
            DROP TABLE c;
            ALTER TABLE a ADD COLUMN later int;
            """, dialect);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.QueryShapedTableUsed, 3), (finding.Code, finding.Line));
        Assert.Contains("m.sql(2,", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "n", "later"], catalog.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CREATE TABLE b AS SELECT 1 AS id;\nALTER TABLE missing ADD COLUMN x int;", new[] { DiagnosticCodes.TableNotFound })]
    [InlineData("CREATE TABLE b (LIKE elsewhere);\nALTER TABLE missing ADD COLUMN x int;", new[] { DiagnosticCodes.UnsupportedStatement, DiagnosticCodes.TableNotFound })]
    public void ATableOfUnknownShape_DoesNotHideAMissingOne(string sql, string[] codes)
    {
        var (_, diagnostics) = Run(sql);
        Assert.Equal(codes, diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void AProcedureThatNamesATableMadeFromAQuery_IsReportedAtTheCall()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE a (id int PRIMARY KEY);
            CREATE TABLE b AS SELECT * FROM a;
            CREATE PROCEDURE p() BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'b') THEN CREATE TABLE b (id int); END IF; END;
            CALL p();
            """, SqlDialect.MariaDb);
        Assert.Equal((DiagnosticCodes.QueryShapedTableUsed, 4), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }
}
