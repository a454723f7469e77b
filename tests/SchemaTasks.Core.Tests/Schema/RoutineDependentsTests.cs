using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Column defaults and CHECKs that call a function follow DROP FUNCTION as PostgreSQL 15 does:
/// without CASCADE the drop is refused (2BP01), with it they go (the NOTICE "drop cascades to
/// default value for column ..." and "... to constraint ...").
/// </summary>
public class RoutineDependentsTests
{
    private const string Functions = """
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        CREATE FUNCTION g(x int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x > 0';
        CREATE TABLE c (fv int DEFAULT f(), w int, CONSTRAINT c_w_chk CHECK (g(w)));

        """;

    private static CatalogColumn Column(Catalog catalog, string table, string column)
        => catalog.FindTable(Pg(table))!.FindColumn(column, SqlDialect.Postgres)!;

    [Fact]
    public void DropFunctionCascade_DropsTheDefaultAndTheCheckThatCallIt()
    {
        var catalog = Clean(Functions + """
            DROP FUNCTION f() CASCADE;
            DROP FUNCTION g(int) CASCADE;
            """);
        Assert.Null(Column(catalog, "c", "fv").Default);
        Assert.Empty(catalog.FindTable(Pg("c"))!.Checks);
    }

    [Fact]
    public void DropFunction_WithoutCascade_IsRefusedAtTheDrop_AndKeepsWhatCallsIt()
    {
        var (catalog, diagnostics) = Run(Functions + """
            DROP FUNCTION f();
            DROP FUNCTION IF EXISTS g(int) RESTRICT;
            """);
        Assert.Collection(
            diagnostics,
            d =>
            {
                Assert.Equal((DiagnosticCodes.RoutineInUse, 4, 1), (d.Code, d.Line, d.Column));
                Assert.Contains("the default of column c.fv calls it", d.Message, StringComparison.Ordinal);
                Assert.Contains("add CASCADE", d.Message, StringComparison.Ordinal);
            },
            d =>
            {
                Assert.Equal((DiagnosticCodes.RoutineInUse, 5, 1), (d.Code, d.Line, d.Column));
                Assert.Contains("constraint c_w_chk of c", d.Message, StringComparison.Ordinal);
            });
        Assert.Equal("f()", Column(catalog, "c", "fv").Default);
        Assert.Equal("c_w_chk", Assert.Single(catalog.FindTable(Pg("c"))!.Checks).Name);
    }

    [Fact]
    public void DroppingAnotherFunction_LeavesThem_AndIfExistsOfAMissingOneIsFine()
    {
        var catalog = Clean(Functions + """
            CREATE FUNCTION h() RETURNS int LANGUAGE sql AS 'SELECT 2';
            DROP FUNCTION h();
            DROP FUNCTION IF EXISTS missing(int) CASCADE;
            DROP FUNCTION IF EXISTS fx();
            DROP FUNCTION other.f() CASCADE;
            """);
        Assert.Equal("f()", Column(catalog, "c", "fv").Default);
        Assert.Single(catalog.FindTable(Pg("c"))!.Checks);
    }

