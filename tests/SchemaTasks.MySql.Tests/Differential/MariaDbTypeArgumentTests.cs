using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Type arguments as MariaDB reads them: the spellings COLUMN_TYPE shows for zero and
/// leading-zero arguments (decimal(0) is decimal(10,0), double(0,0) is double, datetime(00) is
/// datetime, YEAR(2) stays), and the widths it refuses, with its error number (ST3088). Run
/// against MariaDB only.
/// </summary>
public sealed class MariaDbTypeArgumentTests
{
    [MySqlFact]
    public async Task Zero_and_padded_arguments_are_spelled_as_the_server_shows_them()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "zero and padded type arguments",
            """
            CREATE TABLE t (
              a decimal(0), b decimal(0,0), c double(0,0), d float(0), e datetime(00), f time(0),
              g timestamp(0) NULL, h char(0), i varchar(0), j bit(0), k numeric(000,000) unsigned,
              l real(0,0), m float(0,0) zerofill, n decimal(05,02), o double(05,02), p datetime(01),
              q varchar(007), r year(2), s year(3), u double(50,39), v float(39,39), w time(000));
            ALTER TABLE t MODIFY COLUMN a decimal(0,0) NOT NULL, ADD COLUMN x double(0,0) unsigned;
            """,
            SqlDialect.MariaDb);
    }

    [MySqlTheory]
    [InlineData("int(256)", 1439)]
    [InlineData("tinyint(0256) unsigned", 1439)]
    [InlineData("bit(65)", 1439)]
    [InlineData("decimal(66)", 1426)]
    [InlineData("decimal(10,31)", 1427)]
    [InlineData("decimal(40,39)", 1425)]
    [InlineData("double(255,31)", 1425)]
    [InlineData("double(256,0)", 1439)]
    [InlineData("float(54)", 1063)]
    [InlineData("varchar(70000)", 1074)]
    [InlineData("varbinary(65533)", 1074)]
    [InlineData("varchar(4294967296)", 1439)]
    [InlineData("char(256)", 1074)]
    [InlineData("binary(300)", 1074)]
    [InlineData("datetime(7)", 1426)]
    [InlineData("time(7)", 1426)]
    public async Task A_width_out_of_range_is_refused_with_the_servers_error(string type, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(type + " in CREATE TABLE", $"CREATE TABLE t (a int, b {type});", DiagnosticCodes.TypeWidthRefused, error);
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(type + " in MODIFY", $"CREATE TABLE t (a int, b int);\nALTER TABLE t MODIFY b {type};", DiagnosticCodes.TypeWidthRefused, error);
    }

    [MySqlFact]
    public async Task Widths_at_the_limits_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "widths at the limits",
            "CREATE TABLE t (a int(255), b bit(64), c decimal(65,30), d decimal(38,38), e double(255,30), f float(53), h char(255), i datetime(6), j binary(255));\nCREATE TABLE v (a varchar(16383));",
            SqlDialect.MariaDb);
    }
}
