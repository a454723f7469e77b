using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// The forms of an enum label used in the transaction that added it beyond defaults, casts,
/// comparisons and INSERT ... VALUES: the server refuses (55P04) each form the engine reports as
/// ST3072, and runs each it does not report, in one explicit transaction and as one command. Also
/// drizzle's one transaction for every pending migration, and SchemaTasks' migrator on a use its
/// earlier text search missed.
/// </summary>
public sealed class PostgresUncommittedLabelFormsTests
{
    private const string Setup = """
        CREATE TYPE status AS ENUM ('a', 'b');
        CREATE TABLE t (id int, s status, arr status[]);
        CREATE TABLE u (id int, s status, note text);
        CREATE FUNCTION f(x status) RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE PROCEDURE p(x status) LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION g(x text) RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION k(x status) RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION k(x text) RETURNS int LANGUAGE sql AS 'SELECT 2';
        INSERT INTO t VALUES (1, 'a', '{a}');
        INSERT INTO u VALUES (1, 'b', 'x');
        """;

    private const string Add = "ALTER TYPE status ADD VALUE 'c';\n";

    [PostgresTheory]
    [InlineData("typed literal", "SELECT status 'c';", true)]
    [InlineData("qualified typed literal in WHERE", "SELECT 1 FROM t WHERE s = public.status 'c';", true)]
    [InlineData("cast in RETURNING", "UPDATE t SET id = 2 RETURNING 'c'::status;", true)]
    [InlineData("array literal with ANY", "SELECT 1 FROM t WHERE s = ANY ('{a,c}');", true)]
    [InlineData("array literal cast with ALL", "SELECT 1 FROM t WHERE s <> ALL ('{c}'::status[]);", true)]
    [InlineData("ARRAY constructor cast", "SELECT ARRAY['a', 'c']::status[];", true)]
    [InlineData("array column contains", "SELECT 1 FROM t WHERE arr @> '{c}';", true)]
    [InlineData("array column set", "UPDATE t SET arr = '{a,c}';", true)]
    [InlineData("array column inserted", "INSERT INTO t (id, arr) VALUES (1, '{c}');", true)]
    [InlineData("BETWEEN", "SELECT 1 FROM t WHERE s NOT BETWEEN 'a' AND 'c';", true)]
    [InlineData("function argument", "SELECT f('c');", true)]
    [InlineData("named function argument", "SELECT public.f(x => 'c');", true)]
    [InlineData("procedure argument", "CALL p('c');", true)]
    [InlineData("INSERT ... SELECT", "INSERT INTO t (id, s) SELECT 1, 'c';", true)]
    [InlineData("INSERT ... SELECT FROM with an alias", "INSERT INTO t SELECT id, 'c' AS s FROM u;", true)]
    [InlineData("INSERT after a CTE", "WITH x AS (SELECT 1) INSERT INTO t (id, s) VALUES (1, 'c');", true)]
    [InlineData("INSERT in a CTE", "WITH x AS (INSERT INTO t (id, s) VALUES (1, 'c') RETURNING 1) SELECT 1;", true)]
    [InlineData("UPDATE ... FROM", "UPDATE t SET s = 'c' FROM u WHERE t.id = u.id;", true)]
    [InlineData("LANGUAGE sql body", "CREATE FUNCTION h() RETURNS SETOF t LANGUAGE sql AS $$ SELECT * FROM t WHERE s = 'c' $$;", true)]
    [InlineData("LANGUAGE sql body calling a function", "CREATE FUNCTION h() RETURNS int LANGUAGE sql AS $$ SELECT f('c') $$;", true)]
    [InlineData("standard SQL body", "CREATE FUNCTION h() RETURNS status LANGUAGE sql RETURN 'c'::status;", true)] // BEGIN ATOMIC alike (checked with psql: Npgsql splits its body at the semicolons).
    [InlineData("text argument", "SELECT g('c');", false)]
    [InlineData("a text constant", "SELECT 'c';", false)]
    [InlineData("compared as text", "SELECT 1 FROM t WHERE s::text = 'c';", false)]
    [InlineData("inserted into a text column", "INSERT INTO u (id, note) SELECT 1, 'c';", false)]
    [InlineData("another label placed after it", "ALTER TYPE status ADD VALUE 'd' AFTER 'c';", false)]
    [InlineData("plpgsql body", "CREATE FUNCTION h() RETURNS status LANGUAGE plpgsql AS $$ BEGIN RETURN 'c'::status; END $$;", false)]
    [InlineData("body with check_function_bodies off", "SET check_function_bodies = off;\nCREATE FUNCTION h() RETURNS status LANGUAGE sql AS $$ SELECT 'c'::status $$;", false)]
    public async Task Engine_reports_exactly_what_the_server_refuses_in_one_transaction(string shape, string use, bool refused)
    {
        var migration = Add + use;

        // A control after the shape, a label added and cast, which the engine must report too.
        var diagnostics = Build(migration + "\nALTER TYPE status ADD VALUE 'e';\nSELECT 'e'::status;");
        Assert.True(diagnostics.Count == (refused ? 2 : 1) && diagnostics.All(d => d.Code == DiagnosticCodes.UncommittedEnumLabelUsed), $"{shape}: {string.Join("\n", diagnostics)}");

        await AssertServerAsync(shape, migration, refused);
    }

