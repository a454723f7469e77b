using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A table created with columns SchemaTasks cannot know (CREATE TABLE ... AS, LIKE) is one error
/// where it is created; the statements that use it later are passed over, not reported as
/// naming a table no migration creates.
/// </summary>
public class UnknownShapeTableTests
{
    [Theory]
    [InlineData(SqlDialect.Postgres, "CREATE TABLE b AS SELECT * FROM v;")]
    [InlineData(SqlDialect.Postgres, "CREATE TABLE public.b (LIKE elsewhere INCLUDING ALL);")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE b AS SELECT * FROM a;")]
    [InlineData(SqlDialect.Postgres, "CREATE TABLE b PARTITION OF elsewhere DEFAULT;")]
    public void StatementsOnATableOfUnknownShape_AreOneError(SqlDialect dialect, string create)
    {
        var (catalog, diagnostics) = Run($"""
            CREATE TABLE a (id int PRIMARY KEY, n text);
            {create}
            ALTER TABLE b ADD PRIMARY KEY (id);
            ALTER TABLE b RENAME TO c;
            ALTER TABLE c ADD COLUMN extra int;
            DROP TABLE c;
            ALTER TABLE a ADD COLUMN later int;
            """, dialect);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 2), (finding.Code, finding.Line));
        Assert.Contains("passed over", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "n", "later"], catalog.Tables.Values.Single().Columns.Select(c => c.Name));
    }

    [Fact]
    public void APartitionOfATableTheMigrationsDoNotCreate_SaysSo()
    {
        var (_, diagnostics) = Run("CREATE TABLE p0 PARTITION OF p FOR VALUES IN (0);");
        Assert.Contains("CREATE TABLE p0 ... PARTITION OF: it inherits from p, which is not a table the migrations create", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableOfUnknownShape_DoesNotHideAMissingOne()
    {
        var (_, diagnostics) = Run("CREATE TABLE b AS SELECT 1 AS id;\nALTER TABLE missing ADD COLUMN x int;");
        Assert.Equal([DiagnosticCodes.UnsupportedStatement, DiagnosticCodes.TableNotFound], diagnostics.Select(d => d.Code));
    }
}
