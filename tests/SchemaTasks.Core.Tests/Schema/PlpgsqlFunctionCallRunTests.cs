using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A top-level <c>SELECT f()</c> (or <c>SELECT * FROM f()</c>) of a PL/pgSQL function the
/// migrations created, with no parameters and <c>RETURNS void</c>, runs its body as a DO block
/// with the same body runs: the pattern of apache/dolphinscheduler's upgrade scripts (create,
/// call once, drop). Each call runs the body again; a call in a later migration runs the
/// function as last replaced. What the DO-block rules cannot decide is still reported.
/// </summary>
public class PlpgsqlFunctionCallRunTests
{
    private const string Table = "CREATE TABLE t (id int PRIMARY KEY, old_name text);\n";

    private const string RenameFunction = """
        CREATE OR REPLACE FUNCTION rename_col() RETURNS void AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'old_name') THEN
            ALTER TABLE t RENAME COLUMN old_name TO new_name;
          END IF;
        END;
        $$ LANGUAGE plpgsql;

        """;

    private static string[] Columns(Catalog catalog) => [.. catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name)];

    [Theory]
    [InlineData("SELECT rename_col();")]
    [InlineData("SELECT * FROM rename_col();")]
    [InlineData("select RENAME_COL() ;")]
    [InlineData("SELECT rename_col();\nSELECT rename_col();")] // The second call finds no old_name and changes nothing.
    public void A_call_runs_the_body_as_a_do_block(string call)
    {
        var catalog = Clean(Table + RenameFunction + call + "\nDROP FUNCTION IF EXISTS rename_col();");
        Assert.Equal(["id", "new_name"], Columns(catalog));
    }

    [Fact]
    public void An_unconditional_body_called_twice_fails_at_the_second_call()
    {
        var (_, diagnostics) = Run(Table + """
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              ALTER TABLE t RENAME COLUMN old_name TO new_name;
            END $$;
            SELECT f();
            SELECT f();
            """);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ColumnNotFound, 4), (error.Code, error.Line));
    }

    [Fact]
    public void The_function_as_last_replaced_runs()
    {
        var catalog = Clean(Table + """
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN a int; END $$;
            CREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN b int; END $$;
            SELECT f();
            """);
        Assert.Equal(["id", "old_name", "b"], Columns(catalog));
    }

    [Fact]
    public void A_call_in_a_later_migration_runs_the_function_an_earlier_one_created()
    {
        var set = new MigrationSet(MigrationLayout.Plain, SqlDialect.Postgres,
        [
            new Migration("1", "1", "a", "1_a.sql", "c1", Table + RenameFunction),
            new Migration("2", "2", "b", "2_b.sql", "c2", "SELECT rename_col();\nDROP FUNCTION rename_col();"),
        ]);
        var (catalog, diagnostics) = SchemaEngine.BuildFinal(set, SqlDialect.Postgres);
        Assert.Empty(diagnostics);
        Assert.Equal(["id", "new_name"], Columns(catalog));
    }

    [Theory]
    [InlineData("RETURNS int", "SELECT f();")] // Reaching END without RETURN fails (2F005): the server takes the DDL back.
    [InlineData("RETURNS void SET search_path = other", "SELECT f();")]
    [InlineData("RETURNS void", "SELECT f() FROM t;")] // Once per row.
    [InlineData("RETURNS void", "SELECT f(), 1;")]
    [InlineData("RETURNS void", "SELECT public.f();")]
    public void Other_functions_and_calls_stay_undecided(string returns, string call)
    {
        var (_, diagnostics) = Run(Table + $"CREATE FUNCTION f() {returns} LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN a int; END $$;\n" + call);
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_function_with_parameters_stays_undecided()
    {
        var (_, diagnostics) = Run(Table + "CREATE FUNCTION f(c text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('ALTER TABLE t ADD COLUMN %I int', c); END $$;\nSELECT f('a');");
        Assert.Equal(DiagnosticCodes.RoutineChangesTrackedObjects, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void What_the_body_cannot_decide_is_reported_in_the_body_naming_the_call()
    {
        var (catalog, diagnostics) = Run(Table + """
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              IF (SELECT count(*) FROM t) > 10 THEN
                ALTER TABLE t ADD COLUMN a int;
              END IF;
            END $$;
            SELECT f();
            """);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UndecidableDoBlock, 4), (error.Code, error.Line));
        Assert.Contains("m.sql(8,1)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["id", "old_name"], Columns(catalog));
    }

    [Theory]
    [InlineData("CREATE TEMP TABLE tmp_r (id int);\n    DROP TABLE tmp_r;\n    DROP TABLE tmp_r;", DiagnosticCodes.TableNotFound)] // No permanent tmp_r: the server fails (42P01).
    [InlineData("DROP TABLE tmp_r;\n    CREATE TEMP TABLE tmp_r (id int);", DiagnosticCodes.TableNotFound)]
    [InlineData("IF (SELECT count(*) FROM t) > 0 THEN CREATE TEMP TABLE tmp_r (id int); END IF;\n    DROP TABLE tmp_r;", DiagnosticCodes.UndecidableDoBlock)]
    public void A_body_judged_uncertain_unrun_is_decided_or_reported_when_run(string statements, string code)
    {
        var (_, diagnostics) = Run($$"""
            CREATE TABLE t (id int, v int);
            CREATE FUNCTION f() RETURNS void AS $$
            BEGIN
                {{statements}}
            END;
            $$ LANGUAGE plpgsql;
            SELECT f();
            """);
        Assert.Equal(code, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_raise_exception_reached_fails_the_call()
    {
        var (_, diagnostics) = Run(Table + """
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'x') THEN
                RAISE EXCEPTION 'column x is missing';
              END IF;
              ALTER TABLE t ADD COLUMN a int;
            END $$;
            SELECT f();
            """);
        Assert.Equal(DiagnosticCodes.DoBlockRaises, Assert.Single(diagnostics).Code);
    }
}
