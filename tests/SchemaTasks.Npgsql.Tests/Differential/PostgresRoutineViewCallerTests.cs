using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DROP FUNCTION of a function a view or materialized view calls: without CASCADE the server
/// refuses it (2BP01) as the engine reports; with CASCADE existence tests on the views after it
/// decide alike (the views that call it gone, and those that read them; while another routine
/// the migrations made is left, a view calling it stays perhaps dropped, as such a routine may
/// depend on the dropped one); where the view's call
/// resolves to pg_catalog's function of the name, the server takes the drop and the engine only warns.
/// </summary>
public sealed class PostgresRoutineViewCallerTests
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

    private static readonly string[] Views = ["v", "w", "m", "u"];

    // A DO block per view that adds a column named after it when it exists.
    private static string ExistenceTests()
        => string.Join("\n", Views.Select(v => $"DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_class WHERE relname = '{v}') THEN ALTER TABLE t ADD COLUMN has_{v} int; END IF; END $$;"));

    [PostgresTheory]
    [InlineData("a view calls it", "DROP FUNCTION f(int);")]
    [InlineData("a view calls it, dropped without its arguments", "DROP FUNCTION IF EXISTS f RESTRICT;")]
    [InlineData("a materialized view calls it with its schema", "DROP FUNCTION app.g;")]
    [InlineData("DROP ROUTINE", "DROP ROUTINE app.g(int);")]
    public async Task A_drop_the_server_refuses_is_reported_at_its_line(string behaviour, string refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.RoutineInUse && diagnostics[0].Line == Setup.Split('\n').Length + 1, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("2BP01", error.SqlState);
    }

    // The server records no call for a WITH query's or a FROM alias's column list named like the
    // function: it takes the drop, and the engine's schema is the server's.
    [PostgresTheory]
    [InlineData("a WITH query named like the function", "CREATE VIEW c AS WITH f(k) AS (SELECT a FROM t) SELECT k FROM f;")]
    [InlineData("a WITH query named like the function, NOT MATERIALIZED", "CREATE VIEW c AS WITH x AS (SELECT 1 AS y), f(k) AS NOT MATERIALIZED (SELECT a FROM t) SELECT k FROM f, x;")]
    [InlineData("a FROM alias named like the function", "CREATE VIEW c AS SELECT f.k FROM t f(k, l);")]
    [InlineData("a JOIN alias named like the function", "CREATE VIEW c AS SELECT f.k FROM t JOIN public.t f(k) ON f.k = t.a;")]
    public Task A_name_that_only_lists_columns_keeps_no_hold_on_the_function(string behaviour, string view)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, "CREATE TABLE t (a int, s text);\nCREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;\n" + view + "\nDROP FUNCTION f(int);");

    [PostgresTheory]
    [InlineData("the view that calls it and the view that reads that one", "DROP MATERIALIZED VIEW m;\nDROP FUNCTION app.g(int);\nDROP FUNCTION f CASCADE;")]
    [InlineData("the materialized view that calls it with its schema", "DROP VIEW w, v;\nDROP FUNCTION f;\nDROP FUNCTION app.g(int) CASCADE;")]
    [InlineData("both", "DROP FUNCTION f(int), app.g(int) CASCADE;")]
    public Task Existence_tests_after_the_cascade_decide_as_the_server_does(string behaviour, string cascade)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, Setup + "\n" + cascade + "\n" + ExistenceTests());

    [PostgresFact]
    public async Task A_view_that_calls_pg_catalogs_function_of_the_name_is_a_warning_and_the_server_takes_the_drop()
    {
        const string Sql = Setup + """

            CREATE FUNCTION lower(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
            CREATE VIEW c AS SELECT lower(s) FROM t;
            DROP FUNCTION lower(int);
            """;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql, "m.sql");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineViewCallUndecided, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
