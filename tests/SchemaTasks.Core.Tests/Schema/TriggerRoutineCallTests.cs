using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A function's or procedure's body that touches triggers where SchemaTasks does not follow it
/// (names built at run time) leaves trigger names undecided once a statement may run it, not
/// when it is created: a routine no migration calls makes no later trigger statement a warning.
/// </summary>
public class TriggerRoutineCallTests
{
    private const string Setup = """
        CREATE TABLE t (id int);
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE FUNCTION make_sync(target text) RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
            EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()', 'sync_' || target);
            RETURN target;
        END $$;
        CREATE PROCEDURE drop_sync() LANGUAGE plpgsql AS $$
        BEGIN
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON t', 'sync_' || 'x');
        END $$;
        """;

    [Fact]
    public void A_routine_no_migration_calls_leaves_the_names_decided()
    {
        var (_, diagnostics) = Run(Setup + "\n" + """
            CREATE TRIGGER sync_x AFTER INSERT ON t EXECUTE FUNCTION f();
            DROP TRIGGER sync_x ON t;
            DROP FUNCTION make_sync(text);
            DROP PROCEDURE drop_sync();
            DROP TRIGGER sync_x ON t;
            """);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.TriggerNotFound && diagnostics[0].Severity == DiagnosticSeverity.Error, string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("SELECT of the function", "SELECT make_sync('x');")]
    [InlineData("SELECT of the function in a query", "SELECT id, make_sync('x') FROM t;")]
    [InlineData("CALL of the procedure", "CALL drop_sync();")]
    [InlineData("PERFORM in a DO block", "DO $$ BEGIN PERFORM make_sync('x'); END $$;")]
    [InlineData("a data statement that calls it", "INSERT INTO t SELECT length(make_sync('x'));")]
    [InlineData("a view that calls it", "CREATE VIEW v AS SELECT make_sync('x') AS s;")]
    [InlineData("a routine created before, that calls it", "CREATE FUNCTION outer_call() RETURNS void LANGUAGE plpgsql AS $b$ BEGIN PERFORM make_sync('x'); END $b$;\nSELECT outer_call();")]
    [InlineData("a trigger that executes a trigger function whose body builds trigger names", "CREATE FUNCTION spread() RETURNS trigger LANGUAGE plpgsql AS $b$ BEGIN EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON t EXECUTE FUNCTION f()', TG_ARGV[0]); RETURN NEW; END $b$;\nCREATE TRIGGER spreading AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION spread();")]
    public void A_statement_that_may_run_the_routine_leaves_the_names_undecided(string behaviour, string call)
    {
        var (_, diagnostics) = Run(Setup + "\n" + call + "\nDROP TRIGGER sync_x ON t;");
        var last = diagnostics.Where(d => d.Line == Setup.Split('\n').Length + call.Split('\n').Length + 1).ToList();
        Assert.True(last.Count == 1 && last[0].Code == DiagnosticCodes.TriggerNotFound && last[0].Severity == DiagnosticSeverity.Warning, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Contains("may run", last[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_routine_created_after_its_caller_counts_when_the_caller_runs()
    {
        var (_, diagnostics) = Run(Setup + "\n" + """
            CREATE FUNCTION early() RETURNS void LANGUAGE plpgsql AS $b$ BEGIN PERFORM late(); END $b$;
            CREATE FUNCTION late() RETURNS void LANGUAGE plpgsql AS $b$ BEGIN EXECUTE 'DROP TRIGGER ' || 'sync_x' || ' ON t'; END $b$;
            SELECT early();
            DROP TRIGGER sync_x ON t;
            """);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == DiagnosticCodes.TriggerNotFound && diagnostics[0].Severity == DiagnosticSeverity.Warning, string.Join("\n", diagnostics));
    }

    [Fact]
    public void A_function_a_routine_creates_is_unseen_only_once_the_routine_may_have_run()
    {
        const string maker = """
            CREATE FUNCTION make_function(n text) RETURNS void LANGUAGE plpgsql AS $b$
            BEGIN
                EXECUTE format('CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS ''BEGIN RETURN NEW; END''', n);
            END $b$;
            """;
        var (_, uncalled) = Run(Setup + "\n" + maker + "\nCREATE TRIGGER u AFTER INSERT ON t EXECUTE FUNCTION made();");
        Assert.True(uncalled.Count == 1 && uncalled[0].Code == DiagnosticCodes.RoutineNotFound, string.Join("\n", uncalled));

        var (_, called) = Run(Setup + "\n" + maker + "\nSELECT make_function('made');\nCREATE TRIGGER u AFTER INSERT ON t EXECUTE FUNCTION made();");
        Assert.DoesNotContain(called, d => d.Code == DiagnosticCodes.RoutineNotFound);
    }
}
