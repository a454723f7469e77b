using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL's CREATE, DROP and ALTER TRIGGER: what the server refuses is reported at the
/// statement's line (checked on PostgreSQL 15), and a trigger a DO block or routine may have
/// touched unseen leaves the statement undecided.
/// </summary>
public class TriggerStatementTests
{
    private const string Setup = """
        CREATE TABLE "PostMetric" (id int, "likeCount" int, "commentCount" int);
        CREATE VIEW v AS SELECT id FROM "PostMetric";
        CREATE SEQUENCE s;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        """;

    [Theory]
    [InlineData("the relation does not exist", "CREATE TRIGGER trg AFTER INSERT ON nope FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, 36)]
    [InlineData("an UPDATE OF column the table lacks", "CREATE TRIGGER trg AFTER INSERT OR UPDATE OF \"reactionCount\", \"commentCount\" ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.ColumnNotFound, 46)]
    [InlineData("an UPDATE OF column in another case", "CREATE TRIGGER trg BEFORE UPDATE OF commentcount ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.ColumnNotFound, 37)]
    [InlineData("INSTEAD OF on a table", "CREATE TRIGGER trg INSTEAD OF INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, 41)]
    [InlineData("a row-level BEFORE trigger on a view", "CREATE TRIGGER trg BEFORE INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, 37)]
    [InlineData("a trigger on a sequence", "CREATE TRIGGER trg AFTER INSERT ON s EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, 36)]
    [InlineData("a function no migration creates", "CREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE PROCEDURE nofunc();", DiagnosticCodes.RoutineNotFound, 80)]
    [InlineData("a built-in function's name does not make it a trigger function of no arguments", "CREATE TRIGGER trg AFTER INSERT ON v EXECUTE FUNCTION no_such_trigger_function();", DiagnosticCodes.RoutineNotFound, 55)]
    [InlineData("a second trigger of the name", "CREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();\nCREATE TRIGGER trg AFTER DELETE ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, 1)]
    [InlineData("a second trigger after the table was renamed", "CREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" EXECUTE FUNCTION f();\nALTER TABLE \"PostMetric\" RENAME TO pm;\nCREATE TRIGGER trg AFTER DELETE ON pm EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, 1)]
    [InlineData("OR REPLACE of a constraint trigger", "CREATE CONSTRAINT TRIGGER trg AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();\nCREATE OR REPLACE TRIGGER trg AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, 1)]
    [InlineData("CREATE OR REPLACE CONSTRAINT TRIGGER", "CREATE OR REPLACE CONSTRAINT TRIGGER trg AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, 1)]
    [InlineData("DROP TRIGGER of a trigger the table does not have", "DROP TRIGGER trg ON \"PostMetric\";", DiagnosticCodes.TriggerNotFound, 1)]
    [InlineData("DROP TRIGGER after DROP TABLE took it", "CREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" EXECUTE FUNCTION f();\nDROP TABLE \"PostMetric\" CASCADE;\nCREATE TABLE \"PostMetric\" (id int);\nDROP TRIGGER trg ON \"PostMetric\";", DiagnosticCodes.TriggerNotFound, 1)]
    [InlineData("DROP TRIGGER on a relation that does not exist", "DROP TRIGGER trg ON nope;", DiagnosticCodes.TableNotFound, 21)]
    [InlineData("ALTER TRIGGER of a trigger the table does not have", "ALTER TRIGGER trg ON \"PostMetric\" RENAME TO trg2;", DiagnosticCodes.TriggerNotFound, 1)]
    [InlineData("ALTER TRIGGER to a name taken", "CREATE TRIGGER a AFTER INSERT ON \"PostMetric\" EXECUTE FUNCTION f();\nCREATE TRIGGER b AFTER INSERT ON \"PostMetric\" EXECUTE FUNCTION f();\nALTER TRIGGER a ON \"PostMetric\" RENAME TO b;", DiagnosticCodes.TriggerExists, 1)]
    [InlineData("DROP COLUMN of a column UPDATE OF names", "CREATE TRIGGER trg AFTER UPDATE OF \"likeCount\" ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();\nALTER TABLE \"PostMetric\" DROP COLUMN \"likeCount\";", DiagnosticCodes.ViewDependsOnColumn, 26)]
    [InlineData("DROP COLUMN of it after a rename", "CREATE TRIGGER trg AFTER UPDATE OF \"likeCount\" ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();\nALTER TABLE \"PostMetric\" RENAME COLUMN \"likeCount\" TO likes;\nALTER TABLE \"PostMetric\" DROP COLUMN likes;", DiagnosticCodes.ViewDependsOnColumn, 26)]
    [InlineData("the function is checked before the columns", "CREATE TRIGGER trg AFTER UPDATE OF zz ON \"PostMetric\" EXECUTE FUNCTION nofunc();", DiagnosticCodes.RoutineNotFound, 72)]
    [InlineData("the name is checked before the columns", "CREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" EXECUTE FUNCTION f();\nCREATE TRIGGER trg AFTER UPDATE OF zz ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, 1)]
    [InlineData("a system column in UPDATE OF", "CREATE TRIGGER trg AFTER UPDATE OF ctid ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.ColumnNotFound, 36)]
    [InlineData("ALTER TRIGGER on a relation that does not exist", "ALTER TRIGGER trg ON nope RENAME TO trg2;", DiagnosticCodes.TableNotFound, 22)]
    [InlineData("a function dropped before", "DROP FUNCTION f();\nCREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.RoutineNotFound, 66)]
    public void A_statement_the_server_refuses_is_reported(string behaviour, string refused, string code, int column)
    {
        var (_, diagnostics) = Run(Setup + "\n" + refused);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code && diagnostics[0].Severity == DiagnosticSeverity.Error, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(Setup.Split('\n').Length + refused.Split('\n').Length, diagnostics[0].Line);
        Assert.Equal(column, diagnostics[0].Column);
    }

    [Theory]
    [InlineData("OR REPLACE, DROP IF EXISTS and a name used again once dropped", """
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        CREATE OR REPLACE TRIGGER trg AFTER INSERT OR UPDATE OF "likeCount" ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        DROP TRIGGER IF EXISTS nope ON "PostMetric";
        DROP TRIGGER IF EXISTS trg ON nope;
        DROP TRIGGER trg ON "PostMetric";
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        """)]
    [InlineData("renames of the trigger, the table and the column", """
        CREATE TRIGGER trg AFTER UPDATE OF "likeCount" ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        ALTER TRIGGER trg ON "PostMetric" RENAME TO trg2;
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        ALTER TABLE "PostMetric" RENAME TO pm;
        ALTER TABLE pm RENAME COLUMN "likeCount" TO likes;
        DROP TRIGGER trg2 ON pm;
        ALTER TABLE pm DROP COLUMN likes;
        DROP TRIGGER trg ON pm;
        """)]
    [InlineData("DROP COLUMN CASCADE and DROP FUNCTION CASCADE take the triggers", """
        CREATE TRIGGER a AFTER UPDATE OF "likeCount" ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER b AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        ALTER TABLE "PostMetric" DROP COLUMN "likeCount" CASCADE;
        CREATE TRIGGER a AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        DROP FUNCTION f CASCADE;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER a AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        CREATE TRIGGER b AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        """)]
    [InlineData("triggers on a view, PostgreSQL's own trigger functions, and a table's own name space", """
        CREATE TRIGGER trg INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER trg2 AFTER INSERT ON v FOR EACH STATEMENT EXECUTE FUNCTION f();
        CREATE TRIGGER trg BEFORE UPDATE ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
        CREATE TABLE other (id int);
        CREATE TRIGGER trg AFTER INSERT ON other REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT WHEN (true) EXECUTE FUNCTION public.f();
        """)]
    [InlineData("a DO block's handler takes the server's refusal of a trigger of a name taken", """
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        DO $$ BEGIN
          CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        EXCEPTION WHEN duplicate_object THEN NULL;
        END $$;
        """)]
    [InlineData("OR REPLACE of a constraint trigger a DO block may have dropped", """
        CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        DO $$ BEGIN IF random() > 0.5 THEN DROP TRIGGER ct ON "PostMetric"; END IF; END $$;
        CREATE OR REPLACE TRIGGER ct AFTER INSERT ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        """)]
    [InlineData("a function a DO block creates", """
        DO $$ BEGIN EXECUTE 'CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS ''BEGIN RETURN NEW; END'''; END $$;
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION g();
        """)]
    public void A_history_the_server_accepts_passes(string behaviour, string sql)
    {
        var (_, diagnostics) = Run(Setup + "\n" + sql);
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");
    }

    [Theory]
    [InlineData("CREATE TRIGGER of a name a DO block creates under a condition", """
        DO $$ BEGIN IF random() > 0.5 THEN CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f(); END IF; END $$;
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        """, DiagnosticCodes.TriggerExists)]
    [InlineData("DROP TRIGGER of a name built at run time", """
        DO $$ DECLARE n text := 'trg'; BEGIN EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f()', n); END $$;
        DROP TRIGGER trg ON "PostMetric";
        """, DiagnosticCodes.TriggerNotFound)]
    [InlineData("a trigger a routine creates for a table it is given", """
        CREATE TABLE users (id int);
        CREATE OR REPLACE FUNCTION manage_updated_at(_tbl regclass) RETURNS VOID AS $$
        BEGIN
            EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s FOR EACH ROW EXECUTE PROCEDURE f()', _tbl);
        END;
        $$ LANGUAGE plpgsql;
        SELECT manage_updated_at('users');
        DROP TRIGGER set_updated_at ON users;
        """, DiagnosticCodes.TriggerNotFound)]
    public void A_trigger_touched_unseen_leaves_the_statement_undecided(string behaviour, string sql, string code)
    {
        var (_, diagnostics) = Run(Setup + "\n" + sql);
        Assert.True(diagnostics.All(d => d.Code == code && d.Severity == DiagnosticSeverity.Warning) && diagnostics.Count == 1, $"{behaviour}: {string.Join("\n", diagnostics)}");
    }

    [Fact]
    public void A_trigger_statement_a_DO_block_runs_is_checked_as_the_server_checks_it()
    {
        var (_, diagnostics) = Run(Setup + "\n" + """
            DO $$ BEGIN
              CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
              CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
            END $$;
            """);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.TriggerExists && d.Severity == DiagnosticSeverity.Error);
    }
}
