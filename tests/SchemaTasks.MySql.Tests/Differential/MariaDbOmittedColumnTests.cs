using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB in its default, strict sql_mode refuses an INSERT or REPLACE that leaves out a NOT NULL
/// column without a default with error 1364, before any row (ory/kratos's MariaDB history stopped
/// at such an INSERT ... SELECT): the engine reports ST3158 at that statement, and takes the forms
/// the server runs, building its schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbOmittedColumnTests
{
    private const string Table = "CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, a int NOT NULL, b int, c int NOT NULL DEFAULT 3, e ENUM('x','y') NOT NULL, g int AS (b + 1) VIRTUAL);\n";

    [MySqlTheory]
    [InlineData("values", "INSERT INTO t (b) VALUES (1);")]
    [InlineData("a query that returns no row", "INSERT INTO t (b) SELECT b FROM t WHERE 1 = 0;")]
    [InlineData("replace", "REPLACE INTO t (b) VALUES (1);")]
    [InlineData("set", "INSERT INTO t SET b = 1;")]
    [InlineData("an empty row without a column list", "INSERT INTO t VALUES ();")]
    [InlineData("on duplicate key update after a query", "INSERT INTO t (id, b) SELECT id, b FROM t ON DUPLICATE KEY UPDATE a = 1;")]
    [InlineData("on duplicate key update reading the column", "INSERT INTO t (id, b) VALUES (1, 1) ON DUPLICATE KEY UPDATE b = VALUES(a);")]
    [InlineData("a strict mode set", "SET sql_mode = 'STRICT_ALL_TABLES';\nINSERT INTO t (b) VALUES (1);")]
    [InlineData("a column added later", "ALTER TABLE t MODIFY a int NULL, ADD COLUMN n text NOT NULL;\nINSERT INTO t (b) SELECT b FROM t;")]
    [InlineData("a default dropped later", "ALTER TABLE t ALTER COLUMN a SET DEFAULT 0, ALTER COLUMN c DROP DEFAULT;\nINSERT INTO t (a, b) VALUES (1, 1);")]
    [InlineData("an ON UPDATE datetime whose zero default is dropped", "ALTER TABLE t MODIFY a int NULL, ADD d datetime NOT NULL ON UPDATE CURRENT_TIMESTAMP;\nALTER TABLE t ALTER COLUMN d DROP DEFAULT;\nINSERT INTO t (b) VALUES (1);")]
    [InlineData("a TIMESTAMP without a default (explicit_defaults_for_timestamp ON)", "ALTER TABLE t MODIFY a int NULL, ADD ts timestamp NOT NULL;\nINSERT INTO t (b) VALUES (1);")]
    public async Task An_insert_leaving_out_the_column_is_refused(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Table + statement, DiagnosticCodes.OmittedColumnWithoutDefault, 1364);
    }

    [MySqlTheory]
    [InlineData("DEFAULT in a row", "INSERT INTO t (a) VALUES (DEFAULT);")]
    [InlineData("DEFAULT in a row without a column list", "INSERT INTO t VALUES (DEFAULT, DEFAULT, 1, DEFAULT, 'x', DEFAULT);")]
    [InlineData("DEFAULT assigned", "INSERT INTO t SET b = 1, a = DEFAULT;")]
    [InlineData("DEFAULT(a) in a row", "INSERT INTO t (a, b) VALUES (1, DEFAULT(a) + 1);")]
    [InlineData("DEFAULT(a) under IGNORE", "INSERT IGNORE INTO t (a, b) VALUES (1, DEFAULT(t.a));")]
    [InlineData("DEFAULT(a) without a strict sql_mode", "SET sql_mode = '';\nINSERT INTO t (a, b) VALUES (1, DEFAULT(a));")]
    [InlineData("DEFAULT(a) in on duplicate key update", "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE b = DEFAULT(a);")]
    [InlineData("an UPDATE assigning DEFAULT to no row", "UPDATE t SET a = DEFAULT WHERE 1 = 0;")]
    [InlineData("an UPDATE IGNORE without a strict sql_mode", "SET sql_mode = '';\nUPDATE IGNORE t AS x SET b = 1, x.a = DEFAULT;")]
    [InlineData("an UPDATE reading DEFAULT(a)", "UPDATE t SET b = DEFAULT(a) WHERE id = 1;")]
    [InlineData("an UPDATE assigning DEFAULT to an ENUM", "UPDATE t SET e = DEFAULT WHERE 1 = 0;")]
    [InlineData("DEFAULT(e) of an ENUM", "INSERT INTO t (a, b) VALUES (1, DEFAULT(e));")]
    public async Task A_default_of_the_column_is_refused(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Table + statement, DiagnosticCodes.OmittedColumnWithoutDefault, 1364);
    }

    [MySqlTheory]
    [InlineData("DEFAULT of columns with a default or none needed", "INSERT INTO t (id, a, b, c, e, g) VALUES (DEFAULT, 1, DEFAULT, DEFAULT, DEFAULT, DEFAULT);")]
    [InlineData("DEFAULT(c) of a column with a default", "INSERT INTO t (a, b) VALUES (1, DEFAULT(c)), (2, DEFAULT(t.c));")]
    [InlineData("DEFAULT in on duplicate key update without a duplicate", "INSERT INTO t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = DEFAULT;")]
    [InlineData("DEFAULT under IGNORE", "INSERT IGNORE INTO t (a) VALUES (DEFAULT);")]
    [InlineData("DEFAULT without a strict sql_mode", "SET sql_mode = '';\nINSERT INTO t (a) VALUES (DEFAULT);")]
    [InlineData("an UPDATE assigning DEFAULT to columns that have one", "UPDATE t SET b = DEFAULT, c = DEFAULT(c), id = DEFAULT, g = DEFAULT, b = DEFAULT(id) WHERE a = 1;")]
    public async Task A_default_the_server_takes_is_not_reported(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Table + statement, SqlDialect.MariaDb);
    }

    [MySqlTheory]
    [InlineData("the column listed", "INSERT INTO t (a) VALUES (1);")]
    [InlineData("no column list", "INSERT INTO t SELECT * FROM t WHERE 1 = 0;")]
    [InlineData("on duplicate key update assigning it", "INSERT INTO t (id, b) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = 1;")]
    [InlineData("set and on duplicate key update", "INSERT INTO t SET id = 2 ON DUPLICATE KEY UPDATE t.a = DEFAULT;")]
    [InlineData("insert ignore", "INSERT IGNORE INTO t (b) VALUES (1);")]
    [InlineData("a sql_mode that is not strict", "SET sql_mode = 'NO_ENGINE_SUBSTITUTION';\nINSERT INTO t (b) SELECT b FROM t;")]
    [InlineData("a default set later", "ALTER TABLE t ALTER COLUMN a SET DEFAULT 0;\nREPLACE t (b) VALUES (1);")]
    [InlineData("an ON UPDATE datetime, which takes the zero date", "ALTER TABLE t MODIFY a int NULL, ADD d datetime(2) NOT NULL ON UPDATE CURRENT_TIMESTAMP(2);\nINSERT INTO t (b) VALUES (1);")]
    public async Task An_insert_the_server_runs_is_taken(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Table + statement, SqlDialect.MariaDb);
    }
}
