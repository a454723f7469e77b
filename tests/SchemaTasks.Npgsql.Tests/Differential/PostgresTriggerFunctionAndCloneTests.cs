using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// A trigger's function (DROP FUNCTION of it, its return type), its form (INSTEAD OF, TRUNCATE,
/// UPDATE OF a column twice, transition tables on views) and a partitioned table's row triggers
/// cloned to its partitions: what PostgreSQL refuses, the engine reports at the statement's line
/// with the code whose SQLSTATE the server raises; the histories the server accepts pass and
/// build the server's schema.
/// </summary>
public sealed class PostgresTriggerFunctionAndCloneTests
{
    private const string Setup = """
        CREATE TABLE t (id int, a int, b int);
        CREATE VIEW v AS SELECT id, a FROM t;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
        CREATE FUNCTION h() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
        CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        """;

    private const string Partitioned = """
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TABLE pt (id int, a int) PARTITION BY RANGE (id);
        CREATE TABLE p1 PARTITION OF pt FOR VALUES FROM (0) TO (10);
        CREATE TABLE p8 PARTITION OF pt FOR VALUES FROM (80) TO (90) PARTITION BY RANGE (id);
        CREATE TABLE p81 PARTITION OF p8 FOR VALUES FROM (80) TO (85);
        CREATE TRIGGER r1 AFTER INSERT ON pt FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER s1 AFTER INSERT ON pt EXECUTE FUNCTION f();
        """;

