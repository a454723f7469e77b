using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// DROP FUNCTION of a function a view or materialized view calls, as PostgreSQL 15 does it:
/// without CASCADE refused (2BP01), with it the view goes, and the views that read it; where the
/// view's call may resolve to another function of the name, a warning instead of a guess.
/// </summary>
public class RoutineViewCallersTests
{
    private const string Setup = """
        CREATE SCHEMA app;
        CREATE TABLE t (a int, s text);
        CREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
        CREATE FUNCTION app.g(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
        CREATE VIEW v AS SELECT f(a) AS b FROM t;
        CREATE VIEW w AS SELECT b FROM v;
        CREATE MATERIALIZED VIEW m AS SELECT app.g(a) AS b FROM t;
        CREATE VIEW u AS SELECT a FROM t WHERE a > 0;

        """;

    [Theory]
    [InlineData("DROP FUNCTION f(int);", "view v calls it")]
    [InlineData("DROP FUNCTION IF EXISTS f RESTRICT;", "view v calls it")]
    [InlineData("DROP FUNCTION app.g;", "materialized view m calls it")]
    [InlineData("DROP ROUTINE app.g(int);", "materialized view m calls it")]
    public void Dropping_a_function_a_view_calls_is_refused(string drop, string message)
    {
        var (catalog, diagnostics) = Run(Setup + drop);
        var refused = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineInUse, 9), (refused.Code, refused.Line));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Contains("2BP01", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, catalog.Relations.Named.Count);
    }

    [Fact]
    public void A_refused_drop_leaves_the_function_to_later_calls()
    {
        var (_, diagnostics) = Run(Setup + "DROP FUNCTION f(int);\nCREATE TABLE q AS SELECT f(a) AS k FROM t;\nALTER TABLE q ADD COLUMN z int;");
        Assert.Equal(DiagnosticCodes.RoutineInUse, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void With_cascade_the_views_that_call_it_go_and_the_views_that_read_them()
    {
        // Made again, they would clash with views still kept (42P07).
        var (catalog, diagnostics) = Run(Setup + """
            DROP FUNCTION f CASCADE;
            DROP FUNCTION app.g(int) CASCADE;
            CREATE VIEW v AS SELECT 1 AS z;
            CREATE VIEW w AS SELECT 1 AS z;
            CREATE MATERIALIZED VIEW m AS SELECT 1 AS z;
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(["public.m", "public.u", "public.v", "public.w"], catalog.Relations.Named.Keys.Select(k => $"{k.Schema}.{k.Name}"));
        Assert.All(catalog.Relations.Named.Values, r => Assert.False(r.Uncertain));
    }

    // A WITH query's or a FROM alias's column list after the function's name is no call of it: the
    // server takes the drop, and the view stays.
    [Theory]
    [InlineData("CREATE VIEW c AS WITH f(k) AS (SELECT a FROM t) SELECT k FROM f;")]
    [InlineData("CREATE VIEW c AS WITH x AS (SELECT 1 AS y), f(k) AS NOT MATERIALIZED (SELECT a FROM t) SELECT k FROM f, x;")]
    [InlineData("CREATE VIEW c AS SELECT f.k FROM t f(k, l);")]
    [InlineData("CREATE VIEW c AS SELECT f.k FROM t JOIN public.t f(k) ON f.k = t.a;")]
    public void A_name_that_only_lists_columns_keeps_no_hold(string view)
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int, s text);\nCREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;\n" + view + "\nDROP FUNCTION f(int);\nCREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;");
        Assert.Empty(diagnostics);
        Assert.Contains(catalog.Relations.Named.Keys, k => k.Name == "c");
    }

    // The same name read as a call still holds the function.
    [Theory]
    [InlineData("CREATE VIEW c AS SELECT * FROM f(1) f(k);")]
    [InlineData("CREATE VIEW c AS SELECT s, NOT f(a) = 1 AS n FROM t;")]
    [InlineData("CREATE VIEW c AS SELECT * FROM t, f(1) AS x;")]
    [InlineData("CREATE VIEW c AS WITH w(k) AS (SELECT f(a) FROM t) SELECT k FROM w;")]
    public void A_call_beside_such_names_still_holds_the_function(string view)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (a int, s text);\nCREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;\n" + view + "\nDROP FUNCTION f(int);");
        Assert.Equal((DiagnosticCodes.RoutineInUse, 4), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
    }

    [Theory]
    [InlineData("CREATE FUNCTION lower(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;\nCREATE VIEW c AS SELECT lower(s) FROM t;\nDROP FUNCTION lower(int);")] // pg_catalog's lower(text).
    [InlineData("CREATE FUNCTION app.f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;\nCREATE VIEW c AS SELECT f(a) FROM t;\nDROP FUNCTION app.f(int);")] // f of public is found first.
    public void A_view_whose_call_may_resolve_elsewhere_is_a_warning(string sql)
    {
        var (_, diagnostics) = Run("CREATE SCHEMA app;\nCREATE TABLE t (a int, s text);\nCREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;\n" + sql);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineViewCallUndecided, DiagnosticSeverity.Warning, 6), (warning.Code, warning.Severity, warning.Line));
    }

    [Fact]
    public void A_view_calling_another_schemas_function_of_the_name_keeps_no_hold()
    {
        var (_, diagnostics) = Run("""
            CREATE SCHEMA app;
            CREATE TABLE t (a int);
            CREATE FUNCTION app.g(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
            CREATE FUNCTION app.f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
            CREATE VIEW c AS SELECT app.g(a) FROM t;
            DROP FUNCTION app.f(int);
            """);
        Assert.Empty(diagnostics);
    }
}
