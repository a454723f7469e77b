using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's <c>PRIMARY KEY USING INDEX</c> (hatchet's history swaps a primary key this way)
/// makes the index's columns NOT NULL; the engine keeps no PostgreSQL indexes, so it says it
/// cannot tell which, where the constraint is written, instead of a misleading syntax error.
/// </summary>
public class UsingIndexConstraintTests
{
    [Theory]
    [InlineData("CREATE TABLE k (a int, b int);\nCREATE UNIQUE INDEX k_ab ON k (a, b);\nALTER TABLE k ADD CONSTRAINT k_pkey PRIMARY KEY USING INDEX k_ab;", 3, 19)]
    [InlineData("CREATE TABLE k (a int);\nCREATE UNIQUE INDEX k_a ON k (a);\nALTER TABLE k\n    ADD PRIMARY KEY USING INDEX k_a;", 4, 9)]
    public void PrimaryKeyUsingIndex_IsReportedAsNotModelled_WhereItIsWritten(string sql, int line, int column)
    {
        var (_, diagnostics) = Run(sql);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, line, column), (error.Code, error.Line, error.Column));
        Assert.Contains("PRIMARY KEY USING INDEX", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expected", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE k ADD UNIQUE USING INDEX k_ab_idx;", "k_ab_idx")]
    [InlineData("ALTER TABLE k ADD CONSTRAINT k_ab_key UNIQUE USING INDEX k_ab_idx DEFERRABLE;", "k_ab_key")]
    public void UniqueUsingIndex_IsNamedAsPostgresNamesIt(string attach, string expected)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE k (a int, b int);\nCREATE UNIQUE INDEX k_ab_idx ON k (a, b);\n" + attach);

        Assert.Empty(diagnostics);
        Assert.Equal([expected], catalog.Tables.Values.Single().OtherConstraints);
    }

    [Fact]
    public void DroppingAColumn_AfterUniqueUsingIndex_CannotBeDecided_UntilTheConstraintIsGone()
    {
        const string Attached = "CREATE TABLE k (a int, b int, c int);\nCREATE UNIQUE INDEX k_ab_idx ON k (a, b);\nALTER TABLE k ADD UNIQUE USING INDEX k_ab_idx;\n";

        var (_, undecided) = Run(Attached + "ALTER TABLE k DROP COLUMN c;");
        var (catalog, decided) = Run(Attached + "ALTER TABLE k DROP CONSTRAINT k_ab_idx;\nALTER TABLE k DROP COLUMN c;");

        var error = Assert.Single(undecided);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 4, 15), (error.Code, error.Line, error.Column));
        Assert.Contains("UNIQUE USING INDEX", error.Message, StringComparison.Ordinal);
        Assert.Empty(decided);
        Assert.Equal(["a", "b"], catalog.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Fact]
    public void MySqlPrimaryKeyWithAnIndexType_StillReadsItsColumns()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE k (a int NOT NULL, b int, PRIMARY KEY USING BTREE (a));", SqlDialect.MySql);

        Assert.Empty(diagnostics);
        Assert.Single(catalog.Tables);
    }
}
