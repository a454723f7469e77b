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
    [InlineData("a national string", "INSERT INTO t VALUES (1, N'c', NULL);")]
    [InlineData("a charset introducer", "INSERT INTO t VALUES (1, _utf8mb4'c', NULL);")]
    [InlineData("a latin1 introducer", "INSERT INTO t SET id = 1, s = _latin1 'c';")]
    [InlineData("a hexadecimal string", "INSERT INTO t VALUES (1, X'7a', NULL);")]
    [InlineData("index 0, the empty error value", "INSERT INTO t VALUES (1, '0', NULL);")]
    [InlineData("zeros", "INSERT INTO t VALUES (1, '00', NULL);")]
    [InlineData("an index past the labels", "INSERT INTO t VALUES (1, '4', NULL);")]
    [InlineData("a negative index", "INSERT INTO t VALUES (1, '-1', NULL);")]
    [InlineData("a decimal", "INSERT INTO t VALUES (1, '1.0', NULL);")]
    [InlineData("an index in six characters", "INSERT INTO t VALUES (1, '000003', NULL);")]
    [InlineData("a number and a letter", "INSERT INTO t VALUES (1, '3x', NULL);")]
    public async Task A_string_the_enum_lacks_is_refused(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Table + statement, DiagnosticCodes.EnumLabelUnknown, 1265);
    }

    [MySqlTheory]
    [InlineData("trailing spaces", "INSERT INTO t VALUES (1, 'a  ', NULL);")]
    [InlineData("a numeric string, an index", "INSERT INTO t VALUES (1, '3', NULL), (2, '01', NULL), (3, '2 ', NULL);")]
    [InlineData("an index after spaces or a plus", "INSERT INTO t VALUES (1, '  3', NULL), (2, ' +3', NULL), (3, '00003', NULL);")]
    [InlineData("prefixed labels", "INSERT INTO t VALUES (1, N'a', NULL), (2, _latin1'B2', NULL), (3, X'62', NULL), (4, _binary'a', NULL);")]
    [InlineData("a sql_mode that is not strict, index 0", "SET sql_mode = '';\nINSERT INTO t VALUES (1, '0', NULL), (2, X'7a', NULL);")]
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
    [InlineData("bits past the members", "INSERT INTO v VALUES (1, '4');")]
    [InlineData("a decimal", "INSERT INTO v VALUES (1, '1.4');")]
    [InlineData("a number and a trailing space", "INSERT INTO v VALUES (1, '1 ');")]
    [InlineData("a negative number", "INSERT INTO v VALUES (1, '-1');")]
    public async Task A_set_member_the_column_lacks_is_refused(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Set + statement, DiagnosticCodes.EnumLabelUnknown, 1265);
    }

    [MySqlTheory]
    [InlineData("members repeated", "INSERT INTO v VALUES (1, 'b,a,a');")]
    [InlineData("numbers, bits of the members", "INSERT INTO v VALUES (1, '0'), (2, '3'), (3, ' +2'), (4, '-0');")]
    [InlineData("the empty set", "INSERT INTO v VALUES (1, '');")]
    [InlineData("trailing spaces", "INSERT INTO v VALUES (1, 'a,b  ');")]
    [InlineData("a number, bits", "INSERT INTO v VALUES (1, '3');")]
    public async Task A_set_value_the_server_takes_is_not_reported(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Set + statement, SqlDialect.MariaDb);
    }

    private const string CaseSensitive = "CREATE TABLE u (id int PRIMARY KEY, s ENUM('a','b') COLLATE utf8mb4_bin NOT NULL, v SET('a','b') CHARACTER SET latin1 COLLATE latin1_general_cs);\n";
    private const string CaseInsensitive = "CREATE TABLE u (id int PRIMARY KEY, s ENUM('a','b') NOT NULL, v SET('a','b')) DEFAULT CHARSET=utf8mb4;\n";

    [MySqlTheory]
    [InlineData("a label in another case", "INSERT INTO u (id, s) VALUES (1, 'A');")]
    [InlineData("a hexadecimal string in another case", "INSERT INTO u SET id = 1, s = X'41';")]
    [InlineData("a binary string in another case", "INSERT INTO u SET id = 1, s = _binary'A';")]
    [InlineData("a set member in another case", "INSERT INTO u (id, s, v) VALUES (1, 'a', 'a,B');")]
    public async Task A_case_sensitive_collation_refuses_another_case(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, CaseSensitive + statement, DiagnosticCodes.EnumLabelUnknown, 1265);
    }

    [MySqlTheory]
    [InlineData("a label in another case", CaseInsensitive + "INSERT INTO u (id, s, v) VALUES (1, 'A', 'B,a'), (2, 'b ', 'A');")]
    [InlineData("a binary string in another case", CaseInsensitive + "INSERT INTO u SET id = 1, s = _binary'B';")]
    [InlineData("the labels as written, case-sensitive", CaseSensitive + "INSERT INTO u (id, s, v) VALUES (1, 'a', 'b,a'), (2, 'b ', 'a');")]
    public async Task A_collation_that_takes_the_value_is_followed(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }

    // The test database's default collation is case-insensitive, so the server takes these; the
    // engine cannot know the database's, and warns.
    [MySqlFact]
    public async Task Another_case_under_an_unknown_collation_is_a_warning()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "a label in another case", Table + "INSERT INTO t VALUES (1, 'A', NULL), (2, 'b2', NULL);", SqlDialect.MariaDb, DiagnosticCodes.EnumLabelCaseUndecided, DiagnosticCodes.EnumLabelCaseUndecided);
    }
}
