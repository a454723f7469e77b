using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A PL/pgSQL function the migrations create and then call with <c>SELECT f()</c> runs like a DO
/// block with its body: apache/dolphinscheduler's PostgreSQL upgrades create such functions,
/// call each once and drop it. The engine reports nothing and ends with the server's catalog;
/// where the server fails the call, the engine reports an error at the body's statement.
/// </summary>
public sealed class PostgresFunctionCallRunTests
{
    private const string Table = "CREATE TABLE t (id int PRIMARY KEY, old_name text);\n";

    private const string RenameIfThere = """
        CREATE OR REPLACE FUNCTION rename_col() RETURNS void AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'old_name') THEN
            ALTER TABLE t RENAME COLUMN old_name TO new_name;
          END IF;
        END;
        $$ LANGUAGE plpgsql;

        """;

    [PostgresTheory]
    [InlineData("created, called and dropped", Table + RenameIfThere + "SELECT rename_col();\nDROP FUNCTION IF EXISTS rename_col();")]
    [InlineData("called from FROM", Table + RenameIfThere + "SELECT * FROM rename_col();")]
    [InlineData("called twice", Table + RenameIfThere + "SELECT rename_col();\nSELECT rename_col();")]
    [InlineData("replaced before the call", Table + """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN a int; END $$;
        CREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN b int NOT NULL DEFAULT 0; END $$;
        SELECT f();
        DROP FUNCTION f();
        """)]
    [InlineData("a RETURN half-way", Table + """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          CREATE TYPE kind AS ENUM ('a', 'b');
          IF to_regtype('kind') IS NOT NULL THEN
            RETURN;
          END IF;
          ALTER TABLE t ADD COLUMN never int;
        END $$;
        SELECT f();
        ALTER TABLE t ADD COLUMN k kind;
        """)]
    [InlineData("an exception block that catches the duplicate", Table + """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          BEGIN
            ALTER TABLE t ADD COLUMN old_name text;
          EXCEPTION WHEN duplicate_column THEN
            ALTER TABLE t ADD COLUMN caught int;
          END;
        END $$;
        SELECT f();
        """)]
    public Task The_call_runs_the_body_and_the_catalog_matches_the_server(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);

    [PostgresFact]
    public async Task A_second_unconditional_call_is_refused_as_the_server_refuses_it()
    {
        const string Setup = Table + """
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              ALTER TABLE t RENAME COLUMN old_name TO new_name;
            END $$;
            SELECT f();
            """;
        const string Again = "SELECT f();";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Setup + "\n" + Again, "m.sql");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnNotFound, 4), (error.Code, error.Line));

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var setup = new NpgsqlCommand(Setup, connection)) await setup.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(Again, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42703", refused.SqlState);
    }

    [PostgresFact]
    public async Task A_function_returning_a_value_is_not_run_since_reaching_its_end_fails()
    {
        const string Sql = Table + "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN a int; END $$;\nSELECT f();";
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), Sql, "m.sql");
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, Assert.Single(diagnostics).Code);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("2F005", refused.SqlState);
    }
}
