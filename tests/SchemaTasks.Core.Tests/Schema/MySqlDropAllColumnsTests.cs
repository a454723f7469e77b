using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL and MariaDB refuse an ALTER TABLE that leaves a table without a column (error 1090,
/// checked on MariaDB 10.11); PostgreSQL keeps a table with no columns.
/// </summary>
public class MySqlDropAllColumnsTests
{
    [Theory]
    [InlineData(SqlDialect.MySql, "ALTER TABLE t DROP COLUMN a, DROP COLUMN b;")]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE t DROP COLUMN a, DROP COLUMN b;")]
    [InlineData(SqlDialect.MariaDb, "ALTER TABLE t DROP b, DROP COLUMN IF EXISTS a, DROP COLUMN IF EXISTS z;")]
    public void DroppingEveryColumn_IsRefused_AndTheTableKept(SqlDialect dialect, string alter)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int, b int);\n" + alter, dialect);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.AllColumnsDropped, refusal.Code);
        Assert.Equal(2, refusal.Line);
        Assert.Contains("1090", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void DroppingEveryColumnWhileAddingOne_IsAccepted()
    {
        var catalog = Clean("CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN a, DROP COLUMN b, ADD COLUMN c int;", SqlDialect.MariaDb);
        Assert.Equal(["c"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name).ToArray());
    }

    [Fact]
    public void Postgres_KeepsATableWithoutColumns()
    {
        var catalog = Clean("CREATE TABLE t (a int);\nALTER TABLE t DROP COLUMN a;");
        Assert.Empty(catalog.FindTable(Pg("t"))!.Columns);
    }
}
