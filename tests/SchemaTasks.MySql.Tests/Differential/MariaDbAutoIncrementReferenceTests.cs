using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A DEFAULT or a CHECK over the AUTO_INCREMENT column: MariaDB refuses it, whichever statement
/// comes last (1901), and the engine reports ST3066 there; over other columns, or once MODIFY has
/// dropped the column's own CHECK, the engine builds the server's schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbAutoIncrementReferenceTests
{
    private const string Table = "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int);\n";
    private const string PlainTable = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, x int);\n";

    [MySqlTheory]
    [InlineData("a table CHECK in CREATE TABLE", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int, CONSTRAINT c CHECK (x > id));")]
    [InlineData("a column CHECK in CREATE TABLE", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY CHECK (id > 0));")]
    [InlineData("a DEFAULT in CREATE TABLE", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int DEFAULT (id + 1));")]
    [InlineData("a bare column DEFAULT", "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int DEFAULT id);")]
    [InlineData("ADD CONSTRAINT ... CHECK", Table + "ALTER TABLE t ADD CONSTRAINT c CHECK (id > 0);")]
    [InlineData("ADD COLUMN with a CHECK", Table + "ALTER TABLE t ADD COLUMN y int CHECK (y > id);")]
    [InlineData("ADD COLUMN ... DEFAULT", Table + "ALTER TABLE t ADD COLUMN y int DEFAULT (id);")]
    [InlineData("ALTER COLUMN ... SET DEFAULT", Table + "ALTER TABLE t ALTER COLUMN x SET DEFAULT (id * 2);")]
    [InlineData("MODIFY with a DEFAULT", Table + "ALTER TABLE t MODIFY x int DEFAULT (id);")]
    [InlineData("AUTO_INCREMENT added under a CHECK", PlainTable + "ALTER TABLE t ADD CHECK (id > 0);\nALTER TABLE t MODIFY id int NOT NULL AUTO_INCREMENT;")]
    [InlineData("AUTO_INCREMENT added under a DEFAULT", PlainTable + "ALTER TABLE t ALTER COLUMN x SET DEFAULT (id + 1);\nALTER TABLE t CHANGE id id int NOT NULL AUTO_INCREMENT;")]
    public async Task A_default_or_check_over_auto_increment_is_refused_and_reported(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.GeneratedColumnFunctionRefused, 1901);
    }

    [MySqlTheory]
    [InlineData("the column's own CHECK dropped by MODIFY", "CREATE TABLE t (id int NOT NULL PRIMARY KEY CHECK (id > 0));\nALTER TABLE t MODIFY id int NOT NULL AUTO_INCREMENT;")]
    [InlineData("the CHECK dropped in the same ALTER", "CREATE TABLE t (id int NOT NULL PRIMARY KEY, x int, CONSTRAINT c CHECK (x > id));\nALTER TABLE t DROP CONSTRAINT c, MODIFY id int NOT NULL AUTO_INCREMENT;")]
    [InlineData("other columns only", Table + "ALTER TABLE t ADD COLUMN y int DEFAULT (x + 1), ADD CHECK (y > 0), ADD COLUMN z varchar(10) DEFAULT 'id';")]
    public async Task Defaults_and_checks_the_server_takes_match_it(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
