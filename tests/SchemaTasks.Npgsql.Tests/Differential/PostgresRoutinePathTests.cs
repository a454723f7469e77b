using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// Routine and trigger statements on the real server in two sessions: one on the default
/// search_path, one that starts after <c>ALTER ROLE ... SET search_path = app</c>, as a migration
/// after supabase storage's role set-up runs. The engine reports the statement (ST3141) exactly
/// when the two sessions end with different routines or triggers, or one is refused.
/// </summary>
public sealed class PostgresRoutinePathTests
{
    private const string Setup = """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id int);
        CREATE TYPE app.ty AS (x int);
        CREATE FUNCTION app.f0() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE FUNCTION app.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER tr0 BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.trg();
        """;

    // Every routine and trigger in app and public, shown with their schemas whatever the session's path.
    private const string State = """
        SET search_path TO pg_catalog;
        SELECT coalesce((SELECT string_agg(n.nspname || '.' || p.proname || '(' || pg_get_function_arguments(p.oid) || ')', ', ' ORDER BY 1)
                         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('app', 'public')), '')
            || ' | ' || coalesce((SELECT string_agg(tgname || ' on ' || tgrelid::regclass::text, ', ' ORDER BY 1) FROM pg_trigger WHERE NOT tgisinternal), '')
        """;

    [PostgresTheory]
    [InlineData("CREATE OR REPLACE FUNCTION app.search(prefix text, search text DEFAULT '', t int DEFAULT 1) RETURNS TABLE (name text, id uuid) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 'x'::text, gen_random_uuid() FROM t; END $$;")]
    [InlineData("CREATE FUNCTION \"app\".\"get_level\"(\"name\" text) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT array_length(string_to_array(\"name\", '/'), 1) $$;")]
    [InlineData("CREATE FUNCTION app.g(text, VARIADIC int[]) RETURNS text SECURITY DEFINER SET search_path = app, public LANGUAGE sql AS 'SELECT upper($1)';")]
    [InlineData("CREATE PROCEDURE app.p(IN a text, INOUT b double precision) LANGUAGE plpgsql AS $$ BEGIN PERFORM 1 FROM t; END $$;")]
    [InlineData("DROP FUNCTION IF EXISTS app.f0();")]
    [InlineData("ALTER FUNCTION app.f0() RENAME TO f1;")]
    [InlineData("CREATE OR REPLACE TRIGGER tr BEFORE INSERT ON app.t FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION app.trg();")]
    [InlineData("DROP TRIGGER IF EXISTS tr0 ON app.t;")]
    [InlineData("CREATE FUNCTION f2() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;")]
    [InlineData("CREATE FUNCTION app.a2(a ty) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;")]
    [InlineData("CREATE FUNCTION app.a3() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM t $$;")]
    [InlineData("CREATE FUNCTION app.a4(a int DEFAULT f0()) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;")]
    [InlineData("CREATE FUNCTION app.a5() RETURNS ty LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;")]
    [InlineData("CREATE FUNCTION app.a7(a t.id%TYPE) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;")]
    [InlineData("CREATE FUNCTION app.a8(a app.t.id%TYPE, b app.ty) RETURNS SETOF app.ty LANGUAGE plpgsql AS $$ BEGIN RETURN; END $$;")]
    [InlineData("DROP FUNCTION IF EXISTS f0();")]
    [InlineData("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION app.trg();")]
    [InlineData("CREATE TRIGGER tr BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION trg();")]
    [InlineData("DROP TRIGGER IF EXISTS tr0 ON t;")]
    public async Task TheEngineReportsTheStatement_ExactlyWhenTheTwoSessionsEndDifferently(string statement)
    {
        var onDefault = await OutcomeAsync(statement, laterSessionPath: false);
        var onApp = await OutcomeAsync(statement, laterSessionPath: true);

        var result = SchemaEngine.Build(
            new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
            [
                new SchemaTasks.Migrations.Migration("1_setup", "1", "setup", "1_setup.sql", "checksum", Setup + "\nALTER ROLE migrator SET search_path = app;"),
                new SchemaTasks.Migrations.Migration("2_next", "2", "next", "2_next.sql", "checksum", statement),
            ]),
            SqlDialect.Postgres);
        var reported = result.Diagnostics.Any(d => d.Code == DiagnosticCodes.SearchPathOfAnEarlierMigration);
        Assert.True(reported == (onDefault != onApp), $"server on the default path: {onDefault}; on app: {onApp}; engine reported: {reported}");
    }

    // The routines and triggers after the statement, or the SQLSTATE the server refused it with.
    private static async Task<string> OutcomeAsync(string statement, bool laterSessionPath)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var unpooled = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString;
        await using (var setup = new NpgsqlConnection(unpooled))
        {
            await setup.OpenAsync();
            var alter = laterSessionPath ? $"\nALTER ROLE CURRENT_USER IN DATABASE {db.Name} SET search_path = app;" : string.Empty;
            await using var command = new NpgsqlCommand(Setup + alter, setup);
            await command.ExecuteNonQueryAsync();
        }

        // A session that starts after the setup, as the next migration's may.
        await using var session = new NpgsqlConnection(unpooled);
        await session.OpenAsync();
        try
        {
            await using var run = new NpgsqlCommand(statement, session);
            await run.ExecuteNonQueryAsync();
        }
        catch (PostgresException refused)
        {
            return "refused " + refused.SqlState;
        }

        await using var state = new NpgsqlCommand(State, session);
        return (string)(await state.ExecuteScalarAsync())!;
    }
}
