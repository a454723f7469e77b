using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL <c>CREATE TABLE t (LIKE source ...)</c> in the engine alone; the server's side is
/// in the Npgsql project's PostgresTableLikeTests.
/// </summary>
public sealed class PostgresTableLikeCatalogTests
{
    private const string Source = "CREATE TABLE src (id int GENERATED ALWAYS AS IDENTITY, k text NOT NULL DEFAULT 'a' CHECK (k <> ''), n int, g int GENERATED ALWAYS AS (n * 2) STORED, PRIMARY KEY (id), CONSTRAINT uq UNIQUE (n));\n";

    [Fact]
    public void LikeAlone_CopiesColumnsTypesAndNotNull_Only()
    {
        var copy = Clean(Source + "CREATE TABLE c (LIKE src);").Tables[Pg("c")];
        Assert.Equal(["id", "k", "n", "g"], copy.Columns.Select(c => c.Name));
        Assert.Equal((false, false, (string?)null), (copy.Columns[0].IsNullable, copy.Columns[0].IsIdentity, copy.Columns[1].Default));
        Assert.Null(copy.Columns[3].GeneratedExpression);
        Assert.Empty(copy.Checks);
        Assert.Empty(copy.Keys);
    }

    [Fact]
    public void IncludingAll_CopiesTheRest_WithKeysNamedForTheNewTable()
    {
        var copy = Clean(Source + "CREATE TABLE c (pre int, LIKE src INCLUDING ALL, post int);").Tables[Pg("c")];
        Assert.Equal(["pre", "id", "k", "n", "g", "post"], copy.Columns.Select(c => c.Name));
        Assert.True(copy.Columns[1].IsIdentity);
        Assert.Equal("'a'", copy.Columns[2].Default);
        Assert.NotNull(copy.Columns[4].GeneratedExpression);
        Assert.Equal(["src_k_check"], copy.Checks.Select(c => c.Name));
        Assert.Equal(["c_n_key", "c_pkey"], copy.Keys.Keys.Order());
    }

    [Fact]
    public void AColumnTakenTwice_IsRefused()
    {
        var (catalog, diagnostics) = Run(Source + "CREATE TABLE c (n int, LIKE src);");
        Assert.Equal((DiagnosticCodes.ColumnExists, 2), (Assert.Single(diagnostics).Code, diagnostics[0].Line));
        Assert.Null(catalog.FindTable(Pg("c")));
    }

    [Fact]
    public void WithInherits_InheritedColumnsComeFirst_AndLikesColumnsMergeIntoThem()
    {
        var catalog = Clean("""
            CREATE TABLE s1 (a int PRIMARY KEY, b int DEFAULT 1 CONSTRAINT bc CHECK (b > 0), UNIQUE (b));
            CREATE TABLE q1 (c int, b int NOT NULL DEFAULT 7, CONSTRAINT bc CHECK (b > 0));
            CREATE TABLE x1 (z int, LIKE s1 INCLUDING ALL, y int) INHERITS (q1);
            """);
        var x1 = catalog.Tables[Pg("x1")];
        Assert.Equal(["c", "b", "z", "a", "y"], x1.Columns.Select(c => c.Name));
        Assert.Equal(("1", false), (x1.Columns[1].Default, x1.Columns[1].IsNullable));
        Assert.Equal(["bc"], x1.Checks.Select(c => c.Name));
        Assert.Equal(["x1_b_key", "x1_pkey"], x1.Keys.Keys.Order());
        Assert.DoesNotContain("b", x1.Inheritance!.InheritedColumns); // Merged: the table's own, as a declared column would be.
        Assert.DoesNotContain("bc", x1.Inheritance.InheritedChecks);
    }

    [Theory]
    [InlineData("CREATE TABLE s1 (b int CONSTRAINT bc CHECK (b > 0));\nCREATE TABLE q2 (b int, CONSTRAINT bc CHECK (b > 5));\nCREATE TABLE x (LIKE s1 INCLUDING ALL) INHERITS (q2);", DiagnosticCodes.ConstraintExists)]
    [InlineData("CREATE TABLE s1 (b int);\nCREATE TABLE q2 (b bigint);\nCREATE TABLE x (LIKE s1) INHERITS (q2);", DiagnosticCodes.InheritanceConflict)]
    [InlineData("CREATE TABLE s1 (b int DEFAULT 3);\nCREATE TABLE q3 (b int DEFAULT 1);\nCREATE TABLE q4 (b int DEFAULT 2);\nCREATE TABLE x (LIKE s1 INCLUDING DEFAULTS) INHERITS (q3, q4);", DiagnosticCodes.InheritanceConflict)]
    [InlineData("CREATE TABLE s1 (b int);\nCREATE TABLE q2 (b int);\nCREATE TABLE x (b int, LIKE s1) INHERITS (q2);", DiagnosticCodes.ColumnExists)]
    [InlineData("CREATE TABLE s1 (b int GENERATED ALWAYS AS IDENTITY);\nCREATE TABLE q2 (b int);\nCREATE TABLE x (LIKE s1 INCLUDING IDENTITY) INHERITS (q2);", DiagnosticCodes.UnsupportedStatement)]
    public void WithInherits_WhatTheServerRefusesOrTheEngineCannotModel_IsOneErrorOnItsLastLine(string sql, string code)
    {
        var (_, diagnostics) = Run(sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, sql.Split('\n').Length), (error.Code, error.Line));
    }
}
