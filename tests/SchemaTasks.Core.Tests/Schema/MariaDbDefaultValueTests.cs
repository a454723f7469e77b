using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB's constant defaults of number, string, date and time columns: the value it stores, and
/// the values it refuses (error 1067) in any sql_mode. Each was read from, or refused by, MariaDB 10.11.
/// </summary>
public sealed class MariaDbDefaultValueTests
{
    [Theory]
    [InlineData("tinyint", "300")]
    [InlineData("tinyint", "-129")]
    [InlineData("tinyint", "127.5")]
    [InlineData("tinyint", "'1e3'")]
    [InlineData("int unsigned", "-1")]
    [InlineData("int unsigned", "'-1'")]
    [InlineData("int", "2147483648")]
    [InlineData("bigint", "9223372036854775808")]
    [InlineData("mediumint unsigned", "16777216")]
    [InlineData("int", "'abc'")]
    [InlineData("int", "'12abc'")]
    [InlineData("int", "''")]
    [InlineData("int", "'0x10'")]
    [InlineData("int", "'- 5'")]
    [InlineData("float", "'abc'")]
    [InlineData("decimal(3,1)", "1000")]
    [InlineData("decimal(3,1)", "99.99")]
    [InlineData("decimal(3,1)", "'12x'")]
    [InlineData("decimal(5,2) unsigned", "-0.001")]
    [InlineData("year", "1900")]
    [InlineData("year", "2156")]
    [InlineData("varchar(2)", "'abc'")]
    [InlineData("varchar(2)", "'ab '")]
    [InlineData("varchar(3)", "1234")]
    [InlineData("char(3)", "'abcd'")]
    [InlineData("binary(2)", "'abc'")]
    [InlineData("varbinary(3)", "'éé'")]
    [InlineData("date", "'2020-13-01'")]
    [InlineData("date", "'2019-02-29'")]
    [InlineData("date", "'abc'")]
    [InlineData("date", "''")]
    [InlineData("datetime", "'2020-01-01 25:00:00'")]
    [InlineData("time", "'839:00:00'")]
    [InlineData("time", "'1:2:60'")]
    [InlineData("timestamp NULL", "'1960-01-01'")]
    public void AValueTheColumnCannotHold_IsRefused(string type, string value)
    {
        var (catalog, diagnostics) = Run($"CREATE TABLE t (id int);\nCREATE TABLE u (c {type} DEFAULT {value});", SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DefaultNotOfColumnType, DiagnosticSeverity.Error, 2), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains("error 1067", refusal.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(My("u")));
    }

    [Theory]
    [InlineData("ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x';")]
    [InlineData("ALTER TABLE t MODIFY c tinyint DEFAULT 200;")]
    [InlineData("ALTER TABLE t ADD d date DEFAULT '2020-02-30';")]
    public void AlterTable_IsRefusedToo(string alter)
    {
        var refusal = Assert.Single(Run("CREATE TABLE t (c int);\n" + alter, SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.DefaultNotOfColumnType, 2), (refusal.Code, refusal.Line));
    }

    [Fact]
    public void WithoutStrictMode_TheDefaultIsStillRefused()
    {
        var refusal = Assert.Single(Run("SET sql_mode = '';\nCREATE TABLE t (c tinyint DEFAULT 300);", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal(DiagnosticCodes.DefaultNotOfColumnType, refusal.Code);
    }

    [Fact]
    public void AllowInvalidDates_TakesADayPastItsMonth()
    {
        var (catalog, diagnostics) = Run("SET sql_mode = 'STRICT_TRANS_TABLES,ALLOW_INVALID_DATES';\nCREATE TABLE t (c date DEFAULT '2019-02-29');\nCREATE TABLE u (c date DEFAULT '2019-02-32');", SqlDialect.MariaDb);
        Assert.Equal((DiagnosticCodes.DefaultNotOfColumnType, 3), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
        Assert.NotNull(catalog.FindTable(My("t")));
    }

    [Theory]
    [InlineData("int", "' 12 '", "12")]
    [InlineData("int", "1.5", "2")]
    [InlineData("int", "'1.5'", "2")]
    [InlineData("int", "-1.5", "-2")]
    [InlineData("int", "'1e3'", "1000")]
    [InlineData("int", "'+5'", "5")]
    [InlineData("int unsigned", "-0", "0")]
    [InlineData("tinyint", "-128", "-128")]
    [InlineData("bigint unsigned", "18446744073709551615", "18446744073709551615")]
    [InlineData("decimal(3,1)", "99.94", "99.9")]
    [InlineData("decimal(4,1)", "-1.25", "-1.3")]
    [InlineData("decimal(5,2)", "-0.001", "0.00")]
    [InlineData("year", "99", "1999")]
    [InlineData("year", "5", "2005")]
    [InlineData("year", "'2020'", "2020")]
    [InlineData("year", "0", "0000")]
    [InlineData("year", "'0'", "2000")]
    [InlineData("char(2)", "'ab '", "'ab'")]
    [InlineData("char(3)", "' a '", "' a'")]
    [InlineData("varchar(2)", "'éé'", "'éé'")]
    [InlineData("date", "'2020-1-1'", "'2020-01-01'")]
    [InlineData("date", "'2020-1-1 10:00'", "'2020-01-01'")]
    [InlineData("date", "'0000-00-00'", "'0000-00-00'")]
    [InlineData("date", "'2020-00-05'", "'2020-00-05'")]
    [InlineData("date", "'2020-02-29'", "'2020-02-29'")]
    [InlineData("datetime", "'2020-01-01 10:00'", "'2020-01-01 10:00:00'")]
    [InlineData("datetime", "'2020-01-01T10:00:00'", "'2020-01-01 10:00:00'")]
    [InlineData("datetime", "'2020-01-01 10:00:00.9'", "'2020-01-01 10:00:00'")]
    [InlineData("datetime(3)", "'2020-01-01 10:00'", "'2020-01-01 10:00:00.000'")]
    [InlineData("datetime(2)", "'2020-01-01 10:00:00.129'", "'2020-01-01 10:00:00.12'")]
    [InlineData("timestamp NULL", "'2020-01-01'", "'2020-01-01 00:00:00'")]
    [InlineData("timestamp(2) NULL", "'2020-01-01 10:00:00.5'", "'2020-01-01 10:00:00.50'")]
    [InlineData("time", "'1:2:3'", "'01:02:03'")]
    [InlineData("time", "'-838:59:59'", "'-838:59:59'")]
    [InlineData("time(1)", "'10:00:00.55'", "'10:00:00.5'")]
    [InlineData("date", "'20200101'", "'20200101'")]
    public void AValueTheColumnHolds_IsStoredAsTheServerShowsIt(string type, string value, string stored)
    {
        var catalog = Clean($"CREATE TABLE t (c {type} DEFAULT {value});", SqlDialect.MariaDb);
        Assert.Equal(stored, catalog.FindTable(My("t"))!.FindColumn("c", SqlDialect.MariaDb)!.Default);
    }

    [Fact]
    public void MySql_IsNotJudged()
    {
        var catalog = Clean("CREATE TABLE t (a tinyint DEFAULT 300, b date DEFAULT '2020-1-1');", SqlDialect.MySql);
        Assert.Equal("'2020-1-1'", catalog.FindTable(My("t"))!.FindColumn("b", SqlDialect.MySql)!.Default);
    }
}
