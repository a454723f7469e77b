using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// One view column per expression (aggregates, AND / OR / NOT, domains through aggregates,
/// operators, window functions and polymorphic calls), each with the type PostgreSQL 15 gave the
/// view's column (format_type); and the columns the planner may show otherwise in a table made from
/// a query (a function inlined gives back a length or precision), which stay unknown there.
/// </summary>
public class PostgresQueryExpressionTypeTests
{
    internal const string Source = """
        CREATE TYPE tf AS ENUM ('Day', 'Week', 'AllTime');
        CREATE DOMAIN posint AS int CHECK (VALUE > 0);
        CREATE DOMAIN shortv AS varchar(10);
        CREATE TABLE t (s smallint, i int, b bigint, n numeric(10,2), v varchar(20), m tf, p posint, sv shortv, bo boolean);
        CREATE FUNCTION iif(condition boolean, true_result anyelement, false_result anyelement)
            RETURNS anyelement AS $f$ SELECT CASE WHEN condition THEN true_result ELSE false_result END $f$ LANGUAGE SQL IMMUTABLE;
        CREATE FUNCTION same(a anyelement) RETURNS anyelement AS $$ SELECT a $$ LANGUAGE sql;
        CREATE FUNCTION samec(a anycompatible, b anycompatible) RETURNS anycompatible AS $$ SELECT a $$ LANGUAGE sql;
        CREATE FUNCTION vn(x numeric(5,2)) RETURNS numeric(5,2) AS $$ SELECT x $$ LANGUAGE sql;

        """;

    /// <summary>Each expression and the type PostgreSQL 15 gives a view's column of it.</summary>
    public static TheoryData<string, string> Typed => new()
    {
        { "sum(p)", "bigint" },
        { "avg(p)", "numeric" },
        { "max(p)", "integer" },
        { "max(sv)", "text" },
        { "max(p) OVER ()", "integer" },
        { "sum(p) OVER ()", "bigint" },
        { "lag(p) OVER ()", "posint" },
        { "first_value(sv) OVER ()", "shortv" },
        { "p + 1", "integer" },
        { "p * 2", "integer" },
        { "-p", "integer" },
        { "iif(true, p, p)", "posint" },
        { "iif(true, p, NULL)", "posint" },
        { "same(p)", "posint" },
        { "samec(p, p)", "posint" },
        { "i > 1 OR bo", "boolean" },
        { "bo AND bo", "boolean" },
        { "NOT bo", "boolean" },
        { "i IS NULL OR i < 1", "boolean" },
        { "sum(i) IS NULL OR sum(i) < 1", "boolean" },
        { "NULL OR bo", "boolean" },
        { "iif(sum(i) IS NULL OR sum(i) < 1, 0::bigint, sum(i))", "bigint" },
        { "CASE WHEN bo THEN i END", "integer" },
        { "CASE WHEN bo THEN m END", "tf" },
        { "coalesce(sum(i), 0)", "bigint" },
        { "row_number() OVER (ORDER BY coalesce(sum(i), 0) DESC)", "bigint" },
        { "vn(n)", "numeric" },
        { "samec(n, 1)", "numeric" },
    };

    /// <summary>Expressions whose type the engine does not decide (the server's in the comment): a domain beside an untyped NULL becomes its base type, and the server refuses the others.</summary>
    public static TheoryData<string> Unknown => new()
    {
        "CASE WHEN bo THEN p END", // integer: the untyped NULL of the missing ELSE makes the domain its base type.
        "i OR bo", // 42804, argument of OR must be type boolean.
        "NULL::int OR bo", // 42804.
        "'x' OR bo", // 22P02, invalid input syntax for type boolean.
        "iif(sum(i) IS NULL OR sum(i) < 1, 0::double precision, sum(n * i) / sum(i))", // 42883: anyelement of double precision and numeric.
    };

    [Theory]
    [MemberData(nameof(Typed))]
    public void A_views_column_has_the_servers_type(string expression, string type)
    {
        var (catalog, diagnostics) = Run(Source + $"CREATE VIEW q AS SELECT {expression} AS c FROM t;");
        Assert.Empty(diagnostics);
        var columns = catalog.Relations.Named[Pg("q")].Columns;
        Assert.True(columns is { Length: 1 }, $"{expression}: not read");
        Assert.Equal($"c {type}", $"{columns.Value[0].Name} {columns.Value[0].Type}");
    }

