using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Views share the tables' names, are no tables to alter, index or drop as one, and read tables
/// that must exist when they are made: the engine refuses each statement MariaDB refuses, with
/// the server's error number, and passes those it accepts. Run against MariaDB only.
/// </summary>
public sealed class MariaDbViewTests
{
    private const string Setup = "CREATE TABLE a (id int, d date);\nCREATE VIEW v AS SELECT id FROM a;\n";

    [MySqlTheory]
    [InlineData("a table over a view", "CREATE TABLE v (x int);", DiagnosticCodes.TableExists, 1050)]
    [InlineData("a copy over a view", "CREATE TABLE v LIKE a;", DiagnosticCodes.TableExists, 1050)]
    [InlineData("a view over a table", "CREATE VIEW a AS SELECT 1;", DiagnosticCodes.TableExists, 1050)]
    [InlineData("a view over a view", "CREATE VIEW v AS SELECT 1;", DiagnosticCodes.TableExists, 1050)]
    [InlineData("OR REPLACE over a table", "CREATE OR REPLACE VIEW a AS SELECT 1;", DiagnosticCodes.TableExists, 1347)]
    [InlineData("ALTER VIEW of a table", "ALTER VIEW a AS SELECT 1;", DiagnosticCodes.TableNotFound, 1347)]
    [InlineData("ALTER VIEW of nothing", "ALTER VIEW nope AS SELECT 1;", DiagnosticCodes.TableNotFound, 1146)]
    [InlineData("DROP VIEW of nothing", "DROP VIEW nope;", DiagnosticCodes.TableNotFound, 4092)]
    [InlineData("DROP VIEW of a table", "DROP VIEW a;", DiagnosticCodes.TableNotFound, 4092)]
    [InlineData("ALTER TABLE of a view", "ALTER TABLE v ADD COLUMN y int;", DiagnosticCodes.TableNotFound, 1347)]
    [InlineData("CREATE INDEX on a view", "CREATE INDEX i ON v (id);", DiagnosticCodes.TableNotFound, 1347)]
    [InlineData("DROP TABLE of a view", "DROP TABLE v;", DiagnosticCodes.TableNotFound, 1965)]
    [InlineData("RENAME TABLE of a view to a table's name", "RENAME TABLE v TO a;", DiagnosticCodes.TableExists, 1050)]
    [InlineData("RENAME TABLE of a table to a view's name", "RENAME TABLE a TO v;", DiagnosticCodes.TableExists, 1050)]
    [InlineData("a view of a missing table", "CREATE VIEW w AS SELECT id FROM nope;", DiagnosticCodes.TableNotFound, 1146)]
    [InlineData("a join of a missing table", "CREATE VIEW w AS SELECT a.id FROM a JOIN nope ON nope.id = a.id;", DiagnosticCodes.TableNotFound, 1146)]
    [InlineData("a subquery of a missing table", "CREATE VIEW w AS SELECT id FROM a WHERE id IN (SELECT id FROM nope);", DiagnosticCodes.TableNotFound, 1146)]
    [InlineData("OR REPLACE reading a missing table", "CREATE OR REPLACE VIEW v AS SELECT * FROM nope;", DiagnosticCodes.TableNotFound, 1146)]
    [InlineData("a table of another database", "CREATE VIEW w AS SELECT id FROM sakila_elsewhere.a;", DiagnosticCodes.DatabaseQualifiedName, 1146)]
    [InlineData("a view reading a dropped table", "DROP TABLE a;\nCREATE VIEW w AS SELECT 1 FROM a;", DiagnosticCodes.TableNotFound, 1146)]
    public async Task What_MariaDb_refuses_is_refused(string behaviour, string statement, string code, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, Setup + statement, code, error);
    }

    [MySqlTheory]
    [InlineData("OR REPLACE of a view", "CREATE OR REPLACE VIEW v AS SELECT d FROM a;")]
    [InlineData("IF NOT EXISTS over a table", "CREATE VIEW IF NOT EXISTS a AS SELECT 1;")]
    [InlineData("a table IF NOT EXISTS over a view", "CREATE TABLE IF NOT EXISTS v (x int);")]
    [InlineData("views renamed and dropped", "RENAME TABLE v TO w;\nCREATE VIEW x AS SELECT * FROM w;\nDROP VIEW x, w;\nCREATE TABLE w (k int);")]
    [InlineData("the table a view reads dropped", "DROP TABLE a;")]
    [InlineData("a view's options and CTEs", "CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW w AS WITH c AS (SELECT id FROM a) SELECT c.id, EXTRACT(YEAR FROM NOW()) y FROM c JOIN v USING (id);")]
    [InlineData("a derived table and DUAL", "CREATE VIEW w AS SELECT s.id FROM (SELECT id FROM a) s;\nCREATE VIEW w2 AS SELECT 1 x FROM DUAL;")]
    [InlineData("DROP TABLE IF EXISTS of a view", "DROP TABLE IF EXISTS v;")]
    public async Task What_MariaDb_accepts_passes(string behaviour, string statement)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, Setup + statement, SqlDialect.MariaDb);
    }
}
