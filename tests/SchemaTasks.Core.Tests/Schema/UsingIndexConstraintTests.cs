using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's <c>ADD CONSTRAINT ... PRIMARY KEY / UNIQUE USING INDEX</c> (hatchet's history swaps
/// primary keys this way): the constraint takes an earlier unique index's columns and name, and a
/// primary key makes them NOT NULL. The engine keeps the unique indexes a constraint can be made
/// from; over any other it says it cannot tell, where the constraint is written.
/// </summary>
public class UsingIndexConstraintTests
{
    private const string Table = "CREATE TABLE k (a int, b int, c int);\nCREATE UNIQUE INDEX CONCURRENTLY k_ab ON k (a, b);\n";

    [Theory]
    [InlineData("ALTER TABLE k ADD CONSTRAINT k_pkey PRIMARY KEY USING INDEX k_ab;", "k_pkey")]
    [InlineData("ALTER TABLE k ADD PRIMARY KEY USING INDEX k_ab;", "k_ab")]
    public void PrimaryKeyUsingIndex_MakesTheIndexColumnsNotNull(string attach, string name)
    {
        var (catalog, diagnostics) = Run(Table + attach);

        Assert.Empty(diagnostics);
        var table = catalog.Tables.Values.Single();
        Assert.Equal([name], table.OtherConstraints);
        Assert.Equal([false, false, true], table.Columns.Select(c => c.IsNullable));
    }

    [Fact]
    public void TheIndexFollowsRenamedColumns_AndTheKeyGoesWithADroppedOne()
    {
        var (catalog, diagnostics) = Run(Table + "ALTER TABLE k RENAME COLUMN a TO a2;\nALTER TABLE k ADD CONSTRAINT k_pkey PRIMARY KEY USING INDEX k_ab;\nALTER TABLE k DROP COLUMN c;\nALTER TABLE k DROP COLUMN b;");

        Assert.Empty(diagnostics);
        var table = catalog.Tables.Values.Single();
        Assert.False(table.Columns.Single(c => c.Name == "a2").IsNullable);
        Assert.Empty(table.OtherConstraints);
    }

    [Theory]
    [InlineData("CREATE UNIQUE INDEX k_ab ON k (lower(a::text));\n")]
    [InlineData("CREATE UNIQUE INDEX k_ab ON k (a, b) WHERE c > 0;\n")]
    [InlineData("CREATE UNIQUE INDEX k_ab ON k USING hash (a);\n")]
    [InlineData("CREATE UNIQUE INDEX k_ab ON k (a DESC);\n")]
    [InlineData("CREATE UNIQUE INDEX k_ab ON k (a, b);\nDROP INDEX IF EXISTS public.k_ab;\n")]
    [InlineData("")]
    public void PrimaryKeyUsingAnIndexNotKept_IsReportedWhereItIsWritten(string index)
    {
        var sql = "CREATE TABLE k (a int, b int, c int);\n" + index + "ALTER TABLE k\n    ADD PRIMARY KEY USING INDEX k_ab;";

        var (_, diagnostics) = Run(sql);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, sql.Split('\n').Length, 9), (error.Code, error.Line, error.Column));
        Assert.Contains("PRIMARY KEY USING INDEX k_ab", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expected", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE k ADD UNIQUE USING INDEX k_ab;", "k_ab")]
    [InlineData("ALTER TABLE k ADD CONSTRAINT k_ab_key UNIQUE USING INDEX k_ab DEFERRABLE;", "k_ab_key")]
    public void UniqueUsingIndex_IsNamedAsPostgresNamesIt_AndKnowsItsColumns(string attach, string expected)
    {
        var (catalog, diagnostics) = Run(Table + attach + "\nALTER TABLE k DROP COLUMN c;");
        var (dropped, _) = Run(Table + attach + "\nALTER TABLE k DROP COLUMN a;");

        Assert.Empty(diagnostics);
        Assert.Equal([expected], catalog.Tables.Values.Single().OtherConstraints);
        Assert.Empty(dropped.Tables.Values.Single().OtherConstraints);
    }

    [Fact]
    public void UniqueUsingAnIndexNotKept_IsKept_ButALaterDropColumnIsNotGuessed()
    {
        const string Attached = "CREATE TABLE k (a int, b int, c int);\nCREATE UNIQUE INDEX k_ab ON k ((a + b));\nALTER TABLE k ADD UNIQUE USING INDEX k_ab;\n";

        var (kept, none) = Run(Attached);
        var (_, undecided) = Run(Attached + "ALTER TABLE k DROP COLUMN c;");
        var (catalog, decided) = Run(Attached + "ALTER TABLE k DROP CONSTRAINT k_ab;\nALTER TABLE k DROP COLUMN c;");

        Assert.Empty(none);
        Assert.Equal(["k_ab"], kept.Tables.Values.Single().OtherConstraints);
        var error = Assert.Single(undecided);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 4, 15), (error.Code, error.Line, error.Column));
        Assert.Contains("UNIQUE USING INDEX", error.Message, StringComparison.Ordinal);
        Assert.Empty(decided);
        Assert.Equal(["a", "b"], catalog.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CREATE UNIQUE INDEX ON k (a);")]
    [InlineData("CREATE UNIQUE INDEX IF NOT EXISTS u ON ONLY public.k USING btree (a ASC, b) INCLUDE (c) NULLS NOT DISTINCT WITH (fillfactor = 90);")]
    [InlineData("CREATE UNIQUE INDEX u ON missing (a);")]
    [InlineData("CREATE UNIQUE INDEX u ON k (a")]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS nothing_here, public.nor_here CASCADE;")]
    public void IndexStatements_AreNeverReported(string statement)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE k (a int, b int, c int);\n" + statement);

        Assert.Empty(diagnostics);
        Assert.Empty(catalog.Tables.Values.Single().OtherConstraints);
    }

    [Fact]
    public void MySqlPrimaryKeyWithAnIndexType_StillReadsItsColumns()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE k (a int NOT NULL, b int, PRIMARY KEY USING BTREE (a));", SqlDialect.MySql);

        Assert.Empty(diagnostics);
        Assert.Equal(["PRIMARY"], catalog.Tables.Values.Single().OtherConstraints);
    }
}
