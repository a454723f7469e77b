using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A routine the migrations dropped is gone for the calls after the DROP: the server refuses
/// them (42883) and the engine reports ST3123 there instead of running the body it had; created
/// again, the routine is called as before and the engine ends with the server's catalog.
/// </summary>
public sealed class PostgresRoutineDropTests
{
    private const string Routines = """
        CREATE TABLE t (id int PRIMARY KEY);
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN a int; END $$;
        CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN b int; END $$;
        """;

    [PostgresTheory]
    [InlineData("a function dropped without its argument list", "DROP FUNCTION f;", "SELECT f();")]
    [InlineData("a function dropped with it", "DROP FUNCTION IF EXISTS f();", "SELECT * FROM f();")]
    [InlineData("a procedure", "DROP PROCEDURE p();", "CALL p();")]
    [InlineData("two routines in one DROP ROUTINE", "DROP ROUTINE f, p;", "CALL p();")]
    [InlineData("a function renamed", "ALTER FUNCTION f() RENAME TO g;", "SELECT f();")]
    [InlineData("a function dropped in a DO block", "DO $$ BEGIN DROP FUNCTION f(); END $$;", "SELECT f();")]
    public async Task A_call_after_the_drop_is_refused_as_the_server_refuses_it(string behaviour, string drop, string call)
    {
        var setup = Routines + "\n" + drop;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + call, "m.sql");
        var error = Assert.Single(diagnostics);
        Assert.True((DiagnosticCodes.RoutineNotFound, 5) == (error.Code, error.Line), $"{behaviour}: {error}");
        Assert.Contains("42883", error.Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var command = new NpgsqlCommand(setup, connection)) await command.ExecuteNonQueryAsync();
        await using var refusedCall = new NpgsqlCommand(call, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => refusedCall.ExecuteNonQueryAsync());
        Assert.Equal("42883", refused.SqlState);
    }

    [PostgresTheory]
    [InlineData("a function created again", "DROP FUNCTION f();\nCREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN c int; END $$;\nSELECT f();")]
    [InlineData("the other routine dropped", "DROP PROCEDURE p;\nSELECT f();")]
    public Task A_routine_still_there_is_called_and_the_catalog_matches_the_server(string behaviour, string run)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, Routines + "\n" + run);
}
