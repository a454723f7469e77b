using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Routine and trigger statements under a search_path an earlier migration gave later sessions
/// (ALTER ROLE ... SET search_path): reported (ST3141) only when a name in them is found, or
/// created, in another schema on that path than on the default one. PostgreSQL 15 searches
/// pg_catalog first, so built-in types and functions read alike; a PL/pgSQL body is not resolved
/// as the routine is created, a SQL body, a DEFAULT and the types are.
/// </summary>
public class PostgresRoutinePathTests
{
    private const string Setup = """
        CREATE SCHEMA app;
        ALTER ROLE migrator SET search_path = app;
        CREATE TABLE app.t (id int);
        CREATE TYPE app.ty AS (x int);
        CREATE FUNCTION app.f0() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE FUNCTION app.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER tr0 BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.trg();
        """;

    [Theory]
    [InlineData("CREATE OR REPLACE FUNCTION app.search(prefix text, search text DEFAULT '', t int DEFAULT 1) RETURNS TABLE (name text, id uuid) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 'x'::text, gen_random_uuid() FROM t; END $$;")]
    [InlineData("CREATE FUNCTION \"app\".\"get_level\"(\"name\" text) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT array_length(string_to_array(\"name\", '/'), 1) $$;")]
    [InlineData("CREATE FUNCTION app.g(text, VARIADIC int[]) RETURNS text SECURITY DEFINER SET search_path = app, public LANGUAGE sql AS 'SELECT upper($1)';")]
    [InlineData("CREATE PROCEDURE app.p(IN a text, INOUT b double precision) LANGUAGE plpgsql AS $$ BEGIN PERFORM 1 FROM t; END $$;")]
    [InlineData("CREATE FUNCTION app.a8(a app.t.id%TYPE, b app.ty) RETURNS SETOF app.ty LANGUAGE plpgsql AS $$ BEGIN RETURN; END $$;")]
    [InlineData("DROP FUNCTION IF EXISTS app.f0();")]
    [InlineData("DROP FUNCTION IF EXISTS app.f0(), app.trg() CASCADE;")]
    [InlineData("ALTER FUNCTION app.f0() RENAME TO f1;")]
    [InlineData("CREATE OR REPLACE TRIGGER tr BEFORE INSERT ON app.t FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION app.trg();")]
    [InlineData("CREATE TRIGGER tr BEFORE UPDATE ON \"app\".\"t\" FOR EACH ROW WHEN (NEW.id != OLD.id) EXECUTE FUNCTION \"app\".\"trg\"();")]
    [InlineData("DROP TRIGGER IF EXISTS tr0 ON app.t;")]
    public void AStatementThePathDecidesNothingIn_IsNotReported(string statement)
    {
        var result = Build(statement);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("CREATE FUNCTION f2() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;", 1)] // Created in app, or in public.
    [InlineData("CREATE FUNCTION app.a2(a ty) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;", 1)] // 42704 on the default path.
    [InlineData("CREATE FUNCTION app.a3() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM t $$;", 1)] // 42P01 on the default path.
    [InlineData("CREATE FUNCTION app.a4(a int DEFAULT f0()) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;", 1)] // 42883 on the default path.
    [InlineData("CREATE FUNCTION app.a5() RETURNS ty LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;", 1)]
    [InlineData("CREATE FUNCTION app.a7(a t.id%TYPE) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;", 1)] // The table of %TYPE is looked up.
    [InlineData("DROP FUNCTION IF EXISTS f0();", 1)]
    [InlineData("ALTER FUNCTION f0() RENAME TO f1;", 1)]
    [InlineData("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION app.trg();", 1)]
    [InlineData("CREATE TRIGGER tr BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION trg();", 1)]
    [InlineData("DROP TRIGGER IF EXISTS tr0 ON t;", 1)]
    public void AStatementWithANameThePathSendsElsewhere_IsReported(string statement, int line)
    {
        var result = Build(statement);
        // The engine reads the names as on the default path, where a table may be missing too (ST3007).
        var finding = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.SearchPathOfAnEarlierMigration);
        Assert.Equal(("2_next.sql", line), (finding.File, finding.Line));
    }

    [Fact]
    public void UnderTheSessionsOwnPath_AQualifiedRoutineIsFollowed()
    {
        var (catalog, diagnostics) = SchemaEngine.Apply(
            Catalog.Empty(SqlDialect.Postgres),
            "CREATE SCHEMA app;\nSET search_path TO app;\nCREATE FUNCTION app.f(a text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN a; END $$;\nDROP FUNCTION app.f(text);",
            "m.sql");
        Assert.Empty(diagnostics);
        Assert.Contains("app", catalog.Schemas);
    }

    private static SchemaBuildResult Build(string statement)
        => SchemaEngine.Build(
            new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
            [
                new Migration("1_setup", "1", "setup", "1_setup.sql", "checksum", Setup),
                new Migration("2_next", "2", "next", "2_next.sql", "checksum", statement),
            ]),
            SqlDialect.Postgres);
}
