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
    public async Task An_insert_leaving_out_the_column_is_refused(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Table + statement, DiagnosticCodes.OmittedColumnWithoutDefault, 1364);
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
