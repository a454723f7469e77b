using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// BIT column defaults: MariaDB stores the number the written value makes and shows it as a bit
/// literal (<c>DEFAULT 5</c> is <c>b'101'</c>), and refuses a value wider than the column (error
/// 1067). Run against MariaDB only.
/// </summary>
public sealed class MariaDbBitDefaultTests
{
    [MySqlFact]
    public async Task Written_values_match_the_server()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "bit defaults",
            """
            CREATE TABLE t (
              a bit(1) NOT NULL DEFAULT 0, b bit NOT NULL DEFAULT 1, c bit(8) DEFAULT 5, d bit(1) DEFAULT b'1',
              e bit(4) DEFAULT TRUE, f bit(1) DEFAULT FALSE, g bit(8) DEFAULT 0x1, h bit(8) DEFAULT X'0F',
              i bit(8) DEFAULT B'00000101', j bit(8) DEFAULT 0b101, k bit(8) DEFAULT '1', l bit(16) DEFAULT 'ab',
              m bit(8) DEFAULT NULL, n bit(1) DEFAULT '', o bit(8) DEFAULT 1.5, p bit(8) DEFAULT 0.4,
              q bit(64) DEFAULT -1, r bit(64) DEFAULT 18446744073709551615, s bit(8) DEFAULT (5), u bit(8) DEFAULT N'a',
              v bit(0) DEFAULT 1, w bit(8) DEFAULT b'');
            ALTER TABLE t ALTER COLUMN m SET DEFAULT 6, ADD COLUMN x bit(3) DEFAULT 7, MODIFY c bit(8) DEFAULT 0x0001;
            """,
            SqlDialect.MariaDb);
    }

    [MySqlTheory]
    [InlineData("a number above the width", "CREATE TABLE t (c bit(1) DEFAULT 2);")]
    [InlineData("a bit literal above the width", "CREATE TABLE t (c bit(8) DEFAULT b'100000000');")]
    [InlineData("a negative number below 64 bits", "CREATE TABLE t (c bit(8) DEFAULT -1);")]
    [InlineData("a fraction rounding above the width", "CREATE TABLE t (c bit(8) DEFAULT 255.5);")]
    [InlineData("a string of two bytes", "CREATE TABLE t (c bit(8) DEFAULT 'ab');")]
    [InlineData("a digit as a string", "CREATE TABLE t (c bit(1) DEFAULT '0');")]
    [InlineData("a hex literal above the width", "CREATE TABLE t (c bit(8) DEFAULT 0x0101);")]
    [InlineData("more than 64 bits", "CREATE TABLE t (c bit(64) DEFAULT 18446744073709551616);")]
    [InlineData("set default", "CREATE TABLE t (c bit(3));\nALTER TABLE t ALTER COLUMN c SET DEFAULT 8;")]
    [InlineData("add column", "CREATE TABLE t (c bit(3));\nALTER TABLE t ADD COLUMN d bit(2) DEFAULT 4;")]
    [InlineData("modify to a narrower column", "CREATE TABLE t (c bit(8) DEFAULT 5);\nALTER TABLE t MODIFY c bit(2) DEFAULT 5;")]
    public async Task A_value_wider_than_the_column_is_reported_at_its_line(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.DefaultNotOfColumnType, 1067);
    }
}
