using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Type arguments MariaDB reads as a default or writes without (checked on 10.11 with
/// information_schema.COLUMNS.COLUMN_TYPE): precision 0 of a DECIMAL is 10, float(0,0) and
/// double(0,0) have no width, nor has any double(M,39), a fractional-seconds precision written 00
/// is none, leading zeros go, and YEAR(2) stays.
/// </summary>
public class MariaDbTypeSpellingTests
{
    [Theory]
    [InlineData("decimal(0)", "decimal(10,0)")]
    [InlineData("decimal(0,0)", "decimal(10,0)")]
    [InlineData("numeric(000,000)", "decimal(10,0)")]
    [InlineData("decimal(0) unsigned", "decimal(10,0) unsigned")]
    [InlineData("decimal(05,02)", "decimal(5,2)")]
    [InlineData("double(0,0)", "double")]
    [InlineData("real(0,0)", "double")]
    [InlineData("float(0,0) zerofill", "float unsigned zerofill")]
    [InlineData("double(05,02)", "double(5,2)")]
    [InlineData("double(50,39)", "double")]
    [InlineData("float(39,39)", "float")]
    [InlineData("float(0)", "float")]
    [InlineData("datetime(00)", "datetime")]
    [InlineData("time(0)", "time")]
    [InlineData("timestamp(000) null", "timestamp")]
    [InlineData("datetime(01)", "datetime(1)")]
    [InlineData("char(0)", "char(0)")]
    [InlineData("varchar(0)", "varchar(0)")]
    [InlineData("varchar(007)", "varchar(7)")]
    [InlineData("bit(0)", "bit(1)")]
    [InlineData("year(2)", "year(2)")]
    [InlineData("year(02)", "year(2)")]
    [InlineData("year(3)", "year(4)")]
    public void The_type_is_spelled_as_the_server_shows_it(string written, string shown)
    {
        var table = Clean($"CREATE TABLE t (a {written});", SqlDialect.MariaDb).FindTable(My("t"))!;
        Assert.Equal(shown, table.FindColumn("a", SqlDialect.MariaDb)!.Type);
    }

    [Fact]
    public void MySql_keeps_what_was_not_checked_on_its_server()
    {
        var table = Clean("CREATE TABLE t (a decimal(0), b double(0,0), c datetime(00), d decimal(05,02));", SqlDialect.MySql).FindTable(My("t"))!;
        Assert.Equal(["decimal(0,0)", "double(0,0)", "datetime", "decimal(5,2)"], table.Columns.Select(c => c.Type));
    }
}
