using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL and MariaDB read a backslash in a string as an escape, but keep the backslash of <c>\%</c>
/// and <c>\_</c>: <c>enum('pct\%')</c> lists <c>pct\%</c>, which COLUMN_TYPE shows as
/// <c>enum('pct\\%')</c>. The labels were read back from MariaDB 10.11.
/// </summary>
public sealed class MySqlStringEscapeTests
{
    [Theory]
    [InlineData(SqlDialect.MariaDb)]
    [InlineData(SqlDialect.MySql)]
    public void EnumLabels_AreTheServersReading(SqlDialect dialect)
    {
        var catalog = Clean("""
            CREATE TABLE t (a enum('pct\%', 'un\_d', 'n\nl', 'q\'s', 'b\\s', 'z\z', 't\tb', 'zero\0', 'cz\Z', 'pp%', "dq\"x"));
            """, dialect);
        var column = catalog.FindTable(My("t"))!.FindColumn("a", dialect)!;
        Assert.Equal(["pct\\%", "un\\_d", "n\nl", "q's", "b\\s", "zz", "t\tb", "zero\0", "cz\u001A", "pp%", "dq\"x"], column.InlineValues!.Values.ToArray());
        Assert.StartsWith(@"enum('pct\\%','un\\_d',", column.Type, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckValues_KeepTheBackslashOfPercentAndUnderscore()
    {
        var catalog = Clean("CREATE TABLE t (a varchar(10), CONSTRAINT c CHECK (a IN ('x\\%', 'y\\_z', 'w\\n')));", SqlDialect.MariaDb);
        Assert.Equal(["x\\%", "y\\_z", "w\n"], catalog.GetAllowedValues("t.a")!.Values.ToArray());
    }

    [Fact]
    public void AStatementRunFromAString_ReadsItsEscapesAsTheServerDoes()
    {
        // The string's \\% is \% in the statement it holds, which lists pct\% (\\ is one backslash, then \% keeps its own).
        var catalog = Clean("""
            SET @s = 'CREATE TABLE t (a enum(\'pct\\%\', \'un\_d\', \'n\\nl\'))';
            PREPARE st FROM @s;
            EXECUTE st;
            """, SqlDialect.MariaDb);
        Assert.Equal(["pct\\%", "un\\_d", "n\nl"], catalog.FindTable(My("t"))!.FindColumn("a", SqlDialect.MariaDb)!.InlineValues!.Values.ToArray());
    }
}
