using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Columns of queries that call the migrations' own functions or do arithmetic: the types
/// PostgreSQL 15 gave each (read back with format_type from a table made of a view), and the calls
/// whose function the server's resolution may choose otherwise, which stay unknown.
/// </summary>
public class PostgresQueryFunctionTests
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

    private static void AssertColumns(string sql, params string[] expected)
    {
        var (catalog, diagnostics) = Run(Source + sql);
        Assert.Empty(diagnostics);
        Assert.Equal(expected, catalog.FindTable(Pg("q"))!.Columns.Select(c => $"{c.Name} {c.Type}"));
    }

    private static void AssertUnknown(string sql)
    {
        var (catalog, diagnostics) = Run(Source + sql + "\nALTER TABLE q ADD COLUMN z int;");
        Assert.Equal(DiagnosticCodes.QueryShapedTableUsed, Assert.Single(diagnostics).Code);
        Assert.Null(catalog.FindTable(Pg("q")));
    }

    [Fact]
    public void NumberArithmetic_HasTheTypeOfTheOperatorTheServerChooses()
        => AssertColumns(
            "CREATE TABLE q AS SELECT s + s AS a1, s + i AS a2, i + b AS a3, s * b AS a4, i / i AS a5, i % b AS a6, s % s AS a7, i + n AS a8, n * n AS a9, i + r AS a10, r * r AS a11, r + d AS a12, n + d AS a13, n - r AS a14, b / d AS a15, i + 1 AS b1, s + 1 AS b2, 1 + s AS b3, b + 1 AS b4, 1.5 * i AS b5, r * 1.5 AS b6, 2147483648 + i AS b7, n % 2 AS b8, 1 + 1, -s AS b9, i + b * 2 AS b10, (i + 1) * 1.5 AS b11 FROM t;",
            "a1 smallint", "a2 integer", "a3 bigint", "a4 bigint", "a5 integer", "a6 bigint", "a7 smallint", "a8 numeric", "a9 numeric", "a10 double precision", "a11 real",
            "a12 double precision", "a13 double precision", "a14 double precision", "a15 double precision", "b1 integer", "b2 integer", "b3 integer", "b4 bigint", "b5 numeric",
            "b6 double precision", "b7 bigint", "b8 numeric", "?column? integer", "b9 smallint", "b10 bigint", "b11 numeric");

    [Fact]
    public void DateAndTimeArithmetic_HasTheTypeOfTheOperatorTheServerChooses()
        => AssertColumns(
            "CREATE TABLE q AS SELECT tz - tz AS c1, ts - ts AS c2, dt - dt AS c3, dt + 1 AS c4, dt - 1 AS c5, i + dt AS c6, dt + s AS c7, ts + iv AS c8, tz + iv AS c9, ts - iv AS c10, tz - iv AS c11, dt + iv AS c12, dt - iv AS c13, iv + ts AS c14, iv + iv AS c15, iv * 2 AS c16, iv / 2 AS c17, dt + tm AS c18, tz - '1 day'::interval AS c19, -iv AS c20, tm + iv AS c21, dt - ts AS c22, tz - ts AS c23, 2 * iv AS c24, iv * 1.5 AS c25 FROM t;",
            "c1 interval", "c2 interval", "c3 integer", "c4 date", "c5 date", "c6 date", "c7 date", "c8 timestamp without time zone", "c9 timestamp with time zone",
            "c10 timestamp without time zone", "c11 timestamp with time zone", "c12 timestamp without time zone", "c13 timestamp without time zone", "c14 timestamp without time zone",
            "c15 interval", "c16 interval", "c17 interval", "c18 timestamp without time zone", "c19 timestamp with time zone", "c20 interval", "c21 time without time zone",
            "c22 interval", "c23 interval", "c24 interval", "c25 interval");

    [Fact]
    public void CallsOfTheMigrationsFunctions_HaveTheirReturnTypes()
        => AssertColumns(
            """
            CREATE FUNCTION f_vc() RETURNS varchar(10) AS $$ SELECT 'a'::varchar $$ LANGUAGE sql;
            CREATE FUNCTION f_setof() RETURNS SETOF bigint AS $$ SELECT 1::bigint $$ LANGUAGE sql;
            CREATE FUNCTION f_table() RETURNS TABLE (a text) AS $$ SELECT 'x' $$ LANGUAGE sql;
            CREATE FUNCTION f_out(IN x int, OUT y date) AS $$ SELECT current_date $$ LANGUAGE sql;
            CREATE FUNCTION f_dom() RETURNS posint AS $$ SELECT 1 $$ LANGUAGE sql;
            CREATE FUNCTION f_enum() RETURNS mood AS $$ SELECT 'a'::mood $$ LANGUAGE sql;
            CREATE FUNCTION f_def(a int, b int DEFAULT 2) RETURNS text AS $$ SELECT 'x' $$ LANGUAGE sql;
            CREATE FUNCTION f_num(double precision) RETURNS numeric(10,2) AS $$ SELECT 1.0 $$ LANGUAGE sql;
            CREATE VIEW fv AS SELECT hot_rank(coalesce(b, 0), ts), hot_rank(n, dt) AS h2, f_vc(), f_setof(), f_table(), f_out(1), f_dom(), f_enum(), f_def(1), f_def(i, 3) AS d2, f_num(r) FROM t;
            CREATE TABLE q AS SELECT * FROM fv;
            """,
            "hot_rank integer", "h2 integer", "f_vc character varying", "f_setof bigint", "f_table text", "f_out date", "f_dom posint", "f_enum mood", "f_def text", "d2 text", "f_num numeric");

    [Fact]
    public void Overloads_ResolveOnlyByExactArgumentTypes()
        => AssertColumns(
            """
            CREATE FUNCTION pick(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
            CREATE FUNCTION pick(x text) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;
            CREATE FUNCTION pick(x int, y int) RETURNS date AS $$ SELECT current_date $$ LANGUAGE sql;
            CREATE TABLE q AS SELECT pick(i) AS a, pick(tx) AS b, pick(1) AS c, pick(i, 2) AS d FROM t;
            """,
            "a integer", "b text", "c integer", "d date");

    [Fact]
    public void AFunctionReplacedOrRenamed_IsFollowed()
        => AssertColumns(
            """
            CREATE TABLE q0 AS SELECT hot_rank(n, ts) FROM t;
            CREATE OR REPLACE FUNCTION hot_rank(score numeric, published timestamp without time zone) RETURNS int4 AS $$ SELECT 2 $$ LANGUAGE sql;
            DROP FUNCTION hot_rank;
            CREATE FUNCTION hot_rank(score numeric, published timestamp without time zone) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;
            ALTER FUNCTION hot_rank RENAME TO hr;
            CREATE TABLE q AS SELECT q0.hot_rank, hr(n, ts) FROM q0, t;
            """,
            "hot_rank integer", "hr text");

    [Fact]
    public void SchemaQualifiedCalls_ResolveAmongThatSchemasFunctionsOnly()
    {
        AssertColumns("CREATE FUNCTION lower(x mood) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT pg_catalog.max(i) AS d, pg_catalog.count(*) AS e, pg_catalog.max(public.lower(m)) AS g FROM t;", "d integer", "e bigint", "g integer");
        AssertColumns(
            """
            CREATE SCHEMA app;
            CREATE FUNCTION app.hot_rank(a int) RETURNS date AS $$ SELECT current_date $$ LANGUAGE sql;
            CREATE FUNCTION lower(x mood) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
            CREATE TABLE q AS SELECT public.hot_rank(n, ts) AS a, app.hot_rank(i) AS b, public.lower(m) AS c, "app".hot_rank(s) AS f FROM t;
            """,
            "a integer", "b date", "c integer", "f date");
    }

    [Fact]
    public void ReplacingAFunctionWithAnotherReturnType_IsRefusedAsTheServerDoes()
    {
        var (catalog, diagnostics) = Run(Source + """
            CREATE OR REPLACE FUNCTION hot_rank(score numeric, published timestamp without time zone) RETURNS bigint AS $$ SELECT 1 $$ LANGUAGE sql;
            CREATE TABLE q AS SELECT hot_rank(n, ts) FROM t;
            """);
        var refused = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FunctionReturnTypeChanged, 8), (refused.Code, refused.Line));
        Assert.Contains("42P13", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["hot_rank integer"], catalog.FindTable(Pg("q"))!.Columns.Select(c => $"{c.Name} {c.Type}"));
    }

    [Theory]
    [InlineData("CREATE TABLE q AS SELECT tx + 1 AS k FROM t;")] // 42883.
    [InlineData("CREATE TABLE q AS SELECT d % 2 AS k FROM t;")] // No % for floating types (42883).
    [InlineData("CREATE TABLE q AS SELECT ts - '1 day' AS k FROM t;")] // The string is read as a timestamp (22007).
    [InlineData("CREATE TABLE q AS SELECT hot_rank(tx, ts) FROM t;")] // text does not convert to numeric (42883).
    [InlineData("CREATE TABLE q AS SELECT hot_rank(n) FROM t;")] // No overload of one argument.
    [InlineData("CREATE FUNCTION lower(x mood) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT lower(m) FROM t;")] // pg_catalog's lower may be chosen.
    [InlineData("CREATE FUNCTION pick(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE FUNCTION pick(x bigint) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT pick(s) FROM t;")] // No exact match.
    [InlineData("CREATE FUNCTION pick(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE FUNCTION pick(x text) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT pick('a') FROM t;")] // Unknown-typed: resolution rules not followed.
    [InlineData("CREATE FUNCTION pick(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE FUNCTION pick(x text) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;\nDROP FUNCTION pick(text);\nCREATE TABLE q AS SELECT pick(i) FROM t;")] // Which overload the drop took is not followed.
    [InlineData("CREATE SCHEMA app;\nCREATE FUNCTION app.hot_rank(a int) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT hot_rank(n, ts) FROM t;")] // Another schema's overload.
    [InlineData("DO $$ BEGIN EXECUTE 'CREATE FUNCTION hot_rank(a int, b int) RETURNS text AS ''SELECT 1'' LANGUAGE sql'; END $$;\nCREATE TABLE q AS SELECT hot_rank(n, ts) FROM t;")] // A DO block may create functions.
    [InlineData("CREATE EXTENSION IF NOT EXISTS ltree;\nCREATE TABLE q AS SELECT hot_rank(n, ts) FROM t;")] // An extension whose functions are not listed.
    [InlineData("CREATE FUNCTION f_rec(OUT a int, OUT b int) AS $$ SELECT 1, 2 $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT f_rec() FROM t;")] // A record (the server refuses the column, 42P16).
    [InlineData("CREATE FUNCTION f_arr() RETURNS int[] AS $$ SELECT ARRAY[1] $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT f_arr() FROM t;")] // Arrays are not read.
    [InlineData("CREATE FUNCTION f_col(x t.i%TYPE) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT f_col(i) FROM t;")] // A %TYPE parameter.
    [InlineData("CREATE FUNCTION f_m() RETURNS mood AS $$ SELECT 'a'::mood $$ LANGUAGE sql;\nALTER TYPE mood RENAME TO feeling;\nCREATE TABLE q AS SELECT f_m() FROM t;")] // The enum has another name now.
    [InlineData("CREATE FUNCTION f_m() RETURNS mood AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql;\nALTER TYPE mood RENAME TO feeling;\nCREATE TYPE mood AS ENUM ('x');\nCREATE TABLE q AS SELECT f_m() FROM t;")] // The server's column is feeling, the type the function was created with, not today's mood.
    [InlineData("CREATE SCHEMA app;\nCREATE FUNCTION app.pick(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE FUNCTION app.pick(x bigint) RETURNS text AS $$ SELECT 'a' $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT app.pick(s) FROM t;")] // No exact match in that schema.
    [InlineData("CREATE SCHEMA app;\nCREATE TABLE q AS SELECT app.hot_rank(n, ts) FROM t;")] // None in that schema (42883).
    [InlineData("CREATE TABLE q AS SELECT pg_catalog.hot_rank(n, ts) FROM t;")] // Not pg_catalog's (42883).
    [InlineData("CREATE TABLE q AS SELECT pg_catalog.coalesce(i, 0) FROM t;")] // coalesce is no function (42883).
    [InlineData("CREATE SCHEMA app;\nCREATE EXTENSION IF NOT EXISTS ltree SCHEMA app;\nCREATE FUNCTION app.f(x int) RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT app.f(i) FROM t;")] // An extension whose functions are not listed.
    public void ACallOrOperationNotCertain_KeepsItsTableUnknown(string sql) => AssertUnknown(sql);
}
