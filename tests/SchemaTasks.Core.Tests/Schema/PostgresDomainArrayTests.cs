using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Arrays of a PostgreSQL domain, as PostgreSQL 15 takes them: a string default is read element
/// by element with the domain's input, which checks its constraints (23514, 23502), while
/// <c>ARRAY[...]::d[]</c> is checked only when a row is written; an ALTER DOMAIN that checks the
/// values stored is refused while a column holds the domain in an array (0A000); the column's
/// allowed values are the domain's.
/// </summary>
public class PostgresDomainArrayTests
{
    private const string Domain = "CREATE DOMAIN d AS text CHECK (VALUE IN ('a', 'b'));\n";

    [Theory]
    [InlineData("CREATE TABLE t (c d[] DEFAULT '{c}');", "23514")]
    [InlineData("CREATE TABLE t (c d[] DEFAULT '{a,c}'::d[]);", "23514")]
    [InlineData("CREATE TABLE t (c d[] DEFAULT '{{a},{\"c\"}}');", "23514")]
    [InlineData("CREATE TABLE t (c text DEFAULT '{c}'::d[]);", "23514")]
    [InlineData("CREATE DOMAIN d2 AS d;\nCREATE TABLE t (c d2[] DEFAULT '{c}');", "23514")]
    [InlineData("CREATE DOMAIN dd AS d[];\nCREATE TABLE t (c dd DEFAULT '{c}');", "23514")]
    [InlineData("CREATE DOMAIN dd AS d[] DEFAULT '{c}';", "23514")]
    [InlineData("CREATE DOMAIN n AS text NOT NULL;\nCREATE TABLE t (c n[] DEFAULT '{a,NULL}');", "23502")]
    public void AStringDefaultTheDomainRefuses_IsReported(string sql, string sqlState)
    {
        var (catalog, diagnostics) = Run(Domain + sql);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DefaultNotOfColumnType, diagnostic.Code);
        Assert.Contains("SQLSTATE " + sqlState, diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(Pg("t")));
    }

    [Theory]
    [InlineData("CREATE TABLE t (c d[] DEFAULT '{a,NULL,\"b\"}');")]
    [InlineData("CREATE TABLE t (c d[] DEFAULT ARRAY['c']::d[]);")] // Checked when a row is written.
    [InlineData("CREATE TABLE t (c d DEFAULT 'c');")] // So is a scalar domain's default.
    [InlineData("CREATE DOMAIN i AS int CHECK (VALUE IN (1, 2));\nCREATE TABLE t (c i[] DEFAULT '{01}');")] // Not a string domain: not judged.
    public void ADefaultTheServerTakes_IsKept(string sql)
    {
        var (catalog, diagnostics) = Run(Domain + sql);
        Assert.Empty(diagnostics);
        Assert.NotNull(catalog.FindTable(Pg("t")));
    }

    [Theory]
    [InlineData("CREATE TABLE t (c d[]);", "ALTER DOMAIN d ADD CONSTRAINT x CHECK (VALUE <> 'a');")]
    [InlineData("CREATE TABLE t (c d[]);", "ALTER DOMAIN d SET NOT NULL;")]
    [InlineData("CREATE TABLE t (c d[]);\nALTER DOMAIN d ADD CONSTRAINT x CHECK (VALUE <> 'a') NOT VALID;", "ALTER DOMAIN d VALIDATE CONSTRAINT x;")]
    [InlineData("CREATE DOMAIN d2 AS d;\nCREATE TABLE t (c d2[]);", "ALTER DOMAIN d ADD CHECK (VALUE <> 'a');")]
    [InlineData("CREATE DOMAIN dd AS d[];\nCREATE TABLE t (c dd);", "ALTER DOMAIN d SET NOT NULL;")]
    public void AnAlterDomainThatChecksArrayValues_IsRefused(string setup, string alter)
    {
        var (catalog, diagnostics) = Run(Domain + setup + "\n" + alter);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.DomainInArrayNotAltered, diagnostic.Code);
        Assert.Equal((Domain + setup).Split('\n').Length + 1, diagnostic.Line);
        var domain = catalog.Domains[Pg("d")];
        Assert.False(domain.IsNotNull);
        Assert.Equal(setup.Contains("NOT VALID", StringComparison.Ordinal) ? 2 : 1, domain.Checks.Length);
    }

    [Fact]
    public void AnAlterDomainThatChecksNothingStored_IsApplied()
    {
        var catalog = Clean(Domain + """
            CREATE TABLE t (c d[], s d);
            ALTER DOMAIN d ADD CONSTRAINT x CHECK (VALUE IN ('a')) NOT VALID;
            ALTER DOMAIN d SET DEFAULT 'a';
            ALTER DOMAIN d DROP NOT NULL;
            ALTER DOMAIN d DROP CONSTRAINT d_check;
            """);
        Assert.Equal(["a"], catalog.GetAllowedValues(Pg("t"), "c")!.Values.ToArray());
    }

    [Fact]
    public void WithoutAnArrayColumn_TheAlterDomainIsApplied()
    {
        var catalog = Clean(Domain + "CREATE TABLE t (c d);\nALTER DOMAIN d SET NOT NULL;\nALTER DOMAIN d ADD CONSTRAINT x CHECK (VALUE IN ('a'));\nALTER DOMAIN d VALIDATE CONSTRAINT x;");
        Assert.True(catalog.Domains[Pg("d")].IsNotNull);
        Assert.Equal(["a"], catalog.GetAllowedValues(Pg("t"), "c")!.Values.ToArray());
    }
}
