using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Tables made from a query whose columns the engine can be certain of (CREATE TABLE ... AS,
/// SELECT ... INTO; aggregates, casts, constants, comparisons, joins, subqueries, views, UNION):
/// the engine's columns are the server's (names, format_type, nullability, no defaults), and a
/// later ALTER TABLE on the table is followed. Two columns of one name are refused as the server
/// refuses them.
/// </summary>
public sealed class PostgresQueryTableTests
{
    private const string Source = """
        CREATE TYPE mood AS ENUM ('a', 'b');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE TABLE t (
            id serial PRIMARY KEY, s smallint NOT NULL DEFAULT 1, i int, b bigint, n numeric(10,2), r real, d double precision,
            v varchar(20), c char(3), tx text, ts timestamp(3), tz timestamptz, dt date, fl boolean, p posint, m mood, a int[]
        );
        INSERT INTO t (i, b, n, v, tx, fl, p, m) VALUES (1, 2, 1.5, 'x', 'y', true, 3, 'a');

        """;

    [PostgresTheory]
    [InlineData("aggregates", Source + "CREATE TABLE q AS SELECT count(*), count(i) AS ci, max(i), min(s) AS mins, max(b) AS maxb, max(n) AS maxn, max(v) AS maxv, max(tx) AS maxt, max(ts) AS maxts, max(tz) AS maxtz, max(dt) AS maxdt, max(r) AS maxr, max(d) AS maxd FROM t;")]
    [InlineData("sums, averages, booleans, comparisons", Source + "CREATE TABLE q AS SELECT sum(s) AS ss, sum(i) AS si, sum(b) AS sb, sum(n) AS sn, sum(r) AS sr, sum(d) AS sd, avg(s) AS as_, avg(b) AS ab, avg(n) AS an, avg(r) AS ar, bool_and(fl), bool_or(fl) AS bo, every(fl) AS ev, string_agg(tx, ',' ORDER BY tx) AS sa, string_agg(v, ','), max(i) = 1, i > 2 AS gt, i IS NULL AS nu, count(DISTINCT v) FROM t GROUP BY i;")]
    [InlineData("casts and constants", Source + "CREATE TABLE q AS SELECT NULL::int, NULL::timestamptz, NULL::integer AS x, CAST(NULL AS bigint), i::bigint, CAST(s AS int), NULL::varchar(5), NULL::numeric(5,1), NULL::boolean, NULL::double precision, NULL::real, NULL::smallint, NULL::char(2), NULL::timestamp, NULL, 1 AS k1, 'a' AS k2, 3000000000 AS big, 1.5 AS dec, true AS tr, t.i AS ti FROM t;")]
    [InlineData("CASE, greatest and least, FILTER, negation", Source + "CREATE TABLE q AS SELECT CASE WHEN i > 0 THEN tx ELSE NULL END, CASE WHEN i > 0 THEN 1 ELSE s::int END AS x, CASE WHEN (CASE WHEN fl THEN true END) THEN n ELSE n END AS cn, CASE WHEN true THEN v ELSE v END AS cv, coalesce(v, v) AS vv, CASE i WHEN 1 THEN b ELSE count(*) END, -n AS negn, -d AS negd, least(i, s), greatest(v, NULL) AS gv, greatest(n, n) AS gn, max(i) FILTER (WHERE i > 0) AS fm, count(*) FILTER (WHERE true) AS cf, CASE WHEN fl THEN 'a' ELSE 'b' END AS ct, count(CASE WHEN fl THEN 1 END) AS cc FROM t GROUP BY i, v, s, n, d, b, fl, tx;")]
    [InlineData("unions", Source + """
        CREATE TABLE q1 AS SELECT s FROM t UNION ALL SELECT NULL::int;
        CREATE TABLE q2 AS SELECT i FROM t UNION SELECT b FROM t;
        CREATE TABLE q3 AS SELECT i, n AS k FROM t UNION ALL SELECT d, i FROM t;
        CREATE TABLE q4 AS SELECT n FROM t UNION ALL SELECT n::numeric(5,1) FROM t;
        CREATE TABLE q5 AS SELECT v FROM t UNION ALL SELECT NULL::varchar(20) FROM t;
        CREATE TABLE q6 AS SELECT NULL AS a, v FROM t UNION ALL SELECT i, NULL FROM t;
        CREATE TABLE q7 AS (SELECT v, ts FROM t) UNION ALL (SELECT v, ts FROM t ORDER BY 1) ORDER BY 1 LIMIT 5;
        CREATE TABLE q8 AS SELECT 'a' AS k UNION ALL SELECT 'b';
        CREATE TABLE q9 AS SELECT p, m FROM t UNION ALL SELECT p, m FROM t;
        CREATE SEQUENCE sq;
        CREATE TABLE q11 AS SELECT NULL::mood, m::mood AS mm, nextval('sq'::regclass)::int, max(m) FROM t GROUP BY m UNION ALL SELECT NULL, NULL, 1, NULL::mood;
        CREATE TABLE q10 AS SELECT coalesce(b, 0) AS x, coalesce(s, 0) AS z, coalesce(v, 'x') AS w, coalesce(n, 0), coalesce(0, b) AS q FROM t;
        """)]
    [InlineData("joins, subqueries, SELECT ... INTO", Source + """
        CREATE TABLE q1 AS SELECT * FROM (SELECT i, v FROM t) sub;
        CREATE TABLE q2 AS SELECT x.*, y.d AS yd FROM t x JOIN t AS y ON x.id = y.id AND y.i > 0 LEFT JOIN t z ON z.id = x.id WITH NO DATA;
        SELECT i, v AS vv INTO q3 FROM t WHERE i > 1;
        SELECT DISTINCT i INTO TABLE q4 FROM t AS a WHERE i > (SELECT 1) ORDER BY 1 LIMIT 3;
        CREATE TABLE q5 (x, y) AS SELECT i, v FROM t UNION ALL SELECT NULL, NULL FROM t;
        """)]
    [InlineData("views", Source + """
        CREATE VIEW tv AS SELECT i, coalesce(b, 0) AS cb, count(*) AS n FROM t GROUP BY i, b;
        CREATE TABLE q1 AS SELECT * FROM tv;
        CREATE VIEW tv2 AS SELECT t.* FROM t;
        CREATE TABLE q2 AS SELECT v, m FROM tv2;
        CREATE OR REPLACE VIEW tv2 AS SELECT t.*, 1 AS extra FROM t;
        CREATE TABLE q3 AS TABLE tv2;
        CREATE MATERIALIZED VIEW mv AS SELECT max(tz) AS latest, i FROM t GROUP BY i;
        CREATE TABLE q4 AS SELECT * FROM mv;
        """)]
    [InlineData("a table of aggregates over a union of typed NULLs, then its key", """
        CREATE TABLE comment_like (person_id int NOT NULL, comment_id int NOT NULL, score smallint NOT NULL, published timestamptz NOT NULL);
        CREATE TABLE comment_saved (person_id int NOT NULL, comment_id int NOT NULL, published timestamptz NOT NULL);
        CREATE TABLE comment_actions AS
        SELECT max(liked) AS liked, max(saved) AS saved, person_id, comment_id, max(like_score) = 1 AS vote_is_upvote
        FROM (
            SELECT person_id, comment_id, score AS like_score, published AS liked, NULL::timestamptz AS saved FROM comment_like
            UNION ALL
            SELECT person_id, comment_id, NULL::int, NULL::timestamptz, published FROM comment_saved) AS u
        GROUP BY person_id, comment_id;
        ALTER TABLE comment_actions ALTER COLUMN person_id SET NOT NULL, ALTER COLUMN comment_id SET NOT NULL, ADD PRIMARY KEY (person_id, comment_id);
        CREATE TABLE combined AS SELECT published, person_id, comment_id AS post_id, NULL::int AS comment_id FROM comment_like UNION ALL SELECT published, person_id, NULL::int, comment_id FROM comment_saved;
        ALTER TABLE combined ADD COLUMN id serial PRIMARY KEY;
        """)]
    public Task The_table_has_the_servers_columns(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresTheory]
    [InlineData("a name twice", "CREATE TABLE q AS SELECT i, count(*) AS i FROM t GROUP BY i;")]
    [InlineData("two casts of one type", "CREATE TABLE q AS SELECT NULL::int, CAST(NULL AS integer) FROM t;")]
    [InlineData("two comparisons", "SELECT 1 = 1, 2 > 1 INTO q;")]
    public async Task Two_columns_of_one_name_are_refused_as_the_server_refuses_them(string behaviour, string refused)
    {
        var sql = Source + refused;
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), sql, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.TableCopyColumnNamesRefused, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Contains("42701", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(new QualifiedName("public", "q")));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Source, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42701", error.SqlState);
    }
}
