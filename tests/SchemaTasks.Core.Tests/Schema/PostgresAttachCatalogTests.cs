using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL <c>ALTER TABLE ... INHERIT</c>, <c>ATTACH PARTITION</c> and <c>DETACH PARTITION</c>
/// in the engine alone; the server's side is in the Npgsql project's PostgresAttachTests.
/// </summary>
public sealed class PostgresAttachCatalogTests
{
    private const string Parent = "CREATE TABLE pu (a int NOT NULL, b text, CONSTRAINT ck CHECK (a > 0), PRIMARY KEY (a), UNIQUE (b, a)) PARTITION BY RANGE (a);\n";

    [Fact]
    public void AnAttachedTable_KeepsAKeyOnTheSameColumns_AndGetsTheOthers()
    {
        var catalog = Clean(Parent + "CREATE TABLE u1 (b text, a int NOT NULL, CONSTRAINT ck CHECK (a > 0), CONSTRAINT mypk PRIMARY KEY (a));\nALTER TABLE pu ATTACH PARTITION u1 FOR VALUES FROM (0) TO (10);\nALTER TABLE pu DROP COLUMN b;");
        var partition = catalog.Tables[Pg("u1")];
        Assert.Equal(["mypk"], partition.Keys.Keys); // u1_b_a_key went with b.
        Assert.Equal(["a"], partition.Columns.Select(c => c.Name));
    }

    [Fact]
    public void ADetachedPartition_NoLongerFollowsItsParent()
    {
        var catalog = Clean(Parent + "CREATE TABLE u1 PARTITION OF pu DEFAULT;\nALTER TABLE pu DETACH PARTITION u1;\nALTER TABLE pu ADD COLUMN c int;\nALTER TABLE u1 ADD COLUMN d int;");
        Assert.Equal(["a", "b", "d"], catalog.Tables[Pg("u1")].Columns.Select(c => c.Name));
        Assert.Null(catalog.Tables[Pg("u1")].Inheritance);
    }

    [Fact]
    public void AnInheritingTable_KeepsItsColumnsWhenTheParentDropsThem()
    {
        var catalog = Clean("CREATE TABLE base (x int);\nCREATE TABLE kid (x int, z int);\nALTER TABLE kid INHERIT base;\nALTER TABLE base DROP COLUMN x, ADD COLUMN w int;");
        Assert.Equal(["x", "z", "w"], catalog.Tables[Pg("kid")].Columns.Select(c => c.Name));
    }

    [Fact]
    public void ACheckWrittenOtherwise_ThatMayParseTheSame_IsAWarning_NotARefusal()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE base (x int CONSTRAINT bx CHECK (x > 0));\nCREATE TABLE kid (x int CONSTRAINT bx CHECK (0 < x));\nALTER TABLE kid INHERIT base;");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.InheritedCheckUndecided, DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Line));
        Assert.NotNull(catalog.Tables[Pg("kid")].Inheritance);
        Assert.NotNull(Clean("CREATE TABLE base (x int CONSTRAINT bx CHECK (x>0));\nCREATE TABLE kid (x int CONSTRAINT bx CHECK ((x > 0)));\nALTER TABLE kid INHERIT base;").Tables[Pg("kid")].Inheritance);
    }

    [Theory]
    [InlineData("CREATE TABLE base (x int NOT NULL);\nCREATE TABLE kid (x int);\nALTER TABLE kid INHERIT base;", DiagnosticCodes.InheritanceConflict)]
    [InlineData(Parent + "CREATE TABLE t (a int NOT NULL, b text, c int, CONSTRAINT ck CHECK (a > 0));\nALTER TABLE pu ATTACH PARTITION t DEFAULT;", DiagnosticCodes.InheritanceConflict)]
    [InlineData(Parent + "CREATE TABLE t (a int);\nALTER TABLE pu DETACH PARTITION t;", DiagnosticCodes.PartitionRefused)]
    public void WhatTheServerRefuses_IsOneErrorOnItsLastLine(string sql, string code)
    {
        var (_, diagnostics) = Run(sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, sql.Split('\n').Length), (error.Code, error.Line));
    }
}
