using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// MariaDB's error 1901 beyond the functions of a STORED column: an index over a VIRTUAL column
/// whose value is not the row's alone, a subquery, and a stored function, in any generated column
/// (ST3066 at that line). The neighbours it takes build the server's schema. Run against MariaDB only.
/// </summary>
public sealed class MariaDbGeneratedColumnIndexTests
{
    [MySqlTheory]
    [InlineData("index in CREATE TABLE", "CREATE TABLE g (a int, b double AS (rand()) VIRTUAL, INDEX (b));")]
    [InlineData("unique column", "CREATE TABLE g (a int, b double AS (rand()) VIRTUAL UNIQUE);")]
    [InlineData("fulltext", "CREATE TABLE g (a int, b varchar(36) AS (uuid()) VIRTUAL, FULLTEXT (b));")]
    [InlineData("ALTER TABLE ADD INDEX", "CREATE TABLE g (a int, b datetime AS (now()) VIRTUAL);\nALTER TABLE g ADD INDEX (a, b);")]
    [InlineData("CREATE INDEX", "CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nCREATE INDEX i ON g (b);")]
    [InlineData("indexed column made not of the row", "CREATE TABLE g (a int, b int AS (a) VIRTUAL, INDEX (b));\nALTER TABLE g MODIFY b double AS (rand()) VIRTUAL;")]
    [InlineData("subquery", "CREATE TABLE g (a int, b int AS (a IN (SELECT 1)) VIRTUAL);")]
    [InlineData("stored function", "CREATE FUNCTION f (x int) RETURNS int DETERMINISTIC RETURN x + 1;\nCREATE TABLE g (a int, b int AS (f(a)) VIRTUAL);")]
    public async Task Refused_at_its_line(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.GeneratedColumnFunctionRefused, 1901);
    }

    [MySqlTheory]
    [InlineData("virtual columns of the row indexed", "CREATE TABLE g (a int, b int AS (a + 1) VIRTUAL, c double AS (rand()) VIRTUAL, INDEX (b), INDEX (a));")]
    [InlineData("an index beside a virtual rand()", "CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nALTER TABLE g ADD INDEX (a);")]
    [InlineData("json_value indexed", "CREATE TABLE g (a int, b longtext, c int AS (json_value(b, '$.f')) VIRTUAL, INDEX (c));")]
    public async Task Accepted_neighbours_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
