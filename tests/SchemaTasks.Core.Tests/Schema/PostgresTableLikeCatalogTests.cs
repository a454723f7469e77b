using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL <c>CREATE TABLE t (LIKE source ...)</c> in the engine alone; the server's side is
/// in the Npgsql project's PostgresTableLikeTests.
/// </summary>
public sealed class PostgresTableLikeCatalogTests
{
    private const string Source = "CREATE TABLE src (id int GENERATED ALWAYS AS IDENTITY, k text NOT NULL DEFAULT 'a' CHECK (k <> ''), n int, g int GENERATED ALWAYS AS (n * 2) STORED, PRIMARY KEY (id), CONSTRAINT uq UNIQUE (n));\n";

    [Fact]
    public void LikeAlone_CopiesColumnsTypesAndNotNull_Only()
    {
        var copy = Clean(Source + "CREATE TABLE c (LIKE src);").Tables[Pg("c")];
        Assert.Equal(["id", "k", "n", "g"], copy.Columns.Select(c => c.Name));
        Assert.Equal((false, false, (string?)null), (copy.Columns[0].IsNullable, copy.Columns[0].IsIdentity, copy.Columns[1].Default));
        Assert.Null(copy.Columns[3].GeneratedExpression);
        Assert.Empty(copy.Checks);
        Assert.Empty(copy.Keys);
    }

    [Fact]
    public void IncludingAll_CopiesTheRest_WithKeysNamedForTheNewTable()
    {
        var copy = Clean(Source + "CREATE TABLE c (pre int, LIKE src INCLUDING ALL, post int);").Tables[Pg("c")];
        Assert.Equal(["pre", "id", "k", "n", "g", "post"], copy.Columns.Select(c => c.Name));
        Assert.True(copy.Columns[1].IsIdentity);
        Assert.Equal("'a'", copy.Columns[2].Default);
        Assert.NotNull(copy.Columns[4].GeneratedExpression);
        Assert.Equal(["src_k_check"], copy.Checks.Select(c => c.Name));
        Assert.Equal(["c_n_key", "c_pkey"], copy.Keys.Keys.Order());
    }

    [Fact]
    public void AColumnTakenTwice_IsRefused()
    {
        var (catalog, diagnostics) = Run(Source + "CREATE TABLE c (n int, LIKE src);");
        Assert.Equal((DiagnosticCodes.ColumnExists, 2), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
        Assert.Null(catalog.FindTable(Pg("c")));
    }
}
