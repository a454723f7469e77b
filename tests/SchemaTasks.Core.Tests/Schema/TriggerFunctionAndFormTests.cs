using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's checks of a trigger's function and form (checked on PostgreSQL 15): DROP FUNCTION
/// of the function a trigger executes (2BP01), a function that does not return trigger (42P17),
/// an UPDATE OF column named twice (42701), the INSTEAD OF and TRUNCATE forms the server does not
/// support (0A000) and the triggers views cannot have (42809).
/// </summary>
public class TriggerFunctionAndFormTests
{
    private const string Setup = """
        CREATE TABLE t (id int, a int, b int);
        CREATE VIEW v AS SELECT id, a FROM t;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
        CREATE FUNCTION h() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        """;

    [Theory]
    [InlineData("DROP FUNCTION of the function a trigger executes", "DROP FUNCTION f();", DiagnosticCodes.RoutineInUse, 1)]
    [InlineData("DROP FUNCTION without an argument list", "DROP FUNCTION f;", DiagnosticCodes.RoutineInUse, 1)]
    [InlineData("DROP FUNCTION IF EXISTS", "DROP FUNCTION IF EXISTS f() RESTRICT;", DiagnosticCodes.RoutineInUse, 1)]
    [InlineData("DROP FUNCTION after CREATE OR REPLACE kept the trigger", "CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;\nDROP FUNCTION f();", DiagnosticCodes.RoutineInUse, 1)]
    [InlineData("DROP FUNCTION of a function renamed under a trigger", "ALTER FUNCTION f() RENAME TO f2;\nDROP FUNCTION f2();", DiagnosticCodes.RoutineInUse, 1)]
    [InlineData("DROP TRIGGER after DROP FUNCTION ... CASCADE took it", "DROP FUNCTION f() CASCADE;\nDROP TRIGGER trg ON t;", DiagnosticCodes.TriggerNotFound, 1)]
    [InlineData("a function that returns void", "CREATE TRIGGER t2 AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();", DiagnosticCodes.TriggerFunctionNotTrigger, 67)]
    [InlineData("a function that returns int", "CREATE TRIGGER t2 AFTER INSERT ON t EXECUTE FUNCTION public.h();", DiagnosticCodes.TriggerFunctionNotTrigger, 54)]
    [InlineData("the return type is checked before the name", "CREATE TRIGGER trg AFTER INSERT ON t EXECUTE FUNCTION g();", DiagnosticCodes.TriggerFunctionNotTrigger, 55)]
    [InlineData("the overload of no arguments is the one executed", "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;\nCREATE FUNCTION g(x int) RETURNS trigger LANGUAGE c AS 'lib', 'sym';\nCREATE TRIGGER t2 AFTER INSERT ON t EXECUTE FUNCTION g();", DiagnosticCodes.TriggerFunctionNotTrigger, 54)]
    [InlineData("a column named twice in UPDATE OF", "CREATE TRIGGER t5 AFTER UPDATE OF a, A ON t EXECUTE FUNCTION f();", DiagnosticCodes.ColumnExists, 38)]
    [InlineData("the columns are checked in order", "CREATE TRIGGER t5 AFTER UPDATE OF a, zz, a ON t EXECUTE FUNCTION f();", DiagnosticCodes.ColumnNotFound, 38)]
    [InlineData("INSTEAD OF ... FOR EACH STATEMENT", "CREATE TRIGGER i1 INSTEAD OF INSERT ON v FOR EACH STATEMENT EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, 1)]
    [InlineData("INSTEAD OF without FOR EACH ROW", "CREATE TRIGGER i1 INSTEAD OF INSERT ON v EXECUTE FUNCTION nofunc();", DiagnosticCodes.TriggerRefused, 1)]
    [InlineData("INSTEAD OF with WHEN", "CREATE TRIGGER i2 INSTEAD OF INSERT ON v FOR EACH ROW WHEN (NEW.id > 0) EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, 55)]
    [InlineData("INSTEAD OF UPDATE OF columns", "CREATE TRIGGER i3 INSTEAD OF UPDATE OF a ON v FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, 40)]
    [InlineData("TRUNCATE on a view", "CREATE TRIGGER i4 BEFORE TRUNCATE ON v EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, 38)]
    [InlineData("INSTEAD OF TRUNCATE on a view", "CREATE TRIGGER i4 INSTEAD OF TRUNCATE ON v FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, 42)]
    [InlineData("transition tables on a view", "CREATE TRIGGER i6 AFTER INSERT ON v REFERENCING NEW TABLE AS nt EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, 37)]
    [InlineData("TRUNCATE FOR EACH ROW on a table", "CREATE TRIGGER w1 AFTER TRUNCATE ON t FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, 1)]
    public void A_statement_the_server_refuses_is_reported(string behaviour, string refused, string code, int column)
    {
        var (_, diagnostics) = Run(Setup + "\n" + refused);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code && diagnostics[0].Severity == DiagnosticSeverity.Error, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(Setup.Split('\n').Length + refused.Split('\n').Length, diagnostics[0].Line);
        Assert.Equal(column, diagnostics[0].Column);
    }

    [Theory]
    [InlineData("CREATE OR REPLACE FUNCTION keeps the trigger; DROP FUNCTION CASCADE takes it", """
        CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
        DROP TRIGGER trg ON t;
        CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        DROP FUNCTION f() CASCADE;
        DROP TRIGGER IF EXISTS trg ON t;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        """)]
    [InlineData("the trigger follows its function's new name", """
        ALTER FUNCTION f() RENAME TO f2;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        DROP FUNCTION f();
        DROP FUNCTION f2() CASCADE;
        DROP TRIGGER IF EXISTS trg ON t;
        """)]
    [InlineData("a drop of another overload, or after the trigger went", """
        CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;
        DROP FUNCTION f(int);
        DROP TRIGGER trg ON t;
        DROP FUNCTION f();
        """)]
    [InlineData("the forms the server accepts", """
        CREATE TRIGGER i1 INSTEAD OF INSERT OR UPDATE ON v FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER s1 BEFORE INSERT ON v FOR EACH STATEMENT EXECUTE FUNCTION f();
        CREATE TRIGGER w1 AFTER TRUNCATE ON t EXECUTE FUNCTION f();
        CREATE TRIGGER u1 AFTER UPDATE OF a, b ON t FOR EACH ROW WHEN (OLD.a IS DISTINCT FROM NEW.a) EXECUTE FUNCTION f();
        """)]
    [InlineData("PostgreSQL's own trigger functions, and functions of other schemas", """
        CREATE SCHEMA other;
        CREATE FUNCTION other.g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER o1 AFTER INSERT ON t EXECUTE FUNCTION other.g();
        CREATE TRIGGER s1 BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
        DROP SCHEMA other CASCADE;
        CREATE SCHEMA other;
        CREATE FUNCTION other.g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        DROP FUNCTION other.g();
        """)]
    public void A_history_the_server_accepts_passes(string behaviour, string sql)
    {
        var (_, diagnostics) = Run(Setup + "\n" + sql);
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");
    }
}
