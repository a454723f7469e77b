using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// DEFAULTs, generated columns and CHECKs MariaDB reads again with each statement: a name that is
/// no column (1054), a column not computed yet (4029), a function the clause may not use (1901,
/// 1970) refuse the statement, and the engine reports it there; the expressions the server takes
/// build its schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbColumnExpressionTests
{
    private const string Ansi = "SET sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES';\n";

    [MySqlTheory]
    [InlineData("a DEFAULT naming no column", "CREATE TABLE t (a int DEFAULT (zz + 1));", 1054)]
    [InlineData("a double-quoted name inside a longer DEFAULT under ANSI_QUOTES", Ansi + "CREATE TABLE t (a varchar(10) DEFAULT (concat(\"x\", 'y')));", 1054)]
    [InlineData("a double-quoted name of its own column inside a DEFAULT under ANSI_QUOTES", Ansi + "CREATE TABLE t (a int DEFAULT (\"a\" + 1));", 4029)]
    [InlineData("a double-quoted name in a generated column under ANSI_QUOTES", Ansi + "CREATE TABLE t (b int, a int AS (\"zz\" + 1));", 1054)]
    [InlineData("a generated column naming no column", "CREATE TABLE t (a int AS (zz + 1));", 1054)]
    [InlineData("a CHECK naming no column", "CREATE TABLE t (a int, CHECK (a <> zz));", 1054)]
    [InlineData("SET DEFAULT naming no column", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT 5);\nALTER TABLE t ALTER b SET DEFAULT (c);", 1054)]
    [InlineData("DROP COLUMN of a column a DEFAULT names", "CREATE TABLE t (a int, b int DEFAULT (a + 1));\nALTER TABLE t DROP COLUMN a;", 1054)]
    [InlineData("a DEFAULT naming its own column", "CREATE TABLE t (a int DEFAULT (a + 1));", 4029)]
    [InlineData("a DEFAULT naming a later column whose default names a column", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT (c), c int);", 4029)]
    [InlineData("a DEFAULT naming a later column whose default is the time", "CREATE TABLE t (a int DEFAULT (b + 1), b datetime DEFAULT current_timestamp);", 4029)]
    [InlineData("a DEFAULT naming an earlier generated column", "CREATE TABLE t (g int AS (5), a int DEFAULT (g + 1));", 4029)]
    [InlineData("a generated column naming a later generated column", "CREATE TABLE t (a int AS (b + 1), b int AS (5) STORED);", 4029)]
    [InlineData("a generated column naming itself", "CREATE TABLE t (a int AS (a + 1));", 4029)]
    [InlineData("SET DEFAULT making a later column's default an expression", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT 5, c int);\nALTER TABLE t ALTER b SET DEFAULT (c + 1);", 4029)]
    [InlineData("MODIFY ... FIRST moving a DEFAULT before the column it names", "CREATE TABLE t (b int DEFAULT (c), c int, a int DEFAULT (b + 1));\nALTER TABLE t MODIFY a int DEFAULT (b + 1) FIRST;", 4029)]
    [InlineData("a CHECK calling now()", "CREATE TABLE t (a datetime CHECK (a < now()));", 1901)]
    [InlineData("a CHECK naming current_user", "CREATE TABLE t (a varchar(64) CHECK (a <> current_user));", 1901)]
    [InlineData("a CHECK reading a system variable", "CREATE TABLE t (a int CHECK (a <> @@auto_increment_increment));", 1901)]
    [InlineData("ADD CONSTRAINT ... CHECK calling uuid()", "CREATE TABLE t (a varchar(40));\nALTER TABLE t ADD CONSTRAINT c CHECK (a <> uuid());", 1901)]
    [InlineData("a CHECK with a subquery", "CREATE TABLE t (a int, CHECK (a <> (SELECT 1)));", 1970)]
    [InlineData("a DEFAULT calling sleep()", "CREATE TABLE t (a int DEFAULT (sleep(1)));", 1901)]
    [InlineData("a DEFAULT with a subquery", "CREATE TABLE t (a int DEFAULT ((SELECT 1)));", 1901)]
    [InlineData("ADD COLUMN ... DEFAULT calling get_lock()", "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int DEFAULT (get_lock('x', 1));", 1901)]
    public async Task An_expression_the_server_refuses_is_refused_and_reported(string behaviour, string sql, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var code = error switch { 1054 => DiagnosticCodes.ColumnNotFound, 4029 => DiagnosticCodes.ExpressionUsesUncomputedColumn, _ => DiagnosticCodes.GeneratedColumnFunctionRefused };
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, code, error);
    }

    [MySqlTheory]
    [InlineData("a DEFAULT naming a later column whose default is a constant", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT (5 + 1));")]
    [InlineData("a DEFAULT naming an earlier column whose default names a column", "CREATE TABLE t (b int DEFAULT (c), c int, a int DEFAULT (b + 1));")]
    [InlineData("a generated column naming an earlier generated column", "CREATE TABLE t (b int AS (5), a int AS (b + 1));")]
    [InlineData("a column CHECK naming a later column", "CREATE TABLE t (a int CHECK (a > b), b int);")]
    [InlineData("a DEFAULT calling rand()", "CREATE TABLE t (a double DEFAULT (rand()));")]
    [InlineData("a rename followed by a DEFAULT", "CREATE TABLE t (a int, b int DEFAULT (a + 1));\nALTER TABLE t RENAME COLUMN a TO c;")]
    public async Task Expressions_the_server_takes_match_it(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task Set_default_of_a_generated_column_is_kept_as_the_server_does()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "SET DEFAULT of a generated column",
            "CREATE TABLE t (a int, b int AS (a));\nALTER TABLE t ALTER b SET DEFAULT 3;",
            SqlDialect.MariaDb,
            DiagnosticCodes.GeneratedColumnDefaultIgnored);
    }
}
