using SchemaTasks.Diagnostics;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DROP TYPE and DROP DOMAIN against the server: a type a routine's header names is refused
/// without CASCADE (2BP01); several names are dropped all or none (42704, 42809, 2BP01); what the
/// server takes leaves the same catalog, the defaults that called a cascaded routine gone too.
/// </summary>
public sealed class PostgresTypeDropTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a');\nCREATE DOMAIN d AS int;\nCREATE TYPE c AS (x int);\n";

    [PostgresTheory]
    [InlineData("CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP TYPE e;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE FUNCTION f(VARIADIC p e[]) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP TYPE e;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE FUNCTION f() RETURNS TABLE (z e) LANGUAGE sql AS 'SELECT ''a''::e';\nDROP TYPE e;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE FUNCTION f(OUT z e) LANGUAGE sql AS 'SELECT ''a''::e';\nDROP TYPE e;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE PROCEDURE p(x d DEFAULT 1) LANGUAGE sql AS 'SELECT 1';\nDROP DOMAIN d;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE FUNCTION f() RETURNS SETOF c LANGUAGE sql AS 'SELECT 1';\nDROP TYPE c;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nALTER TYPE e RENAME TO e2;\nDROP TYPE e2;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("CREATE TABLE t (v e);\nDROP TYPE e, d;", nameof(DiagnosticCodes.TypeInUse), "2BP01")]
    [InlineData("DROP TYPE e, nope;", nameof(DiagnosticCodes.TypeNotFound), "42704")]
    [InlineData("DROP DOMAIN IF EXISTS d, e;", nameof(DiagnosticCodes.TypeNotFound), "42809")]
    public Task AStatementTheServerRefuses_IsReportedAtItsLine(string statements, string code, string sqlState)
        => PostgresRefusedAtLastLine.AssertBothRefuseAsync(Setup + statements, (string)typeof(DiagnosticCodes).GetField(code)!.GetValue(null)!, sqlState);

    [PostgresTheory]
    [InlineData("CASCADE drops the routine and the default that calls it", "CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE TABLE t (n int DEFAULT f('a'), m int);\nDROP TYPE e CASCADE;")]
    [InlineData("a parameter named like the type", "CREATE FUNCTION f(e int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP TYPE e;")]
    [InlineData("a declared variable is no dependency", "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ DECLARE v e; BEGIN RETURN 1; END $$;\nDROP TYPE e;")]
    [InlineData("the routine dropped first", "CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION f(p e);\nDROP TYPE e;")]
    [InlineData("a domain dropped with the type it is over", "CREATE DOMAIN d2 AS e;\nDROP TYPE e, d2;")]
    [InlineData("IF EXISTS passes over a missing name", "DROP TYPE IF EXISTS nope, e, c;\nDROP TYPE IF EXISTS nope, d CASCADE;")]
    public Task AnAcceptedHistory_LeavesTheServersCatalog(string behaviour, string statements)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, Setup + statements);
}