    [PostgresTheory]
    [InlineData("DROP FUNCTION of the function a trigger executes", Setup, "DROP FUNCTION f();", DiagnosticCodes.RoutineInUse, "2BP01")]
    [InlineData("DROP FUNCTION IF EXISTS without an argument list", Setup, "DROP FUNCTION IF EXISTS f;", DiagnosticCodes.RoutineInUse, "2BP01")]
    [InlineData("DROP FUNCTION of a function renamed under a trigger", Setup + "\nALTER FUNCTION f() RENAME TO f2;", "DROP FUNCTION f2();", DiagnosticCodes.RoutineInUse, "2BP01")]
    [InlineData("DROP TRIGGER after DROP FUNCTION ... CASCADE took it", Setup + "\nDROP FUNCTION f() CASCADE;", "DROP TRIGGER trg ON t;", DiagnosticCodes.TriggerNotFound, "42704")]
    [InlineData("a function that returns void", Setup, "CREATE TRIGGER t2 AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION g();", DiagnosticCodes.TriggerFunctionNotTrigger, "42P17")]
    [InlineData("a function that returns int, before the name", Setup, "CREATE TRIGGER trg AFTER INSERT ON t EXECUTE FUNCTION public.h();", DiagnosticCodes.TriggerFunctionNotTrigger, "42P17")]
    [InlineData("a column named twice in UPDATE OF", Setup, "CREATE TRIGGER t5 AFTER UPDATE OF a, A ON t EXECUTE FUNCTION f();", DiagnosticCodes.ColumnExists, "42701")]
    [InlineData("INSTEAD OF ... FOR EACH STATEMENT", Setup, "CREATE TRIGGER i1 INSTEAD OF INSERT ON v FOR EACH STATEMENT EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, "0A000")]
    [InlineData("INSTEAD OF with WHEN", Setup, "CREATE TRIGGER i2 INSTEAD OF INSERT ON v FOR EACH ROW WHEN (NEW.id > 0) EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, "0A000")]
    [InlineData("INSTEAD OF UPDATE OF columns", Setup, "CREATE TRIGGER i3 INSTEAD OF UPDATE OF a ON v FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, "0A000")]
    [InlineData("TRUNCATE on a view", Setup, "CREATE TRIGGER i4 BEFORE TRUNCATE ON v EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, "42809")]
    [InlineData("transition tables on a view", Setup, "CREATE TRIGGER i6 AFTER INSERT ON v REFERENCING NEW TABLE AS nt EXECUTE FUNCTION f();", DiagnosticCodes.TableNotFound, "42809")]
    [InlineData("TRUNCATE FOR EACH ROW on a table", Setup, "CREATE TRIGGER w1 AFTER TRUNCATE ON t FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerRefused, "0A000")]
    [InlineData("DROP TRIGGER of a clone on its partition", Partitioned, "DROP TRIGGER IF EXISTS r1 ON p81;", DiagnosticCodes.TriggerRefused, "2BP01")]
    [InlineData("DROP TRIGGER of a clone on a table attached later", Partitioned + "\nCREATE TABLE p3 (id int, a int);\nALTER TABLE pt ATTACH PARTITION p3 FOR VALUES FROM (30) TO (40);", "DROP TRIGGER r1 ON p3;", DiagnosticCodes.TriggerRefused, "2BP01")]
    [InlineData("ALTER TRIGGER ... RENAME of a clone", Partitioned, "ALTER TRIGGER r1 ON p1 RENAME TO r1x;", DiagnosticCodes.TriggerRefused, "XX000")]
    [InlineData("CREATE OR REPLACE TRIGGER of a clone's name on the partition", Partitioned, "CREATE OR REPLACE TRIGGER r1 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("a row trigger on the parent of a name a partition has", Partitioned + "\nCREATE TRIGGER own AFTER INSERT ON p81 EXECUTE FUNCTION f();", "CREATE TRIGGER own AFTER INSERT ON pt FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("ATTACH of a table that has a trigger of the name", Partitioned + "\nCREATE TABLE q (id int, a int);\nCREATE TRIGGER r1 AFTER INSERT ON q EXECUTE FUNCTION f();", "ALTER TABLE pt ATTACH PARTITION q FOR VALUES FROM (100) TO (110);", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("a rename on the parent to a name a partition has", Partitioned + "\nCREATE TRIGGER own AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();", "ALTER TRIGGER r1 ON pt RENAME TO own;", DiagnosticCodes.TriggerExists, "42710")]
    [InlineData("DROP TRIGGER of a clone the detach took", Partitioned + "\nALTER TABLE pt DETACH PARTITION p8;", "DROP TRIGGER r1 ON p81;", DiagnosticCodes.TriggerNotFound, "42704")]
    public async Task A_statement_the_server_refuses_is_reported_at_its_line(string behaviour, string setup, string refused, string code, string sqlState)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.Postgres), setup + "\n" + refused, "m.sql");
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(setup.Split('\n').Length + 1, diagnostics[0].Line);
        Assert.Contains(sqlState, diagnostics[0].Message, StringComparison.Ordinal);

        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var prepare = new NpgsqlCommand(setup, connection)) await prepare.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(refused, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(sqlState, error.SqlState);
    }

    [PostgresTheory]
    [InlineData("CREATE OR REPLACE FUNCTION keeps the trigger, a rename moves it, DROP FUNCTION ... CASCADE takes it", Setup + """

        CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
        DROP TRIGGER trg ON t;
        CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        ALTER FUNCTION f() RENAME TO f2;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        DROP FUNCTION f();
        DROP FUNCTION f2() CASCADE;
        DROP TRIGGER IF EXISTS trg ON t;
        """)]
    [InlineData("the forms the server accepts", Setup + """

        CREATE TRIGGER i1 INSTEAD OF INSERT OR UPDATE ON v FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER s1 BEFORE INSERT ON v FOR EACH STATEMENT EXECUTE FUNCTION f();
        CREATE TRIGGER w1 AFTER TRUNCATE ON t EXECUTE FUNCTION f();
        CREATE TRIGGER u1 AFTER UPDATE OF a, b ON t FOR EACH ROW WHEN (OLD.a IS DISTINCT FROM NEW.a) EXECUTE FUNCTION f();
        """)]
    [InlineData("clones follow the parent's drop, rename and detach", Partitioned + """

        CREATE TRIGGER s1 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();
        ALTER TABLE pt DETACH PARTITION p8;
        CREATE TRIGGER r1 AFTER INSERT ON p81 EXECUTE FUNCTION f();
        ALTER TRIGGER r1 ON pt RENAME TO r2;
        CREATE TRIGGER r1 AFTER INSERT ON p1 EXECUTE FUNCTION f();
        DROP TRIGGER r2 ON pt;
        DROP TRIGGER r1 ON p1;
        CREATE TABLE p2 PARTITION OF pt FOR VALUES FROM (20) TO (30);
        CREATE TRIGGER r9 AFTER INSERT ON p2 FOR EACH ROW EXECUTE FUNCTION f();
        CREATE OR REPLACE TRIGGER r9 AFTER INSERT ON pt FOR EACH ROW EXECUTE FUNCTION f();
        DROP TRIGGER r9 ON pt;
        DROP TRIGGER IF EXISTS r9 ON p2;
        """)]
    public Task Engine_catalog_equals_the_servers(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