    [Theory]
    [MemberData(nameof(Unknown))]
    public void A_views_column_the_engine_cannot_decide_stays_unknown(string expression)
    {
        var (catalog, _) = Run(Source + $"CREATE VIEW q AS SELECT {expression} AS c FROM t;");
        Assert.Null(catalog.Relations.Named[Pg("q")].Columns);
    }

    [Theory]
    [InlineData("CREATE TABLE q AS SELECT vn(n) FROM t;")] // numeric(10,2): vn is inlined, and returns n.
    [InlineData("CREATE TABLE q AS SELECT samec(n, 1) FROM t;")] // numeric(10,2).
    [InlineData("CREATE TABLE q AS SELECT vn(n)::numeric AS c FROM t;")] // A cast to the type it has is no conversion: numeric(10,2).
    [InlineData("CREATE TABLE q AS SELECT c FROM (SELECT coalesce(vn(n), vn(n)) AS c FROM t) s;")] // numeric(10,2).
    [InlineData("CREATE VIEW w AS SELECT vn(n) AS c FROM t;\nCREATE TABLE q AS SELECT * FROM w;")] // The view's column is numeric, the table's numeric(10,2).
    [InlineData("CREATE MATERIALIZED VIEW w AS SELECT vn(n) AS c FROM t;\nCREATE TABLE q AS SELECT * FROM w;")] // The materialized view's column is numeric(10,2).
    public void A_table_from_a_query_whose_planner_may_give_back_a_length_is_not_made(string sql)
    {
        var (catalog, _) = Run(Source + sql);
        Assert.Null(catalog.FindTable(Pg("q")));
    }

    [Fact]
    public void A_recursive_with_query_has_its_non_recursive_terms_types()
    {
        var (catalog, diagnostics) = Run(Source + "CREATE TABLE q AS WITH RECURSIVE x(k, w) AS (SELECT i, v FROM t UNION ALL SELECT k + 1, w FROM x WHERE k < 3), y AS (SELECT count(*) c FROM x), z AS (SELECT b FROM t) SELECT x.*, y.c, z.b FROM x, y, z;");
        Assert.Empty(diagnostics);
        Assert.Equal(["k integer", "w character varying(20)", "c bigint", "b bigint"], catalog.FindTable(Pg("q"))!.Columns.Select(c => $"{c.Name} {c.Type}"));
    }

    [Theory]
    [InlineData("WITH RECURSIVE x(k) AS (SELECT 1 UNION ALL SELECT k + 1.5 FROM x WHERE k < 3) SELECT * FROM x")] // 42804: integer in the non-recursive term, numeric overall.
    [InlineData("WITH RECURSIVE x(w) AS (SELECT v FROM t UNION ALL SELECT max(w) FROM x) SELECT * FROM x")] // 42804: character varying(20), then text.
    [InlineData("WITH RECURSIVE t AS (SELECT i FROM t) SELECT * FROM t")] // 42P19: no UNION, so t is not the table t.
    [InlineData("WITH RECURSIVE a AS (SELECT * FROM b), b AS (SELECT i FROM t) SELECT * FROM a")] // A later query read first: not read.
    public void A_recursive_with_query_the_engine_cannot_decide_stays_unknown(string query)
    {
        var (catalog, _) = Run(Source + $"CREATE VIEW q AS {query};");
        Assert.Null(catalog.Relations.Named[Pg("q")].Columns);
    }

    [Fact]
    public void A_table_from_a_functions_value_of_a_type_without_length_is_made()
    {
        var (catalog, diagnostics) = Run(Source + "CREATE VIEW w AS SELECT vn(n) AS c, samec(i, b) AS d FROM t;\nCREATE TABLE q AS SELECT d, max(c) AS e FROM w GROUP BY d;");
        Assert.Empty(diagnostics);
        Assert.Equal(["d bigint", "e numeric"], catalog.FindTable(Pg("q"))!.Columns.Select(c => $"{c.Name} {c.Type}"));
    }
}
