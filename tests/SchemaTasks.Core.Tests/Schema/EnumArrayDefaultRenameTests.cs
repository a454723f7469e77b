using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// <c>ALTER TYPE ... RENAME VALUE</c> in the defaults of enum array columns, which PostgreSQL
/// shows written again as <c>array_out</c> writes arrays (PostgreSQL 15 checked by the differential
/// test PostgresEnumArrayDefaultTests).
/// </summary>
public class EnumArrayDefaultRenameTests
{
    private static IEnumerable<string?> Defaults(Catalog catalog) => catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Default);

    [Fact]
    public void ArrayLiteralDefaults_AreWrittenAgainWithTheNewLabel()
    {
        var catalog = Clean("""
            CREATE TYPE st AS ENUM ('a', 'b', 'c d');
            CREATE TABLE t (x1 st[] DEFAULT '{a,b}', x2 st[] DEFAULT ' { "a" , "c d", null } ', x3 st[] DEFAULT '{{a},{b}}', x4 st[] DEFAULT '{b}', x5 st[] DEFAULT ARRAY['b', 'a']::st[]);
            ALTER TYPE st RENAME VALUE 'a' TO 'aa';
            """);
        Assert.Equal(["'{aa,b}'", "'{aa,\"c d\",NULL}'", "'{{aa},{b}}'", "'{b}'", "array['b'::st, 'aa'::st]"], Defaults(catalog));
    }

    [Theory]
    [InlineData("x,y", "'{\"x,y\",b}'")]
    [InlineData("null", "'{\"null\",b}'")]
    [InlineData("it's", "'{it''s,b}'")]
    [InlineData("q\"\\", "'{\"q\\\"\\\\\",b}'")]
    [InlineData("", "'{\"\",b}'")]
    public void ANewLabelIsQuotedAsTheServerQuotesIt(string label, string expected)
    {
        var catalog = Clean($$"""
            CREATE TYPE st AS ENUM ('a', 'b');
            CREATE TABLE t (x st[] DEFAULT '{a,b}');
            ALTER TYPE st RENAME VALUE 'a' TO '{{label.Replace("'", "''", StringComparison.Ordinal)}}';
            """);
        Assert.Equal([expected], Defaults(catalog));
    }

    [Fact]
    public void ADefaultThatCannotBeReadButNamesTheLabel_IsReportedAndKept()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TYPE st AS ENUM ('a', 'b');
            CREATE TABLE t (x st[] DEFAULT '{a\b}', y st[] DEFAULT '{b}', z st[] DEFAULT '[1:1]={b}');
            ALTER TYPE st RENAME VALUE 'a' TO 'aa';
            """);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.EnumArrayDefaultUnread, DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains("column x of t", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["'{a\\b}'", "'{b}'", "'[1:1]={b}'"], Defaults(catalog));
    }

    [Theory]
    [InlineData("{a,b", null)]
    [InlineData("{a,{b}}", null)]
    [InlineData("{\"a\" b}", null)]
    [InlineData("{a,,b}", null)]
    [InlineData("{}", "{}")]
    [InlineData("{ NULL ,\"NULL\", a b }", "{NULL,\"NULL\",\"a b\"}")]
    public void TheArrayReader_ReadsOnlyWhatItCanReadExactly(string text, string? written)
    {
        var items = PostgresArrayLiteral.TryRead(text);
        Assert.Equal(written, items is null ? null : PostgresArrayLiteral.Write(items));
    }
}
