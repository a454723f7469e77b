using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Columns of queries with window functions, the current time, date_part and extract, WITH queries,
/// enum_range and unnest, and calls of the migrations' polymorphic functions: the types PostgreSQL
/// 15 gave each (read back with format_type), and the calls it refuses or may type otherwise, which stay unknown.
/// </summary>
public class PostgresQueryWindowAndTimeTests
{
    private const string Source = """
        CREATE TYPE tf AS ENUM ('Day', 'Week', 'AllTime');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE TABLE t (
            s smallint, i int, b bigint, n numeric(10,2), v varchar(20), tx text, ts timestamp(3), tz timestamptz,
            dt date, iv interval, m tf, d double precision, e tf[], ia int[], p posint
        );
        CREATE FUNCTION iif(condition boolean, true_result anyelement, false_result anyelement)
            RETURNS anyelement AS $f$ SELECT CASE WHEN condition THEN true_result ELSE false_result END $f$ LANGUAGE SQL IMMUTABLE;

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
    public void WindowFunctions_HaveTheServersTypes()
        => AssertColumns(
            "CREATE TABLE q AS SELECT row_number() OVER () a1, rank() OVER (ORDER BY i) a2, dense_rank() OVER w a3, ntile(3) OVER () a4, percent_rank() OVER () a5, cume_dist() OVER () a6, lag(v) OVER () a7, lead(n, 2) OVER () a8, first_value(ts) OVER () a9, last_value(m) OVER () a10, lag(i, 1, 0) OVER () a11, sum(i) OVER () a12, count(*) OVER () a13, max(v) OVER (PARTITION BY i) a14, nth_value(tx, 2) OVER () a15, lag(b, 1, i) OVER () a16, row_number() OVER (PARTITION BY m ORDER BY coalesce(i, 0) DESC, b DESC) FROM t WINDOW w AS (ORDER BY b);",
            "a1 bigint", "a2 bigint", "a3 bigint", "a4 integer", "a5 double precision", "a6 double precision", "a7 character varying", "a8 numeric", "a9 timestamp without time zone",
            "a10 tf", "a11 integer", "a12 bigint", "a13 bigint", "a14 text", "a15 text", "a16 bigint", "row_number bigint");

    [Fact]
    public void TimeFunctionsAndArithmetic_HaveTheServersTypes()
        => AssertColumns(
            "CREATE TABLE q AS SELECT date_part('day', ts) c1, date_part('year', dt) c2, extract(day from ts) c3, extract(epoch from iv) c4, now() c5, current_timestamp c6, now() - ts c7, ts - ts c8, dt - dt c9, dt + 1 c10, dt + iv c11, current_date c12, localtimestamp c13, transaction_timestamp() c14, clock_timestamp() c15, statement_timestamp() c16, date_part('day', iv) c17, now() - tz c19, now() - dt c20, date_trunc('day', ts) c21, date_trunc('day', tz) c22, date_trunc('day', iv) c23, date_part('day', now() - ts) c24, now(), current_date, extract(year from dt) FROM t;",
            "c1 double precision", "c2 double precision", "c3 numeric", "c4 numeric", "c5 timestamp with time zone", "c6 timestamp with time zone", "c7 interval", "c8 interval", "c9 integer",
            "c10 date", "c11 timestamp without time zone", "c12 date", "c13 timestamp without time zone", "c14 timestamp with time zone", "c15 timestamp with time zone",
            "c16 timestamp with time zone", "c17 double precision", "c19 interval", "c20 interval", "c21 timestamp without time zone", "c22 timestamp with time zone", "c23 interval",
            "c24 double precision", "now timestamp with time zone", "current_date date", "extract numeric");

    [Fact]
    public void PolymorphicFunctions_TakeTheirArgumentsType()
        => AssertColumns(
            """
            CREATE FUNCTION pair_first(a anycompatible, b anycompatible) RETURNS anycompatible AS $$ SELECT a $$ LANGUAGE sql;
            CREATE FUNCTION is_set(x anyelement) RETURNS boolean AS $$ SELECT x IS NOT NULL $$ LANGUAGE sql;
            CREATE TABLE q AS SELECT iif(true, i, NULL) p1, iif(i > 0, 'x', tx) p2, iif(true, m, NULL) p4, iif(m = 'Day'::tf, b, NULL::bigint) p5, iif(true, e, e) p6, pair_first(i, b) p7, pair_first(s, 1.5) p8, is_set(v) p9, iif(false, dt, dt) FROM t;
            """,
            "p1 integer", "p2 text", "p4 tf", "p5 bigint", "p6 tf[]", "p7 bigint", "p8 numeric", "p9 boolean", "iif date");

    // A call written with its schema resolves there: app.iif is typed as iif is, not left unknown
    // for want of an iif in public.
    [Fact]
    public void APolymorphicFunctionCalledWithItsSchema_TakesItsArgumentsType()
        => AssertColumns(
            """
            CREATE SCHEMA app;
            CREATE FUNCTION app.pick(c boolean, a anyelement, b anyelement) RETURNS anyelement AS $$ SELECT CASE WHEN c THEN a ELSE b END $$ LANGUAGE sql;
            CREATE TABLE q AS SELECT app.pick(true, i, NULL) p1, app.pick(i > 0, 'x', tx) p2, app.pick(true, m, NULL) p3, public.iif(true, b, b) p4 FROM t;
            """,
            "p1 integer", "p2 text", "p3 tf", "p4 bigint");

    [Fact]
    public void WithQueriesEnumRangeAndUnnest_AreRead()
        => AssertColumns(
            "CREATE TABLE q AS WITH a AS (SELECT i, v FROM t), b(x) AS (SELECT n, tx FROM t), t AS (SELECT b FROM t) SELECT a.*, b.*, t.b AS tb FROM a, b, t;",
            "i integer", "v character varying(20)", "x numeric(10,2)", "tx text", "tb bigint");

    [Fact]
    public void EnumRangeAndUnnest_HaveTheElementAndArrayTypes()
        => AssertColumns(
            "CREATE TABLE q AS SELECT unnest(e) u1, enum_range(NULL::tf) u2, unnest(enum_range(NULL::tf)) u3, enum_range(m) u4, unnest(ia) u5 FROM t;",
            "u1 tf", "u2 tf[]", "u3 tf", "u4 tf[]", "u5 integer");

    [Fact]
    public void AViewOfCountsAndRanksByTimeframe_IsCopied()
        => AssertColumns(
            """
            CREATE TABLE "Model" (id int PRIMARY KEY, "publishedAt" timestamp(3));
            CREATE TABLE "ModelMetric" ("modelId" int, timeframe tf, cnt int);
            CREATE VIEW v AS
            WITH stats AS (
              SELECT m.id AS "modelId", COALESCE(mm.cnt, 0) AS cnt,
                ROW_NUMBER() OVER (PARTITION BY tf.timeframe ORDER BY COALESCE(mm.cnt, 0) DESC, m.id DESC) AS "cntRank",
                date_part('day', now() - m."publishedAt") age_days, tf.timeframe
              FROM "Model" m
              CROSS JOIN (SELECT unnest(enum_range(NULL::tf)) AS timeframe) tf
              LEFT JOIN "ModelMetric" mm ON mm."modelId" = m.id AND mm.timeframe = tf.timeframe
            )
            SELECT "modelId",
              MAX(IIF(timeframe = 'Day'::tf, cnt, NULL::int)) AS "cntDay",
              MAX(IIF(timeframe = 'Day'::tf, "cntRank", NULL::bigint)) AS "cntDayRank",
              MAX(age_days) age_days
            FROM stats GROUP BY "modelId";
            CREATE TABLE q AS SELECT * FROM v;
            """,
            "modelId integer", "cntDay integer", "cntDayRank bigint", "age_days double precision");

    [Theory]
    [InlineData("CREATE TABLE q AS SELECT row_number() FROM t;")] // Without OVER the server refuses it (42809).
    [InlineData("CREATE TABLE q AS SELECT lower(tx) OVER () FROM t;")] // OVER on a plain function is refused (42809).
    [InlineData("CREATE TABLE q AS SELECT lag(NULL) OVER () FROM t;")] // No type to resolve.
    [InlineData("CREATE TABLE q AS SELECT ntile(b) OVER () FROM t;")] // bigint does not convert to integer (42883).
    [InlineData("CREATE TABLE q AS SELECT current_timestamp(3) FROM t;")] // Keeps its precision.
    [InlineData("CREATE TABLE q AS SELECT date_part('day', tx) FROM t;")] // text is not a time.
    [InlineData("CREATE TABLE q AS SELECT iif(true, s, i) FROM t;")] // anyelement of two types is refused (42883).
    [InlineData("CREATE TABLE q AS SELECT iif(true, NULL, NULL) FROM t;")] // No type to resolve (42804).
    [InlineData("CREATE TABLE q AS SELECT iif(true, v, v) FROM t;")] // The server keeps the length when it inlines the function.
    [InlineData("CREATE TABLE q AS SELECT iif(true, i, '1') FROM t;")] // The string is read as an integer, which may fail.
    [InlineData("CREATE TABLE q AS SELECT iif(1, i, i) FROM t;")] // integer does not convert to boolean.
    [InlineData("CREATE FUNCTION iif(c int, a anyelement, b anyelement) RETURNS anyelement AS $$ SELECT a $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT iif(true, i, i) FROM t;")] // Overloads.
    [InlineData("CREATE FUNCTION first_of(a anyarray) RETURNS anyelement AS $$ SELECT a[1] $$ LANGUAGE sql;\nCREATE TABLE q AS SELECT first_of(ia) FROM t;")] // anyarray is not read.
    [InlineData("CREATE TABLE q AS WITH a AS (SELECT i FROM t), a AS (SELECT b FROM t) SELECT * FROM a;")] // 42712.
    [InlineData("CREATE TABLE q AS WITH a(x, y) AS (SELECT i FROM t) SELECT * FROM a;")] // More names than columns (42P10).
    [InlineData("CREATE TABLE q AS WITH a AS (SELECT i FROM t) SELECT * FROM public.a;")] // A qualified name is not the WITH query's.
    [InlineData("CREATE TABLE q AS SELECT unnest(NULL) FROM t;")]
    [InlineData("CREATE SCHEMA app;\nCREATE TABLE q AS SELECT app.iif(true, i, i) FROM t;")] // No iif in app (42883).
    public void AQueryNotCertain_KeepsItsTableUnknown(string sql) => AssertUnknown(sql);
}
