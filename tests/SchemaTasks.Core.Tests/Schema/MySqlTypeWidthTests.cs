using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Widths, lengths, precisions and scales the server refuses (ST3088), with the error MariaDB
/// 10.11 gave for each; MySQL 8 only where its manual gives the same limit and error.
/// </summary>
public class MySqlTypeWidthTests
{
    [Theory]
    [InlineData("int(256)", 1439)]
    [InlineData("tinyint(0256) unsigned", 1439)]
    [InlineData("bigint(99999999999999)", 1439)]
    [InlineData("bit(65)", 1439)]
    [InlineData("decimal(66)", 1426)]
    [InlineData("decimal(10,31)", 1427)]
    [InlineData("decimal(40,39)", 1425)]
    [InlineData("decimal(66,40)", 1425)]
    [InlineData("double(255,31)", 1425)]
    [InlineData("float(29,30)", 1427)]
    [InlineData("double(256,0)", 1439)]
    [InlineData("double(300,39)", 1439)]
    [InlineData("float(54)", 1063)]
    [InlineData("varchar(70000)", 1074)]
    [InlineData("varbinary(65533)", 1074)]
    [InlineData("varchar(4294967296)", 1439)]
    [InlineData("char(256)", 1074)]
    [InlineData("binary(300)", 1074)]
    [InlineData("datetime(7)", 1426)]
    [InlineData("time(7)", 1426)]
    [InlineData("timestamp(7) null", 1426)]
    public void MariaDb_refuses_the_width_with_its_error(string type, int error)
    {
        foreach (var sql in new[] { $"CREATE TABLE t (a int, b {type});", $"CREATE TABLE t (a int);\nALTER TABLE t ADD b {type};", $"CREATE TABLE t (a int, b int);\nALTER TABLE t MODIFY b {type};" })
        {
            var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
            var refusal = Assert.Single(diagnostics);
            Assert.Equal((DiagnosticCodes.TypeWidthRefused, DiagnosticSeverity.Error, sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
            Assert.Contains($"error {error}", refusal.Message, StringComparison.Ordinal);
            Assert.True(catalog.FindTable(My("t")) is not { } t || t.FindColumn("b", SqlDialect.MariaDb) is null or { Type: "int(11)" });
        }
    }

    [Theory]
    [InlineData("int(255)")]
    [InlineData("bit(64)")]
    [InlineData("decimal(65,30)")]
    [InlineData("decimal(65,38)")]
    [InlineData("double(255,30)")]
    [InlineData("double(10,39)")]
    [InlineData("float(53)")]
    [InlineData("varchar(16383)")]
    [InlineData("varbinary(65532)")]
    [InlineData("char(255)")]
    [InlineData("datetime(6)")]
    [InlineData("year(300)")]
    public void MariaDb_takes_the_widths_up_to_the_limits(string type)
    {
        Assert.Empty(Run($"CREATE TABLE t (a {type});", SqlDialect.MariaDb).Diagnostics);
    }

    [Fact]
    public void A_long_varchar_is_not_judged_outside_a_strict_sql_mode()
    {
        Assert.Empty(Run("SET sql_mode = '';\nCREATE TABLE t (a varchar(70000));", SqlDialect.MariaDb).Diagnostics);
    }

    [Theory]
    [InlineData("decimal(66)", 1426)]
    [InlineData("datetime(7)", 1426)]
    [InlineData("char(256)", 1074)]
    public void MySql_refuses_what_its_manual_limits(string type, int error)
    {
        var refusal = Assert.Single(Run($"CREATE TABLE t (a {type});", SqlDialect.MySql).Diagnostics);
        Assert.Equal(DiagnosticCodes.TypeWidthRefused, refusal.Code);
        Assert.Contains($"error {error}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MySql_says_nothing_of_limits_not_checked_on_its_server()
    {
        Assert.Empty(Run("CREATE TABLE t (a bit(65), b decimal(10,31), c varchar(70000), d double(256,0));", SqlDialect.MySql).Diagnostics);
    }
}
