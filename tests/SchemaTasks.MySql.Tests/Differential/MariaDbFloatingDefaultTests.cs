using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB stores a number default of a FLOAT or DOUBLE column, quoted or not, and shows it its
/// own way (<c>'1e3'</c> is <c>1000</c>): the engine's catalog of the same SQL has the same
/// defaults. Seen in Icinga/icinga2's MySQL schema (<c>execution_time double default '0'</c>).
/// </summary>
public sealed class MariaDbFloatingDefaultTests
{
    [MySqlTheory]
    [InlineData("icinga2's defaults", "CREATE TABLE t (a double DEFAULT '0', b float DEFAULT '1.5', c double DEFAULT '1e3', d double(5,2) DEFAULT '0', e real DEFAULT '2', f int DEFAULT '0');")]
    [InlineData("double values", """
        CREATE TABLE t (a double DEFAULT '1e3', b double DEFAULT '0.1', c double DEFAULT '1.50', d double DEFAULT '-0', e double DEFAULT '1e-7', f double DEFAULT '123456789012',
          g double DEFAULT ' 2 ', h double DEFAULT '+5', i double DEFAULT '.5', j double DEFAULT '5.', k double DEFAULT '-1.5', l double unsigned DEFAULT '2',
          m double DEFAULT '3.14159265358979323846', n double DEFAULT '0.30000000000000004', o double precision DEFAULT '7', p double DEFAULT TRUE);
        """)]
    [InlineData("where the notation turns to exponents", """
        CREATE TABLE t (a double DEFAULT '999999999999999', b double DEFAULT '1e15', c double DEFAULT '1234567890123456', d double DEFAULT '12345678901234567890',
          e double DEFAULT '1e-15', f double DEFAULT '1e-16', g double DEFAULT '1.5e-15', h double DEFAULT '1.25e-5', i double DEFAULT '-1e16', j double DEFAULT '1e-300', k double DEFAULT '1e100');
        """)]
    [InlineData("float values", """
        CREATE TABLE t (a float DEFAULT '1e3', b float DEFAULT '0.1', c float DEFAULT '1.50', d float DEFAULT '-0', e float DEFAULT '1e-7', f float DEFAULT '123456789012',
          g float DEFAULT '3.14159265358979323846', h float DEFAULT '16777217', i float DEFAULT '9999999', j float DEFAULT '1e14', k float DEFAULT '1e15', l float DEFAULT '1e-20', m float DEFAULT 0);
        """)]
    [InlineData("unquoted numbers", "CREATE TABLE t (a double DEFAULT 1e3, b float DEFAULT 1e3, c double DEFAULT 0.1, d float DEFAULT 123456789012, e double DEFAULT -0, f double DEFAULT 1.5e0);")]
    [InlineData("fixed decimals", "CREATE TABLE t (a double(5,2) DEFAULT '1.5', b float(7,3) DEFAULT '1.5', c double(10,4) DEFAULT '1e3', d float(10,2) DEFAULT 2, e double(6,2) DEFAULT '-12.5');")]
    [InlineData("added and changed columns", "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN a double DEFAULT '0', ADD COLUMN b float NOT NULL DEFAULT '2.50';\nALTER TABLE t MODIFY a double DEFAULT '1e3';\nALTER TABLE t ALTER COLUMN b SET DEFAULT '0.25';")]
    public async Task Engine_matches_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
