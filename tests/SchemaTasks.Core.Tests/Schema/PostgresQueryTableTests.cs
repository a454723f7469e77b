using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL tables made from a query whose columns are certain (CREATE TABLE ... AS, SELECT ...
/// INTO): names and types as PostgreSQL 15 made them for each query here (read back with
/// format_type), every column nullable, without default or constraint. A query whose columns are
/// not certain stays a table of unknown columns (ST3157 once a statement depends on them).
/// </summary>
public class PostgresQueryTableTests
{
    private const string Source = """
        CREATE TYPE mood AS ENUM ('a', 'b');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE TABLE t (
            id serial PRIMARY KEY, s smallint NOT NULL DEFAULT 1, i int, b bigint, n numeric(10,2), r real, d double precision,
            v varchar(20), c char(3), tx text, ts timestamp(3), tz timestamptz, dt date, fl boolean, p posint, m mood, a int[]
        );

        """;

    private static void AssertColumns(string query, params string[] expected)
    {
        var (catalog, diagnostics) = Run(Source + query);
        Assert.Empty(diagnostics);
        var table = catalog.FindTable(Pg("q"))!;
        Assert.Equal(expected, table.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.All(table.Columns, c => Assert.True(c.IsNullable && c.Default is null));
        Assert.Empty(table.Checks);
        Assert.Empty(table.OtherConstraints);
    }

    [Fact]
    public void Aggregates_HaveTheTypesTheServerGivesThem()
        => AssertColumns(
            "CREATE TABLE q AS SELECT count(*), count(i) AS ci, max(i), min(s) AS mins, max(b) AS maxb, max(n) AS maxn, max(v) AS maxv, max(tx) AS maxt, max(ts) AS maxts, max(tz) AS maxtz, max(dt) AS maxdt, max(r) AS maxr, max(d) AS maxd FROM t;",
            "count bigint", "ci bigint", "max integer", "mins smallint", "maxb bigint", "maxn numeric", "maxv text", "maxt text", "maxts timestamp without time zone",
            "maxtz timestamp with time zone", "maxdt date", "maxr real", "maxd double precision");

    [Fact]
    public void SumsAveragesBooleansAndComparisons_HaveTheTypesTheServerGivesThem()
        => AssertColumns(
            "CREATE TABLE q AS SELECT sum(s) AS ss, sum(i) AS si, sum(b) AS sb, sum(n) AS sn, sum(r) AS sr, sum(d) AS sd, avg(s) AS as_, avg(b) AS ab, avg(n) AS an, avg(r) AS ar, bool_and(fl), every(fl) AS ev, string_agg(tx, ',' ORDER BY tx) AS sa, string_agg(v, ','), max(i) = 1, i > 2 AS gt, i IS NULL AS nu, count(DISTINCT v) FROM t GROUP BY i;",
            "ss bigint", "si bigint", "sb numeric", "sn numeric", "sr real", "sd double precision", "as_ numeric", "ab numeric", "an numeric", "ar double precision",
            "bool_and boolean", "ev boolean", "sa text", "string_agg text", "?column? boolean", "gt boolean", "nu boolean", "count bigint");

    [Fact]
    public void CastsAndConstants_AreNamedAndTypedAsTheServerDoes()
        => AssertColumns(
            "CREATE TABLE q AS SELECT NULL::int, NULL::timestamptz, NULL::integer AS x, CAST(NULL AS bigint), i::bigint, CAST(s AS int), NULL::varchar(5), NULL::numeric(5,1), NULL::boolean, NULL::double precision, NULL::real, NULL::smallint, NULL::char(2), NULL::timestamp, NULL, 1 AS k1, 'a' AS k2, 3000000000 AS big, 1.5 AS dec, true AS tr, t.i AS ti FROM t;",
            "int4 integer", "timestamptz timestamp with time zone", "x integer", "int8 bigint", "i bigint", "s integer", "varchar character varying(5)", "numeric numeric(5,1)",
            "bool boolean", "float8 double precision", "float4 real", "int2 smallint", "bpchar character(2)", "timestamp timestamp without time zone", "?column? text",
            "k1 integer", "k2 text", "big bigint", "dec numeric", "tr boolean", "ti integer");

    [Fact]
    public void CaseGreatestFilterAndNegation_AreTypedAndNamedAsTheServerDoes()
        => AssertColumns(
            "CREATE TABLE q AS SELECT CASE WHEN i > 0 THEN tx ELSE NULL END, CASE WHEN i > 0 THEN 1 ELSE s::int END AS x, CASE WHEN (CASE WHEN fl THEN true END) THEN n ELSE n END AS cn, CASE i WHEN 1 THEN b ELSE count(*) END, -n AS negn, -d AS negd, least(i, s), greatest(v, NULL) AS gv, greatest(n, n) AS gn, max(i) FILTER (WHERE i > 0) AS fm, count(*) FILTER (WHERE true) AS cf, CASE WHEN fl THEN 'a' ELSE 'b' END AS ct, count(CASE WHEN fl THEN 1 END) AS cc FROM t GROUP BY i, v, s, n, d, b, fl, tx;",
            "case text", "x integer", "cn numeric(10,2)", "count bigint", "negn numeric", "negd double precision", "least integer", "gv character varying",
            "gn numeric(10,2)", "fm integer", "cf bigint", "ct text", "cc bigint");

    [Theory]
    [InlineData("SELECT s FROM t UNION ALL SELECT NULL::int", "s integer")]
    [InlineData("SELECT i FROM t UNION SELECT b FROM t", "i bigint")]
    [InlineData("SELECT i FROM t UNION ALL SELECT d FROM t", "i double precision")]
    [InlineData("SELECT i FROM t UNION ALL SELECT n FROM t", "i numeric")]
    [InlineData("SELECT n FROM t UNION ALL SELECT n::numeric(5,1) FROM t", "n numeric")]
    [InlineData("SELECT v FROM t UNION ALL SELECT NULL::varchar(20) FROM t", "v character varying(20)")]
    [InlineData("SELECT NULL AS a, v FROM t UNION ALL SELECT i, NULL FROM t", "a integer", "v character varying")]
    [InlineData("(SELECT v, ts FROM t) UNION ALL (SELECT v, ts FROM t ORDER BY 1) ORDER BY 1 LIMIT 5", "v character varying(20)", "ts timestamp(3) without time zone")]
    [InlineData("SELECT 'a' AS k UNION ALL SELECT 'b'", "k text")]
    [InlineData("SELECT p, m FROM t UNION ALL SELECT p, m FROM t", "p posint", "m mood")]
    [InlineData("SELECT coalesce(b, 0) AS x, coalesce(s, 0) AS z, coalesce(v, 'x') AS w, coalesce(n, 0), coalesce(0, b) AS q FROM t", "x bigint", "z integer", "w character varying", "coalesce numeric", "q bigint")]
    public void Unions_ResolveTheTypesTheServerResolves(string query, params string[] expected)
        => AssertColumns($"CREATE TABLE q AS {query};", expected);

    [Theory]
    [InlineData("CREATE TABLE q AS SELECT * FROM (SELECT i, v FROM t) sub;", "i integer", "v character varying(20)")]
    [InlineData("CREATE TABLE q AS SELECT x.*, y.d AS yd FROM t x JOIN t AS y ON x.id = y.id AND y.i > 0 LEFT JOIN t z ON z.id = x.id WITH NO DATA;", "id integer", "s smallint", "i integer", "b bigint", "n numeric(10,2)", "r real", "d double precision", "v character varying(20)", "c character(3)", "tx text", "ts timestamp(3) without time zone", "tz timestamp with time zone", "dt date", "fl boolean", "p posint", "m mood", "a integer[]", "yd double precision")]
    [InlineData("SELECT i, v AS vv INTO q FROM t WHERE i > 1;", "i integer", "vv character varying(20)")]
    [InlineData("SELECT DISTINCT i INTO TABLE q FROM t AS a WHERE i > (SELECT 1) ORDER BY 1 LIMIT 3;", "i integer")]
    [InlineData("CREATE TABLE q (x, y) AS SELECT i, v FROM t UNION ALL SELECT NULL, NULL FROM t;", "x integer", "y character varying")]
    [InlineData("CREATE VIEW tv AS SELECT i, coalesce(b, 0) AS cb, count(*) AS n FROM t GROUP BY i, b;\nCREATE TABLE q AS SELECT * FROM tv;", "i integer", "cb bigint", "n bigint")]
    [InlineData("CREATE VIEW tv AS SELECT t.* FROM t;\nCREATE TABLE q AS SELECT v, m FROM tv;", "v character varying(20)", "m mood")]
    [InlineData("CREATE SEQUENCE sq;\nCREATE TABLE q AS SELECT NULL::mood, m::mood AS mm, nextval('sq'::regclass)::int, max(m) FROM t GROUP BY m UNION ALL SELECT NULL, NULL, 1, NULL::mood;", "mood mood", "mm mood", "nextval integer", "max mood")]
    [InlineData("CREATE VIEW tv AS SELECT i FROM t;\nCREATE OR REPLACE VIEW tv AS SELECT i, b FROM t;\nCREATE TABLE q AS TABLE tv;", "i integer", "b bigint")]
    public void FromItemsSubqueriesAndViews_GiveTheirColumns(string sql, params string[] expected) => AssertColumns(sql, expected);

    // The shapes of a real history: aggregates over a UNION ALL of typed NULLs in an unaliased
    // subquery (PostgreSQL 16 and later take it), then a key on the new table.
    [Fact]
    public void TablesMadeOfUnionsOfTypedNulls_TakeKeysAfterwards()
    {
        var catalog = Clean("""
            CREATE TABLE comment_like (person_id int NOT NULL, comment_id int NOT NULL, score smallint NOT NULL, published timestamptz NOT NULL);
            CREATE TABLE comment_saved (person_id int NOT NULL, comment_id int NOT NULL, published timestamptz NOT NULL);
            CREATE TABLE comment_actions AS
            SELECT max(liked) AS liked, max(saved) AS saved, person_id, comment_id, max(like_score) = 1 AS vote_is_upvote
            FROM (
                SELECT person_id, comment_id, score AS like_score, published AS liked, NULL::timestamptz AS saved FROM comment_like
                UNION ALL
                SELECT person_id, comment_id, NULL::int, NULL::timestamptz, published FROM comment_saved)
            GROUP BY person_id, comment_id;
            ALTER TABLE comment_actions ALTER COLUMN person_id SET NOT NULL, ALTER COLUMN comment_id SET NOT NULL, ADD PRIMARY KEY (person_id, comment_id);
            CREATE TABLE combined AS SELECT published, person_id, comment_id AS post_id, NULL::int AS comment_id FROM comment_like UNION ALL SELECT published, person_id, NULL::int, comment_id FROM comment_saved;
            ALTER TABLE combined ADD COLUMN id serial PRIMARY KEY;
            """);
        var actions = catalog.FindTable(Pg("comment_actions"))!;
        Assert.Equal(
            ["liked timestamp with time zone True", "saved timestamp with time zone True", "person_id integer False", "comment_id integer False", "vote_is_upvote boolean True"],
            actions.Columns.Select(c => $"{c.Name} {c.Type} {c.IsNullable}"));
        Assert.Equal(["published", "person_id", "post_id", "comment_id", "id"], catalog.FindTable(Pg("combined"))!.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("CREATE TABLE q AS SELECT i, count(*) AS i FROM t GROUP BY i;")]
    [InlineData("CREATE TABLE q AS SELECT NULL::int, CAST(NULL AS integer) FROM t;")]
    [InlineData("SELECT 1 = 1, 2 > 1 INTO q;")]
    public void TwoColumnsOfOneName_AreRefusedAsTheServerDoes(string sql)
    {
        var (catalog, diagnostics) = Run(Source + sql);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TableCopyColumnNamesRefused, diagnostic.Code);
        Assert.Contains("42701", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindTable(Pg("q")));
    }

    // Not certain here: the table's columns stay unknown, an error once a statement depends on them.
    [Theory]
    [InlineData("CREATE TABLE q AS SELECT i FROM t UNION ALL SELECT tx FROM t;")] // Types the server may refuse to resolve (42804).
    [InlineData("CREATE TABLE q AS SELECT v FROM t UNION ALL SELECT tx FROM t;")] // varchar with text: not resolved here.
    [InlineData("CREATE TABLE q AS SELECT p FROM t UNION ALL SELECT NULL;")] // A domain beside NULL becomes its base type.
    [InlineData("CREATE TABLE q AS SELECT max(c) FROM t;")] // bpchar.
    [InlineData("CREATE TABLE q AS SELECT sum(tx) FROM t;")] // 42883.
    [InlineData("CREATE TABLE q AS SELECT i FROM t, t AS u;")] // 42702, ambiguous.
    [InlineData("CREATE TABLE q AS SELECT nope, count(*) FROM t;")] // 42703.
    [InlineData("CREATE TABLE q AS SELECT tx + 1 AS i FROM t;")] // 42883.
    [InlineData("CREATE TABLE q AS SELECT CASE WHEN fl THEN 1 ELSE 'x' END AS k FROM t;")] // The server refuses 'x' as integer (22P02).
    [InlineData("CREATE TABLE q AS SELECT -tx AS k FROM t;")] // 42883.
    [InlineData("CREATE TABLE q AS SELECT CASE WHEN fl THEN v END AS k FROM t;")] // Its length kept or not as the condition folds.
    [InlineData("CREATE TABLE q AS SELECT CASE WHEN fl THEN v ELSE NULL END AS k FROM t;")]
    [InlineData("CREATE TABLE q AS SELECT coalesce(NULL, v) AS k FROM t;")] // v's length: the NULL is dropped first.
    [InlineData("CREATE TABLE q AS SELECT i FROM t UNION ALL SELECT '1';")] // A string read as integer: it may not be one (22P02).
    [InlineData("CREATE TABLE q AS SELECT m FROM t UNION ALL SELECT 'c';")] // Nor a label of the enum.
    [InlineData("CREATE TABLE q AS SELECT * FROM t JOIN t AS u USING (id);")]
    [InlineData("CREATE TABLE q AS SELECT i FROM t INTERSECT SELECT i FROM t;")]
    [InlineData("CREATE TABLE q AS SELECT NULL::regclass FROM t;")] // A type not read.
    [InlineData("CREATE TABLE q AS SELECT NULL::nope FROM t;")] // A type the migrations do not create.
    [InlineData("CREATE TABLE q AS SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i) FROM t;")]
    [InlineData("CREATE TABLE q AS SELECT i FROM (SELECT i FROM t) s (k);")]
    [InlineData("CREATE VIEW tv (k) AS SELECT i FROM t;\nCREATE TABLE q AS SELECT * FROM (SELECT * FROM tv) s;")]
    [InlineData("CREATE VIEW tv AS SELECT i FROM t;\nALTER VIEW tv RENAME COLUMN i TO k;\nCREATE TABLE q AS SELECT * FROM (SELECT * FROM tv) s;")]
    [InlineData("CREATE VIEW tv AS SELECT i FROM t;\nALTER TABLE tv RENAME COLUMN i TO k;\nCREATE TABLE q AS SELECT * FROM (SELECT * FROM tv) s;")]
    [InlineData("SELECT i INTO q FROM t FOR UPDATE;")]
    public void AQueryNotCertain_KeepsItsTableUnknown(string sql)
    {
        var (catalog, diagnostics) = Run(Source + sql + "\nALTER TABLE q ADD COLUMN z int;");
        Assert.Equal(DiagnosticCodes.QueryShapedTableUsed, Assert.Single(diagnostics).Code);
        Assert.Null(catalog.FindTable(Pg("q")));
    }

    [Fact]
    public void ACopyOfAViewWhoseColumnWasRenamed_StaysRefused()
    {
        var (catalog, diagnostics) = Run(Source + "CREATE VIEW tv AS SELECT i FROM t;\nALTER VIEW tv RENAME COLUMN i TO k;\nCREATE TABLE q AS SELECT * FROM tv;");
        Assert.Equal(DiagnosticCodes.UnsupportedStatement, Assert.Single(diagnostics).Code);
        Assert.Null(catalog.FindTable(Pg("q")));
    }

    [Fact]
    public void ATableMadeOverAnExistingOne_IsRefused()
    {
        var (_, diagnostics) = Run(Source + "CREATE TABLE q (k int);\nCREATE TABLE q AS SELECT count(*) FROM t;\nCREATE TABLE IF NOT EXISTS q AS SELECT count(*) FROM t;");
        Assert.Equal([DiagnosticCodes.TableExists], diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code));
    }
}
