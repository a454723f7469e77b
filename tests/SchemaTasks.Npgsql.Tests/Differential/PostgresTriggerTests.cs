using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// CREATE, DROP and ALTER TRIGGER: what PostgreSQL refuses, the engine reports at the statement's
/// line with the code whose SQLSTATE the server raises; the histories the server accepts pass
/// without a finding and build the server's schema.
/// </summary>
public sealed class PostgresTriggerTests
{
    private const string Setup = """
        CREATE TABLE "PostMetric" (id int, "likeCount" int, "commentCount" int);
        CREATE VIEW v AS SELECT id FROM "PostMetric";
        CREATE MATERIALIZED VIEW mv AS SELECT id FROM "PostMetric" WITH NO DATA;
        CREATE SEQUENCE s;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        """;

    private const string Triggered = Setup + """

        CREATE TRIGGER trg AFTER UPDATE OF "likeCount" ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        """;

    [PostgresTheory]
    [InlineData("the relation does not exist", Setup, "CREATE TRIGGER trg AFTER INSERT ON nope FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, "42P01")]
    [InlineData("an UPDATE OF column the table lacks", Setup, "CREATE TRIGGER trg AFTER INSERT OR UPDATE OF \"reactionCount\", \"commentCount\" ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("a system column in UPDATE OF", Setup, "CREATE TRIGGER trg AFTER UPDATE OF ctid ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.ColumnNotFound, "42703")]
    [InlineData("INSTEAD OF on a table", Setup, "CREATE TRIGGER trg INSTEAD OF INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, "42809")]
    [InlineData("a row-level AFTER trigger on a view", Setup, "CREATE TRIGGER trg AFTER UPDATE ON v FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, "42809")]
    [InlineData("a trigger on a materialized view", Setup, "CREATE TRIGGER trg AFTER INSERT ON mv EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, "42809")]
    [InlineData("a trigger on a sequence", Setup, "CREATE TRIGGER trg AFTER INSERT ON s EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, "42809")]
    [InlineData("a function no migration creates", Setup, "CREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE PROCEDURE nofunc();", DiagnosticCodes.RoutineNotFound, "42883")]
    [InlineData("the function is checked before the columns", Setup, "CREATE TRIGGER trg AFTER UPDATE OF zz ON \"PostMetric\" EXECUTE FUNCTION nofunc();", DiagnosticCodes.RoutineNotFound, "42883")]
    [InlineData("a function dropped before", Setup + "\nDROP FUNCTION f();", "CREATE TRIGGER trg AFTER INSERT ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.RoutineNotFound, "42883")]
    [InlineData("a second trigger of the name", Triggered, "CREATE TRIGGER trg AFTER DELETE ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("the name is checked before the columns", Triggered, "CREATE TRIGGER trg AFTER UPDATE OF zz ON \"PostMetric\" EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("a second trigger after the table was renamed", Triggered + "\nALTER TABLE \"PostMetric\" RENAME TO pm;", "CREATE TRIGGER trg AFTER DELETE ON pm EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("OR REPLACE of a constraint trigger", Triggered, "CREATE OR REPLACE TRIGGER ct AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("CREATE OR REPLACE CONSTRAINT TRIGGER", Setup, "CREATE OR REPLACE CONSTRAINT TRIGGER c2 AFTER INSERT ON \"PostMetric\" FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, "0A000")]
    [InlineData("ALTER TRIGGER to a name taken", Triggered, "ALTER TRIGGER trg ON \"PostMetric\" RENAME TO ct;", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("DROP TRIGGER of a trigger the table does not have", Setup, "DROP TRIGGER trg ON \"PostMetric\";", DiagnosticCodes.TriggerNotFound, "42704")]
    [InlineData("DROP TRIGGER after DROP TABLE took it", Triggered + "\nDROP TABLE \"PostMetric\" CASCADE;\nCREATE TABLE \"PostMetric\" (id int);", "DROP TRIGGER trg ON \"PostMetric\";", DiagnosticCodes.TriggerNotFound, "42704")]
    [InlineData("DROP TRIGGER of the old name after a rename", Triggered + "\nALTER TRIGGER trg ON \"PostMetric\" RENAME TO trg2;", "DROP TRIGGER trg ON \"PostMetric\";", DiagnosticCodes.TriggerNotFound, "42704")]
    [InlineData("ALTER TRIGGER of a trigger the table does not have", Setup, "ALTER TRIGGER trg ON \"PostMetric\" RENAME TO trg2;", DiagnosticCodes.TriggerNotFound, "42704")]
    [InlineData("DROP TRIGGER on a relation that does not exist", Setup, "DROP TRIGGER trg ON nope;", DiagnosticCodes.TableNotFound, "42P01")]
    [InlineData("ALTER TRIGGER on a relation that does not exist", Setup, "ALTER TRIGGER trg ON nope RENAME TO trg2;", DiagnosticCodes.TableNotFound, "42P01")]
    [InlineData("DROP COLUMN of a column UPDATE OF names", Triggered, "ALTER TABLE \"PostMetric\" DROP COLUMN \"likeCount\";", DiagnosticCodes.ViewDependsOnColumn, "2BP01")]
    [InlineData("DROP COLUMN of it after a rename", Triggered + "\nALTER TABLE \"PostMetric\" RENAME COLUMN \"likeCount\" TO likes;", "ALTER TABLE \"PostMetric\" DROP COLUMN likes;", DiagnosticCodes.ViewDependsOnColumn, "2BP01")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(setup.Split('\n').Length + 1, diagnostics[0].Line);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("OR REPLACE, DROP IF EXISTS and a name used again once dropped", Setup + """

        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        CREATE OR REPLACE TRIGGER trg AFTER INSERT OR UPDATE OF "likeCount" ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        DROP TRIGGER IF EXISTS nope ON "PostMetric";
        DROP TRIGGER IF EXISTS trg ON nope;
        DROP TRIGGER trg ON "PostMetric";
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        """)]
    [InlineData("renames of the trigger, the table and the column", Setup + """

        CREATE TRIGGER trg AFTER UPDATE OF "likeCount" ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        ALTER TRIGGER trg ON "PostMetric" RENAME TO trg2;
        CREATE TRIGGER trg AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        ALTER TABLE "PostMetric" RENAME TO pm;
        ALTER TABLE pm RENAME COLUMN "likeCount" TO likes;
        DROP TRIGGER trg2 ON pm;
        DROP VIEW v;
        ALTER TABLE pm DROP COLUMN likes;
        DROP TRIGGER trg ON pm;
        """)]
    [InlineData("DROP COLUMN CASCADE and DROP FUNCTION CASCADE take the triggers", Setup + """

        CREATE TRIGGER a AFTER UPDATE OF "likeCount" ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER b AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        ALTER TABLE "PostMetric" DROP COLUMN "likeCount" CASCADE;
        CREATE TRIGGER a AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        DROP FUNCTION f CASCADE;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER a AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        CREATE TRIGGER b AFTER INSERT ON "PostMetric" EXECUTE FUNCTION f();
        """)]
    [InlineData("triggers on a view, PostgreSQL's own trigger functions, and each table's own names", Setup + """

        CREATE TRIGGER trg INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER trg2 AFTER INSERT ON v FOR EACH STATEMENT EXECUTE FUNCTION f();
        CREATE TRIGGER trg BEFORE UPDATE ON "PostMetric" FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
        CREATE TABLE other (id int);
        CREATE TRIGGER trg AFTER INSERT ON other REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT WHEN (true) EXECUTE FUNCTION public.f();
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
