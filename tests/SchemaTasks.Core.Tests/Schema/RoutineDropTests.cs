using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// DROP PROCEDURE and DROP FUNCTION take the routine away from the calls after them: the server
/// refuses such a call (PostgreSQL 42883, MySQL 1305), so the engine reports it instead of
/// running the body it no longer has. Where a PostgreSQL DROP may have left an overload the
/// call reaches, the call is reported as undecided.
/// </summary>
public class RoutineDropTests
{
    private const string PostgresRoutines = """
        CREATE TABLE t (id int PRIMARY KEY);
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN a int; END $$;
        CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN b int; END $$;

        """;

    private const string MySqlRoutines = """
        CREATE TABLE t (id int PRIMARY KEY);
        CREATE PROCEDURE p() ALTER TABLE t ADD COLUMN b int;

        """;

    private static string[] Columns(Catalog catalog, QualifiedName table) => catalog.FindTable(table)!.Columns.Select(c => c.Name).ToArray();

    [Theory]
    [InlineData("DROP FUNCTION f();\nSELECT f();", 5, "function f", "42883")]
    [InlineData("DROP FUNCTION IF EXISTS f;\nSELECT * FROM f();", 5, "function f", "42883")]
    [InlineData("DROP PROCEDURE p;\nCALL p();", 5, "procedure p", "42883")]
    [InlineData("DROP ROUTINE IF EXISTS f, p;\nCALL p();", 5, "procedure p", "42883")]
    [InlineData("DROP FUNCTION public.f();\nSELECT f();", 5, "function f", "42883")]
    public void Postgres_CallAfterDrop_IsRefusedAsTheServerRefusesIt(string run, int line, string routine, string sqlState)
    {
        var (catalog, diagnostics) = Run(PostgresRoutines + run);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineNotFound, DiagnosticSeverity.Error, line), (finding.Code, finding.Severity, finding.Line));
        Assert.Contains(routine, finding.Message, StringComparison.Ordinal);
        Assert.Contains(sqlState, finding.Message, StringComparison.Ordinal);
        Assert.Contains("(4,1)", finding.Message, StringComparison.Ordinal); // Where the DROP was.
        Assert.Equal(["id"], Columns(catalog, Pg("t")));
    }

    [Theory]
    [InlineData("DROP FUNCTION f();\nCREATE OR REPLACE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN c int; END $$;\nSELECT f();", "c")]
    [InlineData("DROP PROCEDURE p();\nCREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE t ADD COLUMN c int; END $$;\nDO $$ BEGIN ALTER TABLE t ADD COLUMN d int; END $$;", "d")]
    public void Postgres_RoutineCreatedAgainAfterItsDrop_IsCalledAsBefore(string run, string added)
    {
        var catalog = Clean(PostgresRoutines + run);
        Assert.Equal(["id", added], Columns(catalog, Pg("t")));
    }

    [Fact]
    public void Postgres_DropOfAnotherRoutine_LeavesTheCallRunning()
    {
        var catalog = Clean(PostgresRoutines + "DROP PROCEDURE p;\nSELECT f();");
        Assert.Equal(["id", "a"], Columns(catalog, Pg("t")));
    }

    [Theory]
    // The server skips an argument list that matches nothing under IF EXISTS; int and integer, or a list without names, may match.
    [InlineData("CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION IF EXISTS g(text);\nSELECT g(1);")]
    // Two overloads: the DROP takes one, the call may reach the other.
    [InlineData("CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION g(x text) RETURNS int LANGUAGE sql AS 'SELECT 2';\nDROP FUNCTION g(int);\nSELECT g('a');")]
    // Two schemas: the DROP takes one, the call may reach the other.
    [InlineData("CREATE SCHEMA s;\nCREATE FUNCTION s.g() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 2';\nDROP FUNCTION s.g();\nSELECT g();")]
    public void Postgres_CallThatMayReachAnOverloadLeft_IsUndecided(string run)
    {
        var (_, diagnostics) = Run(PostgresRoutines + run);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineNotFound, DiagnosticSeverity.Error), (finding.Code, finding.Severity));
        Assert.Contains("cannot tell", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION g(int);\nSELECT g(1);")]
    [InlineData("CREATE FUNCTION g(int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION IF EXISTS g(INT);\nSELECT g(1);")]
    [InlineData("CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';\nALTER FUNCTION g() RENAME TO h;\nSELECT g();")]
    public void Postgres_DropThatSurelyTookTheOnlyOverload_RefusesTheCall(string run)
    {
        var (_, diagnostics) = Run(PostgresRoutines + run);
        var finding = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineNotFound, finding.Code);
        Assert.Contains("the server refuses the call (SQLSTATE 42883", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_DropInADoBlock_IsFollowed()
    {
        var (_, diagnostics) = Run(PostgresRoutines + "DO $$ BEGIN DROP FUNCTION f(); END $$;\nSELECT f();");
        Assert.Equal(DiagnosticCodes.RoutineNotFound, Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("DROP PROCEDURE p;\nCALL p();", 4)]
    [InlineData("DROP PROCEDURE IF EXISTS `P`;\nCALL p;", 4)]
    [InlineData("EXECUTE IMMEDIATE 'DROP PROCEDURE p';\nCALL p();", 4)]
    public void MySql_CallAfterDrop_IsRefusedAsTheServerRefusesIt(string run, int line)
    {
        var (catalog, diagnostics) = Run(MySqlRoutines + run, SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineNotFound, DiagnosticSeverity.Error, line), (finding.Code, finding.Severity, finding.Line));
        Assert.Contains("error 1305, PROCEDURE", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id"], Columns(catalog, My("t")));
    }

    [Fact]
    public void MySql_CallOfADroppedProcedureInsideAProcedure_StopsItThere()
    {
        var (catalog, diagnostics) = Run(MySqlRoutines + "DROP PROCEDURE p;\nCREATE PROCEDURE q() BEGIN\n  ALTER TABLE t ADD COLUMN c int;\n  CALL p();\n  ALTER TABLE t ADD COLUMN d int;\nEND;\nCALL q();", SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineNotFound, 6), (finding.Code, finding.Line)); // At the CALL in the body: the server stops the procedure there.
        Assert.Equal(["id", "c"], Columns(catalog, My("t")));
    }

    [Theory]
    [InlineData("DROP PROCEDURE p;\nCREATE PROCEDURE p() ALTER TABLE t ADD COLUMN c int;\nCALL p();", "c")]
    [InlineData("DROP PROCEDURE IF EXISTS p;\nCREATE OR REPLACE PROCEDURE p() ALTER TABLE t ADD COLUMN c int;\nCALL p();", "c")]
    [InlineData("DROP FUNCTION IF EXISTS p;\nCALL p();", "b")] // A function of that name: the procedure stays.
    [InlineData("CREATE FUNCTION p() RETURNS int RETURN 1;\nDROP FUNCTION p;\nCALL p();", "b")]
    public void MySql_DropOfAnotherRoutineOrCreatedAgain_LeavesTheCallRunning(string run, string added)
    {
        var catalog = Clean(MySqlRoutines + run, SqlDialect.MariaDb);
        Assert.Equal(["id", added], Columns(catalog, My("t")));
    }

    [Fact]
    public void MySql_ConditionCallingADroppedFunction_SaysTheServerRefusesIt()
    {
        var (catalog, diagnostics) = Run("""
            CREATE TABLE t (id int PRIMARY KEY);
            CREATE FUNCTION f() RETURNS int RETURN 1;
            CREATE PROCEDURE q() BEGIN IF f() = 1 THEN ALTER TABLE t ADD COLUMN c int; END IF; END;
            DROP FUNCTION f;
            CALL q();
            """, SqlDialect.MariaDb);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineChangesTrackedObjects, 5), (finding.Code, finding.Line));
        Assert.Contains("error 1305", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["id"], Columns(catalog, My("t")));
    }
}
