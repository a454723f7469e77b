using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A DROP ... CASCADE takes the views that depend on what it drops, transitively, and no
/// other. On the real server and in the engine: existence tests on the views after each kind of
/// cascade (a DO block adds a column when one exists) must decide alike, and a view the cascade
/// leaves must still make the server refuse dropping a column it uses, as the engine reports.
/// </summary>
public sealed class PostgresViewCascadeTests
{
    private const string Setup = """
        CREATE SCHEMA app;
        CREATE TABLE other (id int PRIMARY KEY, x int);
        CREATE TABLE app.elsewhere (id int PRIMARY KEY, y int);
        CREATE TABLE t (id int PRIMARY KEY, c int, d int, name text);
        CREATE VIEW keeps AS SELECT c FROM t;
        CREATE VIEW on_other AS SELECT x FROM other;
        CREATE VIEW on_on_other AS SELECT * FROM on_other;
        CREATE VIEW mentions_other AS SELECT t.d FROM t WHERE EXISTS (SELECT 1 FROM other);
        CREATE MATERIALIZED VIEW m_other AS SELECT id FROM other;
        CREATE VIEW app.v_other AS SELECT id FROM public.other;
        CREATE VIEW on_app AS SELECT y FROM app.elsewhere;
        CREATE VIEW uses_d AS SELECT id, d FROM t;
        CREATE VIEW star_t AS SELECT * FROM t;
        CREATE VIEW on_star_t AS SELECT name FROM star_t;
        """;

    private static readonly string[] Views = ["keeps", "on_other", "on_on_other", "mentions_other", "m_other", "v_other", "on_app", "uses_d", "star_t", "on_star_t"];

    // A DO block per view that adds a column named after it when it exists.
    private static string ExistenceTests()
        => string.Join("\n", Views.Select(v => $"DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_class WHERE relname = '{v}') THEN ALTER TABLE t ADD COLUMN has_{v} int; END IF; END $$;"));

    [PostgresTheory]
    [InlineData("drop table cascade", "DROP TABLE other CASCADE;")]
    [InlineData("drop view cascade", "DROP VIEW on_other CASCADE;")]
    [InlineData("drop materialized view cascade", "DROP MATERIALIZED VIEW m_other CASCADE;")]
    [InlineData("drop column cascade, a star view and the view on it", "ALTER TABLE t DROP COLUMN name CASCADE;")]
    [InlineData("drop column cascade of a column a view uses", "ALTER TABLE other DROP COLUMN x CASCADE;")]
    [InlineData("drop schema cascade", "DROP SCHEMA app CASCADE;")]
    [InlineData("drop type cascade of a column's type", "CREATE TYPE mood AS ENUM ('a');\nALTER TABLE other ADD COLUMN m mood;\nDROP TYPE mood CASCADE;")]
    [InlineData("drop a unique constraint cascade", "ALTER TABLE t ADD CONSTRAINT t_d_key UNIQUE (d);\nALTER TABLE t DROP CONSTRAINT t_d_key CASCADE;")]
    public Task Existence_tests_after_the_cascade_decide_as_the_server_does(string behaviour, string cascade)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, Setup + cascade + "\n" + ExistenceTests());

    [PostgresTheory]
    [InlineData("after drop table cascade", "DROP TABLE other CASCADE;", "ALTER TABLE t DROP COLUMN c;")]
    [InlineData("after drop view cascade", "DROP VIEW on_other CASCADE;", "ALTER TABLE other DROP COLUMN id;")]
    [InlineData("after drop column cascade of another column", "ALTER TABLE t DROP COLUMN c CASCADE;", "ALTER TABLE t DROP COLUMN d;")]
    [InlineData("after drop schema cascade", "DROP SCHEMA app CASCADE;", "ALTER TABLE t DROP COLUMN c;")]
    [InlineData("after drop function cascade of a function it does not call", "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select $1';\nCREATE VIEW calls AS SELECT f(x) FROM other;\nDROP FUNCTION f(int) CASCADE;", "ALTER TABLE t DROP COLUMN c;")]
    [InlineData("after drop type cascade", "CREATE TYPE mood AS ENUM ('a');\nALTER TABLE other ADD COLUMN m mood;\nDROP TYPE mood CASCADE;", "ALTER TABLE t DROP COLUMN c;")]
    public async Task A_view_the_cascade_leaves_still_makes_the_server_refuse(string behaviour, string cascade, string refused)
    {
        var setup = Setup + cascade;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + refused, "m.sql");
        var diagnostic = Assert.Single(diagnostics);
        Assert.True(diagnostic.Code == DiagnosticCodes.ViewDependsOnColumn && diagnostic.Line == setup.Split('\n').Length + 1, $"{behaviour}: {diagnostic}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("2BP01", error.SqlState);
    }

    [PostgresTheory]
    [InlineData("a view read by another view", "DROP VIEW on_other;", true)]
    [InlineData("a view and the view that reads it, in one statement", "DROP VIEW on_on_other, on_other;", false)]
    [InlineData("a view read by none", "DROP VIEW keeps;", false)]
    [InlineData("a materialized view read by none", "DROP MATERIALIZED VIEW m_other;", false)]
    public async Task Dropping_a_view_without_cascade_is_refused_exactly_when_the_server_refuses(string behaviour, string drop, bool refused)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + drop, "m.sql");
        Assert.True(refused == diagnostics.Any(d => d.Code == DiagnosticCodes.ViewDependsOnColumn), $"{behaviour}: {string.Join("; ", diagnostics)}");

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(Setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(drop, connection);
        var error = await Record.ExceptionAsync(() => command.ExecuteNonQueryAsync());
        Assert.True(refused == (error is PostgresException { SqlState: "2BP01" }), $"{behaviour}: {error?.Message}");
    }
}
