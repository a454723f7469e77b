using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Columns of queries that call the migrations' own functions (RETURNS, SETOF, TABLE, OUT
/// parameters, domains, enums, overloads, defaults, replaced and renamed functions) or do
/// arithmetic on numbers, dates, timestamps and intervals: the engine's columns are the server's.
/// A CREATE OR REPLACE FUNCTION that changes the return type is refused as the server refuses it,
/// and the names of pg_catalog's functions the engine keeps are the server's.
/// </summary>
public sealed class PostgresQueryFunctionTests
{
    private const string Source = """
        CREATE TYPE mood AS ENUM ('a', 'b');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE TABLE t (
            s smallint, i int, b bigint, n numeric(10,2), r real, d double precision, v varchar(20), tx text,
            ts timestamp(3), tz timestamptz, dt date, iv interval, tm time, p posint, m mood
        );
        CREATE FUNCTION hot_rank(score numeric, published timestamp without time zone) RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql IMMUTABLE;

        """;

    [PostgresTheory]
    [InlineData("number arithmetic", Source + "CREATE TABLE q AS SELECT s + s AS a1, s + i AS a2, i + b AS a3, s * b AS a4, i / i AS a5, i % b AS a6, s % s AS a7, i + n AS a8, n * n AS a9, i + r AS a10, r * r AS a11, r + d AS a12, n + d AS a13, n - r AS a14, b / d AS a15, i + 1 AS b1, s + 1 AS b2, 1 + s AS b3, b + 1 AS b4, 1.5 * i AS b5, r * 1.5 AS b6, 2147483648 + i AS b7, n % 2 AS b8, 1 + 1, -s AS b9, i + b * 2 AS b10, (i + 1) * 1.5 AS b11, s - r AS b12, s * d AS b13, b % s AS b14 FROM t;")]
    [InlineData("date and time arithmetic", Source + "CREATE TABLE q AS SELECT tz - tz AS c1, ts - ts AS c2, dt - dt AS c3, dt + 1 AS c4, dt - 1 AS c5, i + dt AS c6, dt + s AS c7, ts + iv AS c8, tz + iv AS c9, ts - iv AS c10, tz - iv AS c11, dt + iv AS c12, dt - iv AS c13, iv + ts AS c14, iv + iv AS c15, iv * 2 AS c16, iv / 2 AS c17, dt + tm AS c18, tz - '1 day'::interval AS c19, -iv AS c20, tm + iv AS c21, dt - ts AS c22, tz - ts AS c23, 2 * iv AS c24, iv * 1.5 AS c25, ts - tz AS c26, tz - dt AS c27, dt - s AS c28, iv + dt AS c29, iv + tz AS c30, tm + dt AS c31, iv - iv AS c32, iv / d AS c33, iv + tm AS c34 FROM t;")]
    [InlineData("the migrations' functions", Source + """
        CREATE FUNCTION f_vc() RETURNS varchar(10) AS $$ SELECT 'a'::varchar $$ LANGUAGE sql;
        CREATE FUNCTION f_setof() RETURNS SETOF bigint AS $$ SELECT 1::bigint $$ LANGUAGE sql;
        CREATE FUNCTION f_table() RETURNS TABLE (a text) AS $$ SELECT 'x' $$ LANGUAGE sql;
        CREATE FUNCTION f_out(IN x int, OUT y date) AS $$ SELECT current_date $$ LANGUAGE sql;
        CREATE FUNCTION f_dom() RETURNS posint AS $$ SELECT 1 $$ LANGUAGE sql;
        CREATE FUNCTION f_enum() RETURNS mood AS $$ SELECT 'a'::mood $$ LANGUAGE sql;
        CREATE FUNCTION f_def(a int, b int DEFAULT 2) RETURNS text AS $$ SELECT 'x' $$ LANGUAGE sql;
        CREATE FUNCTION f_num(double precision) RETURNS numeric(10,2) AS $$ SELECT 1.0 $$ LANGUAGE sql;
        CREATE FUNCTION f_inout(INOUT x timestamptz) AS $$ SELECT x $$ LANGUAGE sql;
        CREATE VIEW fv AS SELECT hot_rank(coalesce(b, 0), ts), hot_rank(n, dt) AS h2, f_vc(), f_setof(), f_table(), f_out(1), f_dom(), f_enum(), f_def(1), f_def(i, 3) AS d2, f_num(r), f_inout(tz) FROM t;
        CREATE TABLE q AS SELECT * FROM fv;
        """)]
    [InlineData("overloads resolved by exact types", Source + """
        CREATE FUNCTION pick(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
        CREATE FUNCTION pick(x text) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;
        CREATE FUNCTION pick(x int, y int) RETURNS date AS $$ SELECT current_date $$ LANGUAGE sql;
        CREATE TABLE q AS SELECT pick(i) AS a, pick(tx) AS b, pick(1) AS c, pick(i, 2) AS d FROM t;
        """)]
    [InlineData("a function replaced, dropped, made again and renamed", Source + """
        CREATE TABLE q0 AS SELECT hot_rank(n, ts) FROM t;
        CREATE OR REPLACE FUNCTION hot_rank(score numeric, published timestamp without time zone) RETURNS int4 AS $$ SELECT 2 $$ LANGUAGE sql;
        DROP FUNCTION hot_rank;
        CREATE FUNCTION hot_rank(score numeric, published timestamp without time zone) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;
        ALTER FUNCTION hot_rank RENAME TO hr;
        CREATE TABLE q AS SELECT q0.hot_rank, hr(n, ts) FROM q0, t;
        """)]
    [InlineData("calls with a schema", Source + """
        CREATE SCHEMA app;
        CREATE FUNCTION app.hot_rank(a int) RETURNS date AS $$ SELECT current_date $$ LANGUAGE sql;
        CREATE FUNCTION lower(x mood) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
        CREATE TABLE q AS SELECT public.hot_rank(n, ts) AS a, app.hot_rank(i) AS b, public.lower(m) AS c, "app".hot_rank(s) AS f FROM t;
        CREATE TABLE q2 AS SELECT pg_catalog.max(i) AS d, pg_catalog.count(*) AS e, pg_catalog.max(public.lower(m)) AS g FROM t;
        """)]
    [InlineData("a view of a view that calls a function, copied", Source + """
        CREATE VIEW pv AS SELECT t.*, hot_rank(coalesce(b, 0), CASE WHEN ts < now() THEN ts ELSE greatest(ts, dt) END) AS rank, ts - '1 month'::interval AS since FROM t;
        CREATE TABLE q AS SELECT * FROM pv;
        """)]
    public Task The_table_has_the_servers_columns(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("another type", "CREATE OR REPLACE FUNCTION hot_rank(score numeric, published timestamp) RETURNS bigint AS $$ SELECT 1 $$ LANGUAGE sql;")]
    [InlineData("a set of it", "CREATE OR REPLACE FUNCTION hot_rank(score numeric, published timestamp) RETURNS SETOF integer AS $$ SELECT 1 $$ LANGUAGE sql;")]
    public async Task Replacing_a_function_with_another_return_type_is_refused_as_the_server_refuses_it(string behaviour, string refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Source + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.FunctionReturnTypeChanged, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Contains("42P13", diagnostics[0].Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Source, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42P13", error.SqlState);
    }

    [PostgresFact]
    public async Task The_names_of_pg_catalogs_functions_are_the_servers()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT proname FROM pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace", connection);
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), PostgresCatalogFunctions.All.Order(StringComparer.Ordinal));
    }
}
