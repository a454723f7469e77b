using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL/MariaDB CREATE TABLE b LIKE a: the copy has a's columns, keys, indexes and CHECKs, and
/// not its foreign keys (the index kept for one stays); a source the migrations do not create is
/// refused as the server refuses it.
/// </summary>
public class MySqlTableLikeTests
{
    private const string Source = """
        CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE a (id int AUTO_INCREMENT PRIMARY KEY, st enum('x','y') NOT NULL DEFAULT 'x', pid int,
          CONSTRAINT a_chk CHECK (st <> 'y'), UNIQUE KEY uq (st), KEY kk (st, id), CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id));
        """;

    [Theory]
    [InlineData("CREATE TABLE b LIKE a;")]
    [InlineData("CREATE TABLE IF NOT EXISTS b (LIKE a);")]
    public void The_copy_has_the_columns_keys_and_checks_but_no_foreign_key(string statement)
    {
        var catalog = Clean(Source + "\n" + statement, SqlDialect.MariaDb);

        var a = catalog.FindTable(My("a"))!;
        var b = catalog.FindTable(My("b"))!;
        Assert.Equal(a.Columns, b.Columns);
        Assert.Equal(["x", "y"], b.FindColumn("st", SqlDialect.MariaDb)!.InlineValues!.Values.ToArray());
        Assert.Equal(a.Checks.Select(c => (c.Name, c.Expression)), b.Checks.Select(c => (c.Name, c.Expression)));
        Assert.DoesNotContain("fk", b.OtherConstraints);
        Assert.Equal(ConstraintKind.PlainIndex, b.Keys["fk"].Kind);
        Assert.Equal(["pid"], b.Keys["fk"].Columns.ToArray());
        Assert.Equal(ConstraintKind.Unique, b.Keys["uq"].Kind);
        Assert.Equal(ConstraintKind.PlainIndex, b.Keys["kk"].Kind);
        Assert.Contains("fk", a.OtherConstraints);
    }

    [Fact]
    public void Later_statements_act_on_the_copy()
    {
        var catalog = Clean(Source + "\nCREATE TABLE b LIKE a;\nALTER TABLE b MODIFY st enum('x','y','z') NOT NULL DEFAULT 'x', DROP INDEX fk, ADD CONSTRAINT fk_b FOREIGN KEY (pid) REFERENCES p (id);", SqlDialect.MariaDb);

        Assert.Equal(["x", "y", "z"], catalog.FindTable(My("b"))!.FindColumn("st", SqlDialect.MariaDb)!.InlineValues!.Values.ToArray());
        Assert.Equal(["x", "y"], catalog.FindTable(My("a"))!.FindColumn("st", SqlDialect.MariaDb)!.InlineValues!.Values.ToArray());
    }

    [Theory]
    [InlineData("CREATE TABLE a LIKE p;", DiagnosticCodes.TableExists, "error 1050")]
    [InlineData("CREATE TABLE b LIKE missing;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData("CREATE TEMPORARY TABLE tmp (k int);\nCREATE TABLE b LIKE tmp;", DiagnosticCodes.UnsupportedStatement, "not a table the migrations create with known columns")]
    public void A_copy_the_engine_cannot_make_is_reported(string statement, string code, string message)
    {
        var (catalog, diagnostics) = Run(Source + "\n" + statement, SqlDialect.MariaDb);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(code, finding.Code);
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(My("b")));
    }

    [Fact]
    public void If_not_exists_of_a_table_there_keeps_it()
    {
        var catalog = Clean(Source + "\nCREATE TABLE b (k int);\nCREATE TABLE IF NOT EXISTS b LIKE a;", SqlDialect.MariaDb);

        Assert.Equal(["k"], catalog.FindTable(My("b"))!.Columns.Select(c => c.Name));
    }
}
