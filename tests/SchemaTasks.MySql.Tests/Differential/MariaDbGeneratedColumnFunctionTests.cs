using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Generated columns using what is not the row's alone: MariaDB refuses the time, random and user
/// functions and variables in a STORED column and the session functions in any (error 1901); the
/// engine reports ST3066 at that line. The VIRTUAL forms it takes build the server's schema. Run
/// against MariaDB only; MySQL 8's stricter rule follows its manual (unit tests).
/// </summary>
public sealed class MariaDbGeneratedColumnFunctionTests
{
    [MySqlTheory]
    [InlineData("rand() stored", "CREATE TABLE g (a int, b double AS (rand()) STORED);")]
    [InlineData("uuid() persistent", "CREATE TABLE g (a int, b varchar(40) AS (uuid()) PERSISTENT);")]
    [InlineData("now() stored", "CREATE TABLE g (a int, b datetime AS (now()) STORED);")]
    [InlineData("current_timestamp without parentheses", "CREATE TABLE g (a int, b datetime AS (current_timestamp) STORED);")]
    [InlineData("user() inside concat", "CREATE TABLE g (a int, b varchar(90) AS (concat(a, user())) STORED);")]
    [InlineData("a system variable", "CREATE TABLE g (a int, b varchar(200) AS (@@sql_mode) STORED);")]
    [InlineData("sleep() virtual", "CREATE TABLE g (a int, b int AS (sleep(0)) VIRTUAL);")]
    [InlineData("last_insert_id() virtual", "CREATE TABLE g (a int, b int AS (last_insert_id()));")]
    [InlineData("added by ALTER TABLE", "CREATE TABLE g (a int);\nALTER TABLE g ADD b double AS (rand()) STORED;")]
    [InlineData("made stored by MODIFY", "CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nALTER TABLE g MODIFY b double AS (rand()) STORED;")]
    public async Task A_function_not_of_the_row_is_reported_at_its_line(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.GeneratedColumnFunctionRefused, 1901);
    }

    [MySqlTheory]
    [InlineData("virtual columns", "CREATE TABLE g (a int, b double AS (rand()) VIRTUAL, c datetime AS (now()), d varchar(90) AS (user()) VIRTUAL);")]
    [InlineData("deterministic stored columns", "CREATE TABLE g (a int, b int AS (unix_timestamp('2020-01-01')) STORED, c varchar(10) AS ('now()') STORED, d int AS (a + 1) PERSISTENT);")]
    [InlineData("a column named like a function", "CREATE TABLE g (a int, `now` int, c int AS (`now` + 1) STORED);")]
    public async Task Accepted_neighbours_match_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
