using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A single-table DELETE with an alias: MariaDB before 11.6 refuses it (error 1064, checked on
/// 10.11), MySQL 8.0.16 and later and MariaDB 11.6 and later accept it, so the <c>mariadb</c>
/// dialect warns at the alias and the <c>mysql</c> dialect says nothing.
/// </summary>
public class MariaDbDeleteAliasTests
{
    [Theory]
    [InlineData("delete from data_visualization_info dvi where dvi.delete_flag =1;", 37, "dvi")]
    [InlineData("DELETE FROM data_visualization_info AS dvi WHERE dvi.delete_flag = 1;", 37, "dvi")]
    [InlineData("DELETE FROM app.data_visualization_info `dvi` LIMIT 1;", 41, "dvi")]
    [InlineData("DELETE IGNORE FROM data_visualization_info d USING data_visualization_info d;", 44, "d")]
    public void MariaDb_WarnsAtTheAlias(string delete, int column, string alias)
    {
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), "CREATE TABLE keep (id int);\n" + delete, "V2.10.2__ddl.sql");

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.MariaDbDeleteAlias, DiagnosticSeverity.Warning, 2, column), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.Contains($"alias '{alias}'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("DELETE x FROM t x", warning.Message, StringComparison.Ordinal);
        Assert.Single(catalog.Tables);
    }

    [Theory]
    [InlineData("DELETE FROM t WHERE t.flag = 1;")]
    [InlineData("DELETE FROM t;")]
    [InlineData("DELETE FROM app.t ORDER BY id LIMIT 1;")]
    [InlineData("DELETE FROM t PARTITION (p0) WHERE id = 1;")]
    [InlineData("DELETE FROM t RETURNING id;")]
    [InlineData("DELETE FROM t FOR PORTION OF p FROM 1 TO 2;")]
    [InlineData("DELETE x FROM t x WHERE x.flag = 1;")]
    [InlineData("DELETE FROM t.*, u USING t, u WHERE t.id = u.id;")]
    [InlineData("DELETE FROM x USING t AS x WHERE x.flag = 1;")]
    [InlineData("DELETE LOW_PRIORITY FROM t -- x\nWHERE id = 1;")]
    public void MariaDb_DeletesWithoutAnAliasOnOneTable_AreNotReported(string delete)
    {
        Assert.Empty(SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), delete).Diagnostics);
    }

    [Fact]
    public void MySql_AcceptsTheAlias()
    {
        Assert.Empty(SchemaEngine.Apply(Catalog.Empty(SqlDialect.MySql), "DELETE FROM t x WHERE x.flag = 1;\nDELETE FROM t AS x;").Diagnostics);
    }
}
