using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// CREATE OR REPLACE of a routine with the same input types: the replacements PostgreSQL refuses
/// (another kind, 42809; another row of OUT parameters, an input parameter renamed or unnamed,
/// fewer defaults, 42P13) are refused by the server with the SQLSTATE the engine's report names,
/// and those it takes end with the engine's catalog equal to the server's.
/// </summary>
public sealed class PostgresRoutineReplacementTests
{
    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "an input parameter renamed", "CREATE FUNCTION f(a int, b int DEFAULT 1) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION f(x int, b int DEFAULT 1) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "an input parameter left without its name", "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION f(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "an INOUT parameter renamed", "CREATE FUNCTION f(INOUT a int) AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION f(INOUT b int) AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "a default taken away", "CREATE FUNCTION f(a int, b int DEFAULT 1) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION f(a int, b int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "an OUT parameter renamed", "CREATE FUNCTION g(a int, OUT x int, OUT y int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION g(a int, OUT x int, OUT z int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "42P13" },
        { "an OUT parameter of another type", "CREATE FUNCTION g(a int, OUT x int, OUT y int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION g(a int, OUT x int, OUT y text) AS $$ SELECT 1, 'a' $$ LANGUAGE sql;", "42P13" },
        { "an OUT parameter added", "CREATE FUNCTION g(a int, OUT x int, OUT y int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION g(a int, OUT x int, OUT y int, OUT z int) AS $$ SELECT 1, 2, 3 $$ LANGUAGE sql;", "42P13" },
        { "OUT parameters left for RETURNS record", "CREATE FUNCTION g(a int, OUT x int, OUT y int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION g(a int) RETURNS record AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "42P13" },
        { "a TABLE column renamed", "CREATE FUNCTION g(a int) RETURNS TABLE (x int, y int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION g(a int) RETURNS TABLE (x int, z int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;", "42P13" },
        { "a procedure's input parameter renamed", "CREATE PROCEDURE p(a int) AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE PROCEDURE p(b int) AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "a procedure's default taken away", "CREATE PROCEDURE p(a int, b int DEFAULT 1) AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE PROCEDURE p(a int, b int) AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "a procedure's INOUT parameter renamed", "CREATE PROCEDURE p(a int, INOUT b int) AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE PROCEDURE p(a int, INOUT c int) AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "a procedure given an OUT parameter", "CREATE PROCEDURE p(a int) AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE PROCEDURE p(a int, OUT b int) AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
        { "a procedure replaced by a function", "CREATE PROCEDURE p(a int) AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE FUNCTION p(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "42809" },
        { "a function replaced by a procedure", "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE PROCEDURE f(a int) AS $$ SELECT 1 $$ LANGUAGE sql;", "42809" },
        { "a function replaced by an aggregate", "CREATE FUNCTION s(int, int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE FUNCTION f(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE OR REPLACE AGGREGATE f(int) (sfunc = s, stype = int);", "42809" },
        { "an aggregate replaced by a function", "CREATE FUNCTION s(int, int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE AGGREGATE a(int) (sfunc = s, stype = int);", "CREATE OR REPLACE FUNCTION a(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "42809" },
        { "an aggregate replaced by a procedure", "CREATE FUNCTION s(int, int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE AGGREGATE a(int) (sfunc = s, stype = int);", "CREATE OR REPLACE PROCEDURE a(int) AS $$ SELECT 1 $$ LANGUAGE sql;", "42809" },
        { "an aggregate over a function, without OR REPLACE", "CREATE FUNCTION s(int, int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE FUNCTION f(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE AGGREGATE f(int) (sfunc = s, stype = int);", "42723" },
        { "a function over an aggregate, without OR REPLACE", "CREATE FUNCTION s(int, int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE AGGREGATE a(int) (sfunc = s, stype = int);", "CREATE FUNCTION a(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "42723" },
        { "a function again, without OR REPLACE", "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "CREATE FUNCTION f(b integer) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;", "42723" },
        { "a return type renamed, then a new type of its old name", "CREATE TYPE t AS ENUM ('a');\nCREATE FUNCTION r() RETURNS t AS $$ SELECT 'a'::t $$ LANGUAGE sql;\nALTER TYPE t RENAME TO u;\nCREATE TYPE t AS ENUM ('b');", "CREATE OR REPLACE FUNCTION r() RETURNS t AS $$ SELECT 'b'::t $$ LANGUAGE sql;", "42P13" },
        { "an input type renamed, then its parameter", "CREATE TYPE t AS ENUM ('a');\nCREATE FUNCTION r(x t) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nALTER TYPE t RENAME TO u;", "CREATE OR REPLACE FUNCTION r(y u) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;", "42P13" },
    };

    public static TheoryData<string, string> Taken => new()
    {
        { "a name given to an unnamed parameter", "CREATE FUNCTION f(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION f(b int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "a default added", "CREATE FUNCTION f(a int, b int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION f(a int DEFAULT 0, b int = 1) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "a lone OUT parameter renamed, then RETURNS its type", "CREATE FUNCTION h(a int, OUT x int) AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION h(a int, OUT y int) AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION h(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "a lone TABLE column renamed", "CREATE FUNCTION h(a int) RETURNS TABLE (x int) AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION h(a int) RETURNS TABLE (z int) AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION h(a int) RETURNS SETOF int AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "TABLE columns written as OUT parameters", "CREATE FUNCTION g(a int) RETURNS TABLE (x int, y int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION g(a int, OUT x int, OUT y int) RETURNS SETOF record AS $$ SELECT 1, 2 $$ LANGUAGE sql;" },
        { "an INOUT parameter written as IN and OUT", "CREATE FUNCTION k(INOUT a int) AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION k(IN a int, OUT b int) AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "another input type: another overload", "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION f(b text) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;\nCREATE OR REPLACE PROCEDURE f(c date) AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "a procedure's OUT parameter: not an input", "CREATE PROCEDURE p(a int, INOUT b int) AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE OR REPLACE PROCEDURE p(a int, OUT b int) AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "a function dropped first", "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nDROP FUNCTION f(int);\nCREATE OR REPLACE PROCEDURE f(b int) AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "one of several overloads dropped", "CREATE FUNCTION f(a int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE FUNCTION f(a text) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nDROP FUNCTION f(int);\nCREATE OR REPLACE FUNCTION f(b int) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;" },
        { "the same function again", "CREATE FUNCTION f(a int, b int DEFAULT 1, OUT x int, OUT y int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;\nCREATE OR REPLACE FUNCTION f(a int, b int = 2, OUT x int, OUT y int) AS $$ SELECT 3, 4 $$ LANGUAGE sql;" },
        { "a return type renamed, then RETURNS its new name", "CREATE TYPE t AS ENUM ('a');\nCREATE FUNCTION r() RETURNS t AS $$ SELECT 'a'::t $$ LANGUAGE sql;\nALTER TYPE t RENAME TO u;\nCREATE OR REPLACE FUNCTION r() RETURNS u AS $$ SELECT 'a'::u $$ LANGUAGE sql;" },
        { "a returned domain renamed", "CREATE DOMAIN d AS int;\nCREATE FUNCTION r(OUT x d, OUT y int) AS $$ SELECT 1::d, 2 $$ LANGUAGE sql;\nALTER DOMAIN d RENAME TO e;\nCREATE OR REPLACE FUNCTION r(OUT x e, OUT y int) AS $$ SELECT 1::e, 2 $$ LANGUAGE sql;" },
        { "a return type moved to another schema", "CREATE SCHEMA s;\nCREATE TYPE t AS ENUM ('a');\nCREATE FUNCTION r(a t) RETURNS SETOF t AS $$ SELECT 'a'::t $$ LANGUAGE sql;\nALTER TYPE t SET SCHEMA s;\nCREATE OR REPLACE FUNCTION r(a s.t) RETURNS SETOF s.t AS $$ SELECT 'a'::s.t $$ LANGUAGE sql;" },
        { "an aggregate dropped, then a function of its name", "CREATE FUNCTION s(int, int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE AGGREGATE a(int) (sfunc = s, stype = int);\nDROP AGGREGATE a(int);\nCREATE FUNCTION a(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;" },
        { "an aggregate renamed, then a function of its name", "CREATE FUNCTION s(int, int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE AGGREGATE a(int) (sfunc = s, stype = int);\nALTER AGGREGATE a(int) RENAME TO b;\nCREATE OR REPLACE FUNCTION a(int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;" },
    };

    [PostgresTheory]
    [MemberData(nameof(Refused))]
    public async Task A_replacement_the_engine_refuses_is_refused_by_the_server(string behaviour, string setup, string refused, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + refused, "m.sql");
        var code = sqlState switch { "42809" => DiagnosticCodes.RoutineKindChanged, "42723" => DiagnosticCodes.RoutineExists, _ => DiagnosticCodes.FunctionReturnTypeChanged };
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code && diagnostics[0].Message.Contains(sqlState, StringComparison.Ordinal), $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.True(error.SqlState == sqlState, $"{behaviour}: {error.SqlState} {error.MessageText}");
    }

    [PostgresTheory]
    [MemberData(nameof(Taken))]
    public Task A_replacement_the_server_takes_ends_with_the_servers_catalog(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
