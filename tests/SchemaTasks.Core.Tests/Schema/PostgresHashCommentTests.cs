using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A MySQL-style '#' comment line in a PostgreSQL migration: the server reads '#' as an operator
/// and refuses the statement it starts (42601, syntax error at or near "#"), so it is reported
/// there (ST2010), never passed over with the statement after it lost.
/// </summary>
public class PostgresHashCommentTests
{
    [Fact]
    public void HashLineBeforeAStatement_IsTheServersSyntaxError()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE a (id int);\n# a note\nCREATE TABLE t (id int);");

        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, DiagnosticSeverity.Error, 2, 1), (finding.Code, finding.Severity, finding.Line, finding.Column));
        Assert.Contains("42601", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(catalog.FindTable(Pg("a")));
    }

    [Theory]
    [InlineData("SELECT 1 # 2;")]
    [InlineData("SELECT '#';")]
    [InlineData("-- # note\nSELECT 1;")]
    [InlineData("DO $$ BEGIN PERFORM 1; END $$;")]
    [InlineData("CREATE FUNCTION f(x int) RETURNS int LANGUAGE plpgsql AS $$\n#variable_conflict use_column\nBEGIN RETURN x; END $$;")]
    public void HashTheServerTakes_IsNotReported(string sql)
        => Assert.Empty(Run(sql).Diagnostics);

    [Fact]
    public void MySql_ReadsHashAsAComment()
        => Assert.NotNull(Clean("# a note\nCREATE TABLE t (id int);", SqlDialect.MariaDb).FindTable(My("t")));
}