    [PostgresFact]
    public async Task An_argument_of_overloads_that_differ_is_a_warning_and_the_server_picks_text_here()
    {
        const string migration = Add + "SELECT k('c');";
        var warning = Assert.Single(Build(migration));
        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelMayBeRead, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));

        // An unknown constant prefers the string category's overload: k(text) runs.
        await AssertServerAsync("overloads", migration, refused: false);
    }

    [PostgresFact]
    public async Task Drizzle_one_run_of_two_migrations_is_refused_and_warned_of()
    {
        var discovered = MigrationDiscovery.Discover(
            [
                new MigrationSourceFile("20240101000000_a/migration.sql", Setup),
                new MigrationSourceFile("20240102000000_b/migration.sql", Add),
                new MigrationSourceFile("20240103000000_c/migration.sql", "INSERT INTO t (id, s) VALUES (2, 'c');\n"),
            ],
            MigrationLayout.Drizzle);
        var set = discovered.Set ?? throw new InvalidOperationException(string.Join("\n", discovered.Diagnostics));
        var warning = Assert.Single(SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics);
        Assert.Equal((DiagnosticCodes.UncommittedEnumLabelOfEarlierMigration, "20240103000000_c/migration.sql"), (warning.Code, warning.File));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Setup);

        // As drizzle's migrate() runs both when both are pending: one transaction.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync(connection, Add, transaction);
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, set.Migrations[2].Sql, transaction));
            Assert.Equal("55P04", error.SqlState);
        }

        // Run by run, as on a database that already had the second: accepted.
        await ExecuteAsync(connection, Add);
        await ExecuteAsync(connection, set.Migrations[2].Sql);
    }

    private static async Task AssertServerAsync(string shape, string migration, bool refused)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, Setup);

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await AssertRunsAsync(shape, refused, () => ExecuteAsync(connection, migration, transaction));
        } // Rolled back: the next run starts from the setup again.

        // One command of several statements is one implicit transaction: the same answer.
        await AssertRunsAsync(shape, refused, () => ExecuteAsync(connection, migration));
    }

    private static IReadOnlyList<SchemaDiagnostic> Build(string migration)
    {
        var discovered = MigrationDiscovery.Discover(
            [new MigrationSourceFile("20240101000000_a.sql", "-- migrate:up\n" + Setup + "\n-- migrate:down\n"), new MigrationSourceFile("20240102000000_b.sql", "-- migrate:up\n" + migration + "\n-- migrate:down\n")],
            MigrationLayout.Dbmate);
        var set = discovered.Set ?? throw new InvalidOperationException(string.Join("\n", discovered.Diagnostics));
        return SchemaEngine.BuildFinal(set, SqlDialect.Postgres).Diagnostics;
    }

    private static async Task AssertRunsAsync(string shape, bool refused, Func<Task> run)
    {
        if (!refused)
        {
            await run();
            return;
        }

        var error = await Assert.ThrowsAsync<PostgresException>(run);
        Assert.True(error.SqlState == "55P04", $"{shape}: {error.SqlState} {error.MessageText}");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
