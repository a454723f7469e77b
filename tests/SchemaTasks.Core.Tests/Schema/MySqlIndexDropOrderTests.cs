using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// One ALTER TABLE that adds and drops an index of one name: the server looks the drop up in the
/// table before the statement and drops before it adds (checked on MariaDB 10.11).
/// </summary>
public class MySqlIndexDropOrderTests
{
    [Theory]
    [InlineData("CREATE TABLE t (a int, b int);\nALTER TABLE t ADD UNIQUE KEY u (a), DROP INDEX u;")]
    [InlineData("CREATE TABLE t (a int, b int);\nALTER TABLE t ADD INDEX u (a), DROP INDEX u;")]
    [InlineData("CREATE TABLE t (a int NOT NULL, b int);\nALTER TABLE t ADD PRIMARY KEY (a), DROP PRIMARY KEY;")]
    public void A_drop_of_an_index_the_statement_adds_is_refused(string sql)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, DiagnosticSeverity.Error, 2), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains("error 1091", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.FindTable(My("t"))!.Keys);
    }

    [Theory]
    [InlineData(SqlDialect.MariaDb)]
    [InlineData(SqlDialect.MySql)]
    public void Add_then_drop_of_an_existing_name_replaces_the_index(SqlDialect dialect)
    {
        var table = Clean("CREATE TABLE t (a int, b int, UNIQUE KEY u (a));\nALTER TABLE t ADD UNIQUE KEY u (b), DROP INDEX u;", dialect).FindTable(My("t"))!;
        Assert.Equal("b", Assert.Single(table.Keys["u"].Columns));
    }

    [Fact]
    public void Drop_then_add_still_replaces_the_index()
    {
        var table = Clean("CREATE TABLE t (a int, b int, UNIQUE KEY u (a));\nALTER TABLE t DROP INDEX u, ADD UNIQUE KEY u (b);", SqlDialect.MariaDb).FindTable(My("t"))!;
        Assert.Equal("b", Assert.Single(table.Keys["u"].Columns));
    }

    [Fact]
    public void Drop_if_exists_of_an_index_the_statement_adds_keeps_it()
    {
        var table = Clean("CREATE TABLE t (a int, b int);\nALTER TABLE t ADD UNIQUE KEY u (a), DROP INDEX IF EXISTS u;", SqlDialect.MariaDb).FindTable(My("t"))!;
        Assert.Equal("a", Assert.Single(table.Keys["u"].Columns));
    }
}
