using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL <c>CREATE TABLE name (a, b) AS query</c>: the list renames the query's first
/// columns in order (the rest keep their names), storage options may stand before AS, and a
/// query whose columns are not known stays ST2011 at AS; a longer list than the query's columns
/// (42601) or two columns of one name (42701) is refused (checked on PostgreSQL 15).
/// </summary>
public class PostgresTableCopyColumnNamesTests
{
    private const string Source = "CREATE TABLE src (id int, code text NOT NULL, n numeric(5,2));\n";

    [Theory]
    [InlineData("CREATE TABLE c (a, b) AS SELECT * FROM src;", new[] { "a", "b", "n" })]
    [InlineData("CREATE TABLE c (a) AS SELECT id, code FROM src;", new[] { "a", "code" })]
    [InlineData("CREATE TABLE c (a, b) AS SELECT id, id FROM src;", new[] { "a", "b" })]
    [InlineData("CREATE TABLE IF NOT EXISTS c (a) AS TABLE src WITH NO DATA;", new[] { "a", "code", "n" })]
    [InlineData("CREATE TABLE c (\"A b\", x) WITH (fillfactor = 70) TABLESPACE pg_default AS SELECT id, code FROM src;", new[] { "A b", "x" })]
    [InlineData("CREATE TABLE c USING heap WITH (fillfactor = 70) AS SELECT id FROM src;", new[] { "id" })]
    public void TheListNamesTheQuerysColumns(string create, string[] names)
    {
        var (catalog, diagnostics) = Run(Source + create);
        Assert.Empty(diagnostics);
        var copy = catalog.FindTable(Pg("c"))!;
        Assert.Equal(names, copy.Columns.Select(c => c.Name));
        Assert.All(copy.Columns, c => Assert.True(c.IsNullable && c.Default is null));
        Assert.Equal("integer", copy.Columns[0].Type);
    }

    [Fact]
    public void IfNotExists_OfAnExistingTable_SkipsEvenATooLongList()
    {
        var (catalog, diagnostics) = Run(Source + "CREATE TABLE c (z int);\nCREATE TABLE IF NOT EXISTS c (a, b, c, d) AS TABLE src;");
        Assert.Empty(diagnostics);
        Assert.Equal(["z"], catalog.FindTable(Pg("c"))!.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CREATE TABLE c (a, b, x, y) AS SELECT * FROM src;", "y")]
    [InlineData("CREATE TABLE c (a, b) AS SELECT id FROM src WITH NO DATA;", "b")]
    [InlineData("CREATE TABLE c (a, a) AS SELECT id, code FROM src;", "a)")]
    [InlineData("CREATE TABLE c (code) AS SELECT id, code FROM src;", "code)")]
    public void ARefusedList_IsReportedAtItsName(string create, string at)
    {
        var (catalog, diagnostics) = Run(Source + create);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TableCopyColumnNamesRefused, diagnostic.Code);
        Assert.Equal((2, create.LastIndexOf(at, StringComparison.Ordinal) + 1), (diagnostic.Line, diagnostic.Column));
        Assert.Null(catalog.FindTable(Pg("c")));
    }

    [Theory]
    [InlineData("CREATE TABLE c (a, b) AS VALUES (1, 'x');")]
    [InlineData("CREATE TABLE c (a) AS SELECT id || 'a' FROM src;")]
    [InlineData("CREATE TABLE c (a) WITH (fillfactor = 70) AS SELECT 1 || 'a';")]
    public void AnUnknownQuery_StaysUnsupportedAtAs(string create)
    {
        var (catalog, diagnostics) = Run(Source + create + "\nALTER TABLE c ADD COLUMN z int;");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.QueryShapedTableUsed, diagnostic.Code);
        Assert.Contains($"the CREATE TABLE ... AS at m.sql(2,{create.IndexOf(" AS ", StringComparison.Ordinal) + 2}) made it", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(Pg("c")));
    }

    [Theory]
    [InlineData("CREATE TABLE c (a, b);")]
    [InlineData("CREATE TABLE c (a) WITH (fillfactor = 70);")]
    public void AListWithoutAs_IsStillASyntaxError(string create)
    {
        var (_, diagnostics) = Run(Source + create);
        Assert.Equal(DiagnosticCodes.SyntaxError, Assert.Single(diagnostics).Code);
    }
}
