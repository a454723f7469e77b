using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// ENUM and SET defaults MariaDB refuses (error 1067, Invalid default value): a value the column
/// does not list, under the default collation's rules (case and trailing spaces do not count,
/// leading spaces do). The engine reports each at its line, and the forms the server takes build
/// the server's schema, in the column's own spelling. Run against MariaDB only.
/// </summary>
public sealed class MariaDbRefusedDefaultTests
{
    private const string Inline = "CREATE TABLE t (id int PRIMARY KEY, e enum('x','y','Ab '), s set('x','y'));";

    [MySqlTheory]
    [InlineData("set default not listed", Inline + "\nALTER TABLE t ALTER COLUMN e SET DEFAULT 'z';")]
    [InlineData("a leading space", Inline + "\nALTER TABLE t ALTER COLUMN e SET DEFAULT ' x';")]
    [InlineData("the empty string", Inline + "\nALTER TABLE t ALTER COLUMN e SET DEFAULT '';")]
    [InlineData("double quotes", Inline + "\nALTER TABLE t ALTER COLUMN e SET DEFAULT \"z\";")]
    [InlineData("create table", "CREATE TABLE t3 (e enum('x','y') DEFAULT 'z');")]
    [InlineData("modify", Inline + "\nALTER TABLE t MODIFY e enum('x','y') DEFAULT 'z';")]
    [InlineData("change", Inline + "\nALTER TABLE t CHANGE e e2 enum('x','y') DEFAULT 'z';")]
    [InlineData("add column", Inline + "\nALTER TABLE t ADD COLUMN e3 enum('x','y') DEFAULT 'z';")]
    [InlineData("a set value not listed", Inline + "\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'x,z';")]
    [InlineData("a space after a comma", Inline + "\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'x, y';")]
    [InlineData("an empty set value", Inline + "\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'x,,y';")]
    [InlineData("a space before a comma", Inline + "\nALTER TABLE t ALTER COLUMN s SET DEFAULT 'x ,y';")]
    public async Task A_default_MariaDb_refuses_is_reported_at_its_line(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.DefaultNotOfColumnType, 1067);
    }

    [MySqlTheory]
    [InlineData("enum values in another case and with trailing spaces", Inline + """

        ALTER TABLE t ALTER COLUMN e SET DEFAULT 'X';
        CREATE TABLE t4 (e enum('x','y','Ab ') NOT NULL DEFAULT 'AB  ', f enum('x','y') DEFAULT 'x ');
        """)]
    [InlineData("set values in another case and order, repeated, and the empty set", Inline + """

        ALTER TABLE t ALTER COLUMN s SET DEFAULT 'Y,x,y';
        CREATE TABLE t5 (s set('x','y') DEFAULT '', s2 set('x','y') DEFAULT 'y,x ');
        ALTER TABLE t MODIFY e enum('x','y') DEFAULT 'Y';
        """)]
    public async Task Accepted_defaults_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
