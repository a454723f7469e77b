using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB stores a number default of a FLOAT or DOUBLE column and shows the number its own way
/// (each value checked on MariaDB 10.11; the differential test runs them there). Seen in
/// Icinga/icinga2's MySQL schema: <c>execution_time double default '0'</c>. MySQL 8 keeps the
/// written text, not checked on a server.
/// </summary>
public class MariaDbFloatingDefaultTests
{
    [Theory]
    [InlineData("double", "'0'", "0")]
    [InlineData("double", "'1e3'", "1000")]
    [InlineData("double", "1e3", "1000")]
    [InlineData("double", "'0.1'", "0.1")]
    [InlineData("double", "'1.50'", "1.5")]
    [InlineData("double", "'-0'", "0")]
    [InlineData("double", "'1e-7'", "0.0000001")]
    [InlineData("double", "'123456789012'", "123456789012")]
    [InlineData("double", "' 2 '", "2")]
    [InlineData("double", "'.5'", "0.5")]
    [InlineData("double", "TRUE", "1")]
    [InlineData("double", "'3.14159265358979323846'", "3.141592653589793")]
    [InlineData("double", "'0.30000000000000004'", "0.30000000000000004")]
    [InlineData("double", "'999999999999999'", "999999999999999")]
    [InlineData("double", "'1e15'", "1e15")]
    [InlineData("double", "'1234567890123456'", "1.234567890123456e15")]
    [InlineData("double", "'12345678901234567890'", "1.2345678901234567e19")]
    [InlineData("double", "'1e-15'", "0.000000000000001")]
    [InlineData("double", "'1e-16'", "1e-16")]
    [InlineData("double", "'-1e16'", "-1e16")]
    [InlineData("real", "'2'", "2")]
    [InlineData("double precision", "'7'", "7")]
    [InlineData("float", "'1.5'", "1.5")]
    [InlineData("float", "'0.1'", "0.1")]
    [InlineData("float", "'123456789012'", "123457000000")]
    [InlineData("float", "'3.14159265358979323846'", "3.14159")]
    [InlineData("float", "'16777217'", "16777200")]
    [InlineData("float", "'1e14'", "100000000000000")]
    [InlineData("float", "'1e15'", "1e15")]
    [InlineData("double(5,2)", "'0'", "0.00")]
    [InlineData("double(5,2)", "'1.5'", "1.50")]
    [InlineData("float(7,3)", "'1.5'", "1.500")]
    [InlineData("double(10,4)", "'1e3'", "1000.0000")]
    [InlineData("double(5,2)", "'1.555'", "'1.555'")]
    [InlineData("double unsigned", "'-1'", "'-1'")]
    public void NumberDefault_IsShownAsTheServerShowsIt(string type, string written, string stored)
    {
        var catalog = Clean($"CREATE TABLE t (a {type} DEFAULT {written});", SqlDialect.MariaDb);
        Assert.Equal(stored, catalog.FindTable(My("t"))!.FindColumn("a", SqlDialect.MariaDb)!.Default);
    }

    [Fact]
    public void MySql_KeepsTheWrittenText()
    {
        var catalog = Clean("CREATE TABLE t (a double DEFAULT '0');", SqlDialect.MySql);
        Assert.Equal("'0'", catalog.FindTable(My("t"))!.FindColumn("a", SqlDialect.MySql)!.Default);
    }
}