    [Fact]
    public void ASchemaQualifiedCall_MatchesTheFunctionOfThatSchemaOnly()
    {
        const string Sql = """
            CREATE SCHEMA util;
            CREATE FUNCTION util.next_no() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE TABLE t (n int DEFAULT util.next_no(), m int DEFAULT next_no());

            """;
        var catalog = Clean(Sql + "DROP FUNCTION util.next_no() CASCADE;");
        Assert.Null(Column(catalog, "t", "n").Default);
        Assert.Equal("next_no()", Column(catalog, "t", "m").Default);

        var (_, diagnostics) = Run(Sql + "DROP FUNCTION util.next_no;");
        var refused = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineInUse, 4), (refused.Code, refused.Line));
        Assert.Contains("t.n", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("t.m", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneFunctionOfADropList_TakesItsDependentsAlong()
    {
        var catalog = Clean(Functions + "DROP FUNCTION IF EXISTS unrelated(), g(int), other_missing(text) CASCADE;");
        Assert.Empty(catalog.FindTable(Pg("c"))!.Checks);
        Assert.Equal("f()", Column(catalog, "c", "fv").Default);

        var (_, diagnostics) = Run(Functions + "DROP FUNCTION IF EXISTS unrelated(), g(int), f();");
        Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.RoutineInUse && d.Line == 4));
    }

    [Fact]
    public void OnlyTheCheckThatCallsTheFunction_Goes_AndTheColumnsAllowedValuesStay()
    {
        // A value set is one column against constants: it calls no function.
        var catalog = Clean("""
            CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(t)';
            CREATE TABLE s (state text CONSTRAINT s_state_in CHECK (state IN ('a', 'b')) CONSTRAINT s_state_norm CHECK (norm(state) = state));
            DROP FUNCTION norm(text) CASCADE;
            """);
        Assert.Equal("s_state_in", Assert.Single(catalog.FindTable(Pg("s"))!.Checks).Name);
        Assert.Equal(new[] { "a", "b" }, catalog.GetAllowedValues(Pg("s"), "state")!.Values.ToArray());
    }

    [Fact]
    public void ADomainCheckThatCallsTheFunction_GoesWithIt()
    {
        var catalog = Clean("""
            CREATE FUNCTION positive(x int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x > 0';
            CREATE DOMAIN amount AS int CONSTRAINT amount_positive CHECK (positive(VALUE)) CONSTRAINT amount_small CHECK (VALUE < 100);
            DROP FUNCTION positive(int) CASCADE;
            """);
        Assert.Equal("amount_small", Assert.Single(catalog.FindDomain(Pg("amount"))!.Checks).Name);
    }

    [Fact]
    public void WhenTheMigrationsMadeSeveralOverloads_TheDropIsReportedNotGuessed()
    {
        var (catalog, diagnostics) = Run("""
            CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
            CREATE FUNCTION f(x text) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE TABLE t (n int DEFAULT f(1));
            DROP FUNCTION f(text) CASCADE;
            """);
        var reported = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 4), (reported.Code, reported.Line));
        Assert.Equal("f(1)", Column(catalog, "t", "n").Default);
    }

    [Fact]
    public void CreateOrReplaceOfTheSameOverload_IsNoSecondOverload()
    {
        var catalog = Clean("""
            CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
            CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1';
            CREATE TABLE t (n int DEFAULT f(1));
            DROP FUNCTION f(int) CASCADE;
            """);
        Assert.Null(Column(catalog, "t", "n").Default);
    }

    [Fact]
    public void AProbedHistory_LeavesWhatTheServerLeft()
    {
        // PostgreSQL 15 kept only c_w_small and pos_small, and no default.
        var catalog = Clean("""
            CREATE SCHEMA util;
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION g(x int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x > 0';
            CREATE FUNCTION util.n() RETURNS int LANGUAGE sql AS 'SELECT 2';
            CREATE DOMAIN pos AS int CONSTRAINT pos_g CHECK (g(VALUE)) CONSTRAINT pos_small CHECK (VALUE < 100);
            CREATE TABLE c (fv int DEFAULT f(), w int, u int DEFAULT util.n(), p pos, CONSTRAINT c_w_chk CHECK (g(w)), CONSTRAINT c_w_small CHECK (w < 10));
            DROP FUNCTION f() CASCADE;
            DROP FUNCTION IF EXISTS missing(), g(int) CASCADE;
            DROP FUNCTION util.n CASCADE;
            """);
        var table = catalog.FindTable(Pg("c"))!;
        Assert.All(table.Columns, c => Assert.Null(c.Default));
        Assert.Equal("c_w_small", Assert.Single(table.Checks).Name);
        Assert.Equal("pos_small", Assert.Single(catalog.FindDomain(Pg("pos"))!.Checks).Name);
    }

    [Fact]
    public void ADomainWhoseDefaultCallsTheFunction_GoesWithIt_AndItsColumns()
    {
        // PostgreSQL 15: "drop cascades to type d", "drop cascades to column a of table t".
        var catalog = Clean("""
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE DOMAIN d AS int DEFAULT f();
            CREATE TABLE t (a d, b int);
            DROP FUNCTION f() CASCADE;
            """);
        Assert.Null(catalog.FindDomain(Pg("d")));
        Assert.Equal("b", Assert.Single(catalog.FindTable(Pg("t"))!.Columns).Name);
    }

    [Fact]
    public void AGeneratedColumnThatCallsTheFunction_GoesWithIt_AndWithoutCascadeTheDropIsRefused()
    {
        const string Sql = """
            CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
            CREATE TABLE t (a int, b int GENERATED ALWAYS AS (twice(a)) STORED, CONSTRAINT t_b_chk CHECK (b < 100));
            ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (public.twice(a + 1)) STORED;

            """;
        var catalog = Clean(Sql + "DROP FUNCTION twice(int) CASCADE;");
        var table = catalog.FindTable(Pg("t"))!;
        Assert.Equal("a", Assert.Single(table.Columns).Name);
        Assert.Empty(table.Checks);

        var (_, diagnostics) = Run(Sql + "DROP FUNCTION twice(int);");
        var refused = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.RoutineInUse, 4), (refused.Code, refused.Line));
        Assert.Contains("generated column t.c", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenamingOrMovingTheFunction_ShowsTheNewNameInWhatCallsIt_AndALaterDropFindsIt()
    {
        // PostgreSQL 15 shows f2() and CHECK (util.g(w)) after these.
        const string Sql = Functions + """
            CREATE SCHEMA util;
            ALTER FUNCTION f() RENAME TO f2;
            ALTER FUNCTION g(int) SET SCHEMA util;

            """;
        var catalog = Clean(Sql);
        Assert.Equal("f2()", Column(catalog, "c", "fv").Default);
        Assert.Equal("util.g(w)", Assert.Single(catalog.FindTable(Pg("c"))!.Checks).Expression);

        catalog = Clean(Sql + "DROP FUNCTION f() CASCADE;\nDROP FUNCTION IF EXISTS g(int);");
        Assert.Equal("f2()", Column(catalog, "c", "fv").Default);

        catalog = Clean(Sql + "DROP FUNCTION f2() CASCADE;\nDROP FUNCTION util.g(int) CASCADE;");
        Assert.Null(Column(catalog, "c", "fv").Default);
        Assert.Empty(catalog.FindTable(Pg("c"))!.Checks);
    }

    [Fact]
    public void AMovedFunction_IsShownQualifiedOnlyOutsideTheDefaultSchema()
    {
        // PostgreSQL 15: defaults f2() and n(), CHECK (util.g(w)), domain CHECK (util.g(VALUE)), which the engine keeps with its words folded.
        var catalog = Clean("""
            CREATE SCHEMA util;
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION g(x int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x > 0';
            CREATE FUNCTION util.n() RETURNS int LANGUAGE sql AS 'SELECT 2';
            CREATE DOMAIN pos AS int CONSTRAINT pos_g CHECK (g(VALUE)) CONSTRAINT pos_small CHECK (VALUE < 100);
            CREATE TABLE c (fv int DEFAULT f(), w int, u int DEFAULT util.n(), p pos, CONSTRAINT c_w_chk CHECK (g(w)), CONSTRAINT c_w_small CHECK (w < 10));
            ALTER FUNCTION f() RENAME TO f2;
            ALTER FUNCTION g(int) SET SCHEMA util;
            ALTER FUNCTION util.n() SET SCHEMA public;
            """);
        Assert.Equal("f2()", Column(catalog, "c", "fv").Default);
        Assert.Equal("n()", Column(catalog, "c", "u").Default);
        Assert.Equal("util.g(w)", catalog.FindTable(Pg("c"))!.Checks.Single(k => k.Name == "c_w_chk").Expression);
        Assert.Equal("util.g(value)", catalog.FindDomain(Pg("pos"))!.Checks.Single(k => k.Name == "pos_g").Expression);
    }

    [Fact]
    public void RenamingOneOfSeveralOverloads_ThatSomethingCalls_IsReportedNotGuessed()
    {
        var (catalog, diagnostics) = Run("""
            CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
            CREATE FUNCTION f(x text) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE TABLE t (n int DEFAULT f(1));
            ALTER FUNCTION f(text) RENAME TO g;
            """);
        var reported = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, 4), (reported.Code, reported.Line));
        Assert.Equal("f(1)", Column(catalog, "t", "n").Default);
    }

    [Fact]
    public void DropSchemaCascade_DropsWhatCallsItsFunctions()
    {
        // PostgreSQL 15: "drop cascades to default value for column u", "... to constraint c_w_check".
        var catalog = Clean("""
            CREATE SCHEMA util;
            CREATE FUNCTION util.n() RETURNS int LANGUAGE sql AS 'SELECT 2';
            CREATE FUNCTION util.ok(x int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT x > 0';
            CREATE TABLE c (u int DEFAULT util.n(), w int CHECK (util.ok(w)), v int DEFAULT 3);
            DROP SCHEMA util CASCADE;
            """);
        var table = catalog.FindTable(Pg("c"))!;
        Assert.Null(Column(catalog, "c", "u").Default);
        Assert.Equal("3", Column(catalog, "c", "v").Default);
        Assert.Empty(table.Checks);
    }

    [Fact]
    public void ADropInADoBlock_IsFollowedToo()
    {
        var catalog = Clean(Functions + """
            DO $$
            BEGIN
              DROP FUNCTION f() CASCADE;
              EXECUTE 'DROP FUNCTION g(int) CASCADE';
            END $$;
            """);
        Assert.Null(Column(catalog, "c", "fv").Default);
        Assert.Empty(catalog.FindTable(Pg("c"))!.Checks);
    }
}
