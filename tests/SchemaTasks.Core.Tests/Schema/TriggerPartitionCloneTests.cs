using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A partitioned table's row triggers, cloned by PostgreSQL to its partitions, those created and
/// attached later, and on down (checked on PostgreSQL 15): the names they take on the partitions,
/// and what the server refuses of them there.
/// </summary>
public class TriggerPartitionCloneTests
{
    private const string Setup = """
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TABLE pt (id int, a int) PARTITION BY RANGE (id);
        CREATE TABLE p1 PARTITION OF pt FOR VALUES FROM (0) TO (10);
        CREATE TABLE p8 PARTITION OF pt FOR VALUES FROM (80) TO (90) PARTITION BY RANGE (id);
        CREATE TABLE p81 PARTITION OF p8 FOR VALUES FROM (80) TO (85);
        CREATE TRIGGER r1 AFTER INSERT ON pt FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER s1 AFTER INSERT ON pt EXECUTE FUNCTION f();
        """;

    [Theory]
    [InlineData("DROP TRIGGER of a clone on its partition", "DROP TRIGGER r1 ON p1;", DiagnosticCodes.TriggerRefused)]
    [InlineData("DROP TRIGGER IF EXISTS of a clone", "DROP TRIGGER IF EXISTS r1 ON p81;", DiagnosticCodes.TriggerRefused)]
    [InlineData("DROP TRIGGER of a clone on a partition created later", "CREATE TABLE p2 PARTITION OF pt FOR VALUES FROM (20) TO (30);\nDROP TRIGGER r1 ON p2;", DiagnosticCodes.TriggerRefused)]
    [InlineData("DROP TRIGGER of a clone on a table attached later", "CREATE TABLE p3 (id int, a int);\nALTER TABLE pt ATTACH PARTITION p3 FOR VALUES FROM (30) TO (40);\nDROP TRIGGER r1 ON p3;", DiagnosticCodes.TriggerRefused)]
    [InlineData("ALTER TRIGGER ... RENAME of a clone", "ALTER TRIGGER r1 ON p1 RENAME TO r1x;", DiagnosticCodes.TriggerRefused)]
    [InlineData("CREATE TRIGGER of a clone's name on the partition", "CREATE TRIGGER r1 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists)]
    [InlineData("CREATE OR REPLACE TRIGGER of a clone's name on the partition", "CREATE OR REPLACE TRIGGER r1 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists)]
    [InlineData("a row trigger on the parent of a name a partition has", "CREATE TRIGGER own AFTER INSERT ON p81 EXECUTE FUNCTION f();\nCREATE TRIGGER own AFTER INSERT ON pt FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists)]
    [InlineData("OR REPLACE on the parent of a partition's constraint trigger", "CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();\nCREATE OR REPLACE TRIGGER ct AFTER INSERT ON pt FOR EACH ROW EXECUTE FUNCTION f();", DiagnosticCodes.TriggerExists)]
    [InlineData("ATTACH of a table whose partition has a trigger of the name", "CREATE TABLE q (id int, a int) PARTITION BY RANGE (id);\nCREATE TABLE q1 PARTITION OF q FOR VALUES FROM (100) TO (105);\nCREATE TRIGGER r1 AFTER INSERT ON q1 EXECUTE FUNCTION f();\nALTER TABLE pt ATTACH PARTITION q FOR VALUES FROM (100) TO (110);", DiagnosticCodes.TriggerExists)]
    [InlineData("a rename on the parent to a name a partition has", "CREATE TRIGGER own AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();\nALTER TRIGGER r1 ON pt RENAME TO own;", DiagnosticCodes.TriggerExists)]
    [InlineData("DROP TRIGGER of a clone after the parent's rename", "ALTER TRIGGER r1 ON pt RENAME TO r2;\nDROP TRIGGER r2 ON p81;", DiagnosticCodes.TriggerRefused)]
    [InlineData("DROP TRIGGER of the old name after the parent's rename", "ALTER TRIGGER r1 ON pt RENAME TO r2;\nDROP TRIGGER r1 ON p1;", DiagnosticCodes.TriggerNotFound)]
    [InlineData("DROP TRIGGER of a clone the detach took", "ALTER TABLE pt DETACH PARTITION p8;\nDROP TRIGGER r1 ON p81;", DiagnosticCodes.TriggerNotFound)]
    [InlineData("DROP FUNCTION of a cloned trigger's function", "DROP TRIGGER s1 ON pt;\nDROP FUNCTION f();", DiagnosticCodes.RoutineInUse)]
    public void A_statement_the_server_refuses_is_reported(string behaviour, string refused, string code)
    {
        var (_, diagnostics) = Run(Setup + "\n" + refused);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code && diagnostics[0].Severity == DiagnosticSeverity.Error, $"{behaviour}: {string.Join("\n", diagnostics)}");
        Assert.Equal(Setup.Split('\n').Length + refused.Split('\n').Length, diagnostics[0].Line);
    }

    [Theory]
    [InlineData("DROP TRIGGER on the parent takes the clones", """
        DROP TRIGGER r1 ON pt;
        CREATE TRIGGER r1 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER r1 AFTER INSERT ON p81 EXECUTE FUNCTION f();
        DROP TRIGGER r1 ON p81;
        """)]
    [InlineData("a statement trigger is not cloned", """
        CREATE TRIGGER s1 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();
        DROP TRIGGER s1 ON p1;
        """)]
    [InlineData("a detached partition keeps no clone, and a rename reaches the clones", """
        ALTER TABLE pt DETACH PARTITION p8;
        CREATE TRIGGER r1 AFTER INSERT ON p81 EXECUTE FUNCTION f();
        ALTER TRIGGER r1 ON pt RENAME TO r2;
        CREATE TRIGGER r1 AFTER INSERT ON p1 EXECUTE FUNCTION f();
        DROP TRIGGER r2 ON pt;
        DROP TRIGGER r1 ON p1;
        """)]
    [InlineData("OR REPLACE on the parent replaces a partition's own trigger with a clone", """
        CREATE TRIGGER r9 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();
        CREATE OR REPLACE TRIGGER r9 AFTER INSERT ON pt FOR EACH ROW EXECUTE FUNCTION f();
        DROP TRIGGER r9 ON pt;
        DROP TRIGGER IF EXISTS r9 ON p1;
        """)]
    [InlineData("a partition's own trigger on a sub-partitioned partition is cloned below it alone", """
        CREATE TRIGGER x AFTER INSERT ON p8 FOR EACH ROW EXECUTE FUNCTION f();
        CREATE TRIGGER x AFTER INSERT ON pt EXECUTE FUNCTION f();
        DROP TRIGGER x ON pt;
        DROP TRIGGER x ON p8;
        CREATE TRIGGER x AFTER INSERT ON p81 EXECUTE FUNCTION f();
        """)]
    [InlineData("DROP FUNCTION ... CASCADE takes the trigger and its clones", """
        DROP FUNCTION f() CASCADE;
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER r1 AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f();
        DROP TABLE pt;
        DROP FUNCTION f() CASCADE;
        """)]
    public void A_history_the_server_accepts_passes(string behaviour, string sql)
    {
        var (_, diagnostics) = Run(Setup + "\n" + sql);
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");
    }
}
