using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB in its default, strict sql_mode refuses an INSERT or REPLACE writing a string an ENUM
/// column has no label for with error 1265 (Data truncated): the engine reports ST3143 at that
/// statement, and takes the forms the server runs, building its schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbEnumLiteralTests
{
    private const string Table = "CREATE TABLE t (id int PRIMARY KEY, s ENUM('a','b','B2') NOT NULL, n varchar(10));\n";
    private const string Set = "CREATE TABLE v (id int PRIMARY KEY, s SET('a','b') NOT NULL);\n";

    [MySqlTheory]
    [InlineData("all columns", "INSERT INTO t VALUES (1, 'c', 'c');")]
    [InlineData("a column list naming it", "INSERT INTO t (s, id) VALUES ('c', 1);")]
    [InlineData("set", "INSERT INTO t SET id = 1, s = 'c';")]
    [InlineData("set before on duplicate key update", "INSERT INTO t SET id = 1, s = 'c' ON DUPLICATE KEY UPDATE n = 'x';")]
    [InlineData("replace", "REPLACE INTO t VALUES (1, 'c', NULL);")]
    [InlineData("the empty string", "INSERT INTO t VALUES (1, '', NULL);")]
    [InlineData("a leading space", "INSERT INTO t VALUES (1, ' a', NULL);")]
    [InlineData("a later row of an InnoDB table", "INSERT INTO t VALUES (1, 'a', NULL), (2, 'c', NULL);")]
    [InlineData("a strict mode set", "SET sql_mode = 'STRICT_ALL_TABLES';\nINSERT INTO t (id, s) VALUES (1, 'c');")]
    public async Task A_string_the_enum_lacks_is_refused(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Table + statement, DiagnosticCodes.EnumLabelUnknown, 1265);
    }

    [MySqlTheory]
    [InlineData("a label in another case", "INSERT INTO t VALUES (1, 'A', NULL), (2, 'b2', NULL);")]
    [InlineData("trailing spaces", "INSERT INTO t VALUES (1, 'a  ', NULL);")]
    [InlineData("a numeric string, an index", "INSERT INTO t VALUES (1, '3', NULL), (2, '01', NULL), (3, '2 ', NULL);")]
    [InlineData("a literal in an expression", "INSERT INTO t (id, s) VALUES (1, 'c' = 'c'), (2, 'c' <> 'x');")]
    [InlineData("another column", "INSERT INTO t (id, s, n) VALUES (1, 'a', 'c');")]
    [InlineData("insert ignore", "INSERT IGNORE INTO t VALUES (1, 'c', NULL);")]
    [InlineData("a sql_mode that is not strict", "SET sql_mode = '';\nINSERT INTO t VALUES (1, 'c', NULL);")]
    [InlineData("on duplicate key update without a duplicate", "INSERT INTO t VALUES (1, 'a', NULL) ON DUPLICATE KEY UPDATE s = 'c';")]
    [InlineData("a query returning no row", "INSERT INTO t (id, s) SELECT 1, 'c' FROM DUAL WHERE 1 = 0;")]
    [InlineData("an UPDATE touching no row", "UPDATE t SET s = 'c' WHERE 1 = 0;")]
    [InlineData("a label added first", "ALTER TABLE t MODIFY s ENUM('a','b','B2','c') NOT NULL;\nINSERT INTO t VALUES (1, 'c', NULL);")]
    public async Task A_value_the_server_takes_is_not_reported(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Table + statement, SqlDialect.MariaDb);
    }

    [MySqlTheory]
    [InlineData("a member it lacks", "INSERT INTO v VALUES (1, 'c');")]
    [InlineData("a member among others", "INSERT INTO v VALUES (1, 'a,c');")]
    [InlineData("a leading space", "INSERT INTO v VALUES (1, 'a, b');")]
    public async Task A_set_member_the_column_lacks_is_refused(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Set + statement, DiagnosticCodes.EnumLabelUnknown, 1265);
    }

    [MySqlTheory]
    [InlineData("members in another case", "INSERT INTO v VALUES (1, 'A,b'), (2, 'b,a,a');")]
    [InlineData("the empty set", "INSERT INTO v VALUES (1, '');")]
    [InlineData("trailing spaces", "INSERT INTO v VALUES (1, 'a,b  ');")]
    [InlineData("a number, bits", "INSERT INTO v VALUES (1, '3');")]
    public async Task A_set_value_the_server_takes_is_not_reported(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Set + statement, SqlDialect.MariaDb);
    }
}
