using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Columns of queries with window functions, the current time, date_part, extract and date_trunc,
/// WITH queries, enum_range and unnest, and calls of the migrations' polymorphic functions (views of
/// them copied into tables included): the engine's columns are the server's.
/// </summary>
public sealed class PostgresQueryWindowAndTimeTests
{
    private const string Source = """
        CREATE TYPE tf AS ENUM ('Day', 'Week', 'AllTime');
        CREATE TABLE t (
            s smallint, i int, b bigint, n numeric(10,2), v varchar(20), tx text, ts timestamp(3), tz timestamptz,
            dt date, iv interval, m tf, d double precision, e tf[], ia int[]
        );
        CREATE FUNCTION iif(condition boolean, true_result anyelement, false_result anyelement)
            RETURNS anyelement AS $f$ SELECT CASE WHEN condition THEN true_result ELSE false_result END $f$ LANGUAGE SQL IMMUTABLE;

        """;

    [PostgresTheory]
    [InlineData("window functions", Source + "CREATE TABLE q AS SELECT row_number() OVER () a1, rank() OVER (ORDER BY i) a2, dense_rank() OVER w a3, ntile(3) OVER () a4, percent_rank() OVER () a5, cume_dist() OVER () a6, lag(v) OVER () a7, lead(n, 2) OVER () a8, first_value(ts) OVER () a9, last_value(m) OVER () a10, lag(i, 1, 0) OVER () a11, sum(i) OVER () a12, count(*) OVER () a13, max(v) OVER (PARTITION BY i) a14, nth_value(tx, 2) OVER () a15, lag(b, 1, i) OVER () a16, row_number() OVER (PARTITION BY m ORDER BY coalesce(i, 0) DESC, b DESC) FROM t WINDOW w AS (ORDER BY b);")]
    [InlineData("time functions and arithmetic", Source + "CREATE TABLE q AS SELECT date_part('day', ts) c1, date_part('year', dt) c2, extract(day from ts) c3, extract(epoch from iv) c4, now() c5, current_timestamp c6, now() - ts c7, ts - ts c8, dt - dt c9, dt + 1 c10, dt + iv c11, current_date c12, localtimestamp c13, transaction_timestamp() c14, clock_timestamp() c15, statement_timestamp() c16, date_part('day', iv) c17, now() - tz c19, now() - dt c20, date_trunc('day', ts) c21, date_trunc('day', tz) c22, date_trunc('day', iv) c23, date_part('day', now() - ts) c24, now(), current_date, extract(year from dt), current_time c25, localtime c26 FROM t;")]
    [InlineData("polymorphic functions", Source + """
        CREATE FUNCTION pair_first(a anycompatible, b anycompatible) RETURNS anycompatible AS $$ SELECT a $$ LANGUAGE sql;
        CREATE FUNCTION is_set(x anyelement) RETURNS boolean AS $$ SELECT x IS NOT NULL $$ LANGUAGE sql;
        CREATE TABLE q AS SELECT iif(true, i, NULL) p1, iif(i > 0, 'x', tx) p2, iif(true, m, NULL) p4, iif(m = 'Day'::tf, b, NULL::bigint) p5, iif(true, e, e) p6, pair_first(i, b) p7, pair_first(s, 1.5) p8, is_set(v) p9, iif(false, dt, dt) FROM t;
        """)]
    [InlineData("a polymorphic function called with its schema", Source + """
        CREATE SCHEMA app;
        CREATE FUNCTION app.pick(c boolean, a anyelement, b anyelement) RETURNS anyelement AS $$ SELECT CASE WHEN c THEN a ELSE b END $$ LANGUAGE sql;
        CREATE TABLE q AS SELECT app.pick(true, i, NULL) p1, app.pick(i > 0, 'x', tx) p2, app.pick(true, m, NULL) p3, public.iif(true, b, b) p4 FROM t;
        """)]
    [InlineData("WITH queries", Source + "CREATE TABLE q AS WITH a AS (SELECT i, v FROM t), b(x) AS (SELECT n, tx FROM t), t AS (SELECT b FROM t) SELECT a.*, b.*, t.b AS tb FROM a, b, t;")]
    [InlineData("enum_range and unnest", Source + "CREATE TABLE q AS SELECT unnest(e) u1, enum_range(NULL::tf) u2, unnest(enum_range(NULL::tf)) u3, enum_range(m) u4, unnest(ia) u5 FROM t;")]
    [InlineData("a view of counts and ranks by timeframe, copied", Source + """
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
        CREATE VIEW v2 AS SELECT v.*, rank() OVER (ORDER BY "cntDay") AS r FROM v;
        CREATE TABLE "ModelRank" AS SELECT * FROM v;
        CREATE TABLE q AS SELECT * FROM v2;
        """)]
    public Task The_table_has_the_servers_columns(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
