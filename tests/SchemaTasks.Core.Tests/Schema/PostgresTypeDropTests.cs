using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// DROP TYPE and DROP DOMAIN as PostgreSQL 15 runs them: a type a function's or procedure's
/// header names (a parameter, the result, a column of RETURNS TABLE) cannot be dropped without
/// CASCADE (2BP01), and CASCADE drops the routine; several names in one statement are dropped all
/// or none (42704 for a missing one, 2BP01 for one used outside the statement's names).
/// </summary>
public class PostgresTypeDropTests
{
    private const string Setup = "CREATE TYPE e AS ENUM ('a');\nCREATE DOMAIN d AS int;\nCREATE TYPE c AS (x int);\n";

    [Theory]
    [InlineData("CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP TYPE e;", "function f(p e)")]
    [InlineData("CREATE FUNCTION f(VARIADIC p e[]) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP TYPE e;", "function f(variadic p e[])")]
    [InlineData("CREATE FUNCTION f(e, int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP TYPE e;", "function f(e, int)")]
    [InlineData("CREATE FUNCTION f() RETURNS public.e LANGUAGE sql AS 'SELECT ''a''::e';\nDROP TYPE e;", "function f()")]
    [InlineData("CREATE FUNCTION f() RETURNS TABLE (z e) LANGUAGE sql AS 'SELECT ''a''::e';\nDROP TYPE e;", "function f()")]
    [InlineData("CREATE FUNCTION f(OUT z e) LANGUAGE sql AS 'SELECT ''a''::e';\nDROP TYPE e;", "function f(out z e)")]
    [InlineData("CREATE PROCEDURE p(x d DEFAULT 1) LANGUAGE sql AS 'SELECT 1';\nDROP DOMAIN d;", "procedure p(x d default 1)")]
    [InlineData("CREATE FUNCTION f() RETURNS SETOF c LANGUAGE sql AS 'SELECT 1';\nDROP TYPE c;", "function f()")]
    [InlineData("CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nALTER TYPE e RENAME TO e2;\nDROP TYPE e2;", "function f(p e)")]
    [InlineData("CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nALTER FUNCTION f(p e) RENAME TO g;\nDROP TYPE e;", "function g(p e)")]
    [InlineData("CREATE TABLE t (v e);\nDROP TYPE e, d;", "column t.v")]
    public void ATypeARoutineOrColumnUses_IsNotDroppedWithoutCascade(string statements, string dependent)
    {
        var sql = Setup + statements;
        var (catalog, diagnostics) = Run(sql);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TypeInUse, diagnostic.Code);
        Assert.Contains(dependent, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("2BP01", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(sql.Split('\n').Length, diagnostic.Line);
        Assert.True(catalog.Domains.ContainsKey(Pg("d")), "a refused statement drops none of its names");
    }

    [Theory]
    [InlineData("CREATE FUNCTION f(e int) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP TYPE e;")]
    [InlineData("CREATE FUNCTION f(p int) RETURNS int LANGUAGE plpgsql AS $$ DECLARE v e; BEGIN RETURN 1; END $$;\nDROP TYPE e;")]
    [InlineData("CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION f(p e);\nDROP TYPE e;")]
    [InlineData("CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION f;\nDROP TYPE e;")]
    [InlineData("CREATE SCHEMA s;\nCREATE FUNCTION s.f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP SCHEMA s CASCADE;\nDROP TYPE e;")]
    [InlineData("CREATE DOMAIN d2 AS e;\nDROP TYPE e, d2;")]
    [InlineData("DROP TYPE IF EXISTS nope, e, c;")]
    [InlineData("DROP TYPE e, e;")]
    public void ATypeNothingElseUses_IsDropped(string statements)
    {
        var catalog = Clean(Setup + statements);
        Assert.False(catalog.EnumTypes.ContainsKey(Pg("e")));
    }

    [Fact]
    public void Cascade_DropsTheRoutinesAndWhatCallsThem()
    {
        var catalog = Clean(Setup + """
            CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 2';
            CREATE TABLE t (n int DEFAULT f('a'), m int DEFAULT g());
            DROP TYPE e CASCADE;
            DROP TYPE c;
            """);
        var columns = catalog.Tables[Pg("t")].Columns;
        Assert.Null(columns.Single(c => c.Name == "n").Default);
        Assert.Equal("g()", columns.Single(c => c.Name == "m").Default);
    }

    [Theory]
    [InlineData("DROP TYPE e, nope;", DiagnosticCodes.TypeNotFound, "42704")]
    [InlineData("DROP TYPE nope, e;", DiagnosticCodes.TypeNotFound, "42704")]
    [InlineData("DROP DOMAIN IF EXISTS d, e;", DiagnosticCodes.TypeNotFound, "42809")]
    public void ARefusedStatement_DropsNoneOfItsNames(string statement, string code, string sqlState)
    {
        var (catalog, diagnostics) = Run(Setup + statement);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(sqlState, diagnostic.Message, StringComparison.Ordinal);
        Assert.True(catalog.EnumTypes.ContainsKey(Pg("e")));
        Assert.True(catalog.Domains.ContainsKey(Pg("d")));
    }

    [Fact]
    public void AnOverloadDroppedWithAnotherArgumentList_LeavesTheDropUndecided()
    {
        var (catalog, diagnostics) = Run(Setup + """
            CREATE FUNCTION f(p e) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION f(p int) RETURNS int LANGUAGE sql AS 'SELECT 1';
            DROP FUNCTION f(e);
            DROP TYPE e;
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.RoutineTypeUseUndecided, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.False(catalog.EnumTypes.ContainsKey(Pg("e")));
    }
}
