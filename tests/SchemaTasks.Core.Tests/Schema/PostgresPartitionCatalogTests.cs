using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// PostgreSQL partitions and a parent's ALTER TABLE passed into its partitions and inheritance
/// children, in the engine alone. The server's side of each is in the Npgsql project's
/// differential tests (PostgresPartitionTests).
/// </summary>
public sealed class PostgresPartitionCatalogTests
{
    private const string Events = """
        CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, kind text NOT NULL DEFAULT 'a' CHECK (kind IN ('a','b')), at timestamptz NOT NULL, n int, PRIMARY KEY (id, at), UNIQUE (kind, at)) PARTITION BY RANGE (at);

        """;

    [Fact]
    public void APartition_HasItsParentsColumnsChecksAndKeys_UnderItsOwnKeyNames()
    {
        var catalog = Clean(Events + "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');");
        var partition = catalog.Tables[Pg("events_2024")];
        Assert.Equal(["id", "kind", "at", "n"], partition.Columns.Select(c => c.Name));
        Assert.False(partition.Columns[0].IsIdentity); // PostgreSQL 15 does not pass identity on.
        Assert.Equal(("'a'", false), (partition.Columns[1].Default, partition.Columns[1].IsNullable));
        Assert.Equal(["events_kind_check"], partition.Checks.Select(c => c.Name));
        Assert.Equal(["events_2024_kind_at_key", "events_2024_pkey"], partition.Keys.Keys.Order());
    }

    [Fact]
    public void APartitionsOptions_AddToTheParentsColumns()
    {
        var catalog = Clean(Events + "CREATE TABLE d PARTITION OF events (n WITH OPTIONS DEFAULT 5 NOT NULL CHECK (n < 10), kind DEFAULT 'b') DEFAULT PARTITION BY RANGE (at);");
        var partition = catalog.Tables[Pg("d")];
        Assert.Equal(("5", false), (partition.Columns[3].Default, partition.Columns[3].IsNullable));
        Assert.Equal("'b'", partition.Columns[1].Default);
        Assert.Equal(["events_kind_check", "d_n_check"], partition.Checks.Select(c => c.Name));
        Assert.True(partition.Inheritance is { IsPartition: true, IsDefaultPartition: true, Partitioned: true });
    }

    [Theory]
    [InlineData("CREATE TABLE plain (a int);\nCREATE TABLE x PARTITION OF plain DEFAULT;", DiagnosticCodes.PartitionRefused)]
    [InlineData(Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;\nCREATE TABLE d2 PARTITION OF events DEFAULT;", DiagnosticCodes.PartitionRefused)]
    [InlineData(Events + "CREATE TABLE y PARTITION OF events (nope WITH OPTIONS NOT NULL) DEFAULT;", DiagnosticCodes.ColumnNotFound)]
    [InlineData(Events + "CREATE TABLE y () INHERITS (events);", DiagnosticCodes.PartitionRefused)]
    [InlineData(Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;\nALTER TABLE d1 ADD COLUMN z int;", DiagnosticCodes.PartitionRefused)]
    [InlineData(Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;\nALTER TABLE d1 DROP CONSTRAINT d1_pkey;", DiagnosticCodes.InheritedObjectInUse)]
    [InlineData(Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;\nALTER TABLE ONLY events ADD COLUMN z int;", DiagnosticCodes.InheritedObjectInUse)]
    [InlineData(Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;\nALTER TABLE ONLY events RENAME CONSTRAINT events_kind_check TO k;", DiagnosticCodes.InheritedObjectInUse)]
    [InlineData("CREATE TABLE p (a int CHECK (a > 0));\nCREATE TABLE c () INHERITS (p);\nALTER TABLE ONLY p RENAME CONSTRAINT p_a_check TO k;", DiagnosticCodes.InheritedObjectInUse)]
    [InlineData("CREATE TABLE o (a int, b int) PARTITION BY RANGE (a);\nCREATE TABLE o1 PARTITION OF o FOR VALUES FROM (0) TO (10);\nALTER TABLE ONLY o ADD PRIMARY KEY (a);", DiagnosticCodes.InheritedObjectInUse)]
    [InlineData("CREATE TABLE r (a int PRIMARY KEY);\nCREATE TABLE f (a int, b int) PARTITION BY RANGE (a);\nALTER TABLE ONLY f ADD FOREIGN KEY (b) REFERENCES r;", DiagnosticCodes.InheritedObjectInUse)]
    [InlineData(Events + "ALTER TABLE events DROP COLUMN at;", DiagnosticCodes.PartitionRefused)]
    [InlineData(Events + "ALTER TABLE events RENAME COLUMN at TO at2;\nALTER TABLE events ALTER COLUMN at2 TYPE timestamp;", DiagnosticCodes.PartitionRefused)]
    [InlineData("CREATE TABLE q (a int, b int, c text) PARTITION BY LIST (c);\nCREATE TABLE q2 PARTITION OF q FOR VALUES IN ('y') PARTITION BY RANGE (a);\nALTER TABLE q DROP COLUMN a;", DiagnosticCodes.PartitionRefused)]
    [InlineData(Events + "ALTER TABLE events ADD CONSTRAINT c CHECK (n > 0) NO INHERIT;", DiagnosticCodes.PartitionRefused)]
    [InlineData("CREATE TABLE k (a int, b int, CONSTRAINT c CHECK (b > 0) NO INHERIT) PARTITION BY RANGE (a);", DiagnosticCodes.PartitionRefused)]
    public void WhatTheServerRefuses_IsOneErrorOnItsLastLine(string sql, string code)
    {
        var (_, diagnostics) = Run(sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, sql.Split('\n').Length), (error.Code, error.Line));
    }

    [Fact]
    public void APartitionedParentsChanges_ReachNestedPartitions()
    {
        var catalog = Clean("""
            CREATE TABLE q (a int, b int, c text) PARTITION BY LIST (c);
            CREATE TABLE q2 PARTITION OF q FOR VALUES IN ('y') PARTITION BY RANGE (a);
            CREATE TABLE q2a PARTITION OF q2 FOR VALUES FROM (1) TO (5);
            ALTER TABLE q ADD COLUMN d int NOT NULL DEFAULT 4, ADD CONSTRAINT qk UNIQUE (a, c), ALTER COLUMN b TYPE bigint;
            ALTER TABLE q RENAME COLUMN d TO d2;
            """);
        var leaf = catalog.Tables[Pg("q2a")];
        Assert.Equal(["a", "b", "c", "d2"], leaf.Columns.Select(c => c.Name));
        Assert.Equal(("bigint", "4", false), (leaf.Columns[1].Type, leaf.Columns[3].Default, leaf.Columns[3].IsNullable));
        Assert.Equal(["q2a_a_c_key"], leaf.Keys.Keys);
    }

    [Fact]
    public void AParentsDropColumn_LeavesAColumnTheChildDeclaredOrHasFromAnotherParent()
    {
        var catalog = Clean("""
            CREATE TABLE pa (a int, b int, c int);
            CREATE TABLE pb (a int);
            CREATE TABLE ch (c int) INHERITS (pa, pb);
            CREATE TABLE gc () INHERITS (ch);
            ALTER TABLE pa DROP COLUMN a, DROP COLUMN b, DROP COLUMN c;
            """);
        Assert.Equal(["a", "c"], catalog.Tables[Pg("ch")].Columns.Select(c => c.Name));
        Assert.Equal(["a", "c"], catalog.Tables[Pg("gc")].Columns.Select(c => c.Name));
    }

    [Fact]
    public void AnAddedColumnTheChildHas_IsMergedAndLeftAsTheChildHasIt()
    {
        var catalog = Clean("CREATE TABLE pa (a int);\nCREATE TABLE ch (e int) INHERITS (pa);\nALTER TABLE pa ADD COLUMN e int NOT NULL DEFAULT 0;\nALTER TABLE pa DROP COLUMN e;");
        var column = catalog.Tables[Pg("ch")].Columns[^1];
        Assert.Equal(("e", true, (string?)null), (column.Name, column.IsNullable, column.Default));
    }

    [Fact]
    public void AParentsPrimaryKey_MakesTheChildrensColumnsNotNull()
    {
        var catalog = Clean("CREATE TABLE p (a int, b int);\nCREATE TABLE c () INHERITS (p);\nCREATE TABLE g () INHERITS (c);\nALTER TABLE p ADD PRIMARY KEY (a);");
        Assert.False(catalog.Tables[Pg("g")].Columns[0].IsNullable);
        Assert.Empty(catalog.Tables[Pg("g")].Keys);
    }

    [Fact]
    public void OnlyAddedKeys_StayInThePartitionedTable_AndLaterPartitionsGetThem()
    {
        var catalog = Clean("""
            CREATE TABLE o (a int NOT NULL, b int) PARTITION BY RANGE (a);
            CREATE TABLE o1 PARTITION OF o FOR VALUES FROM (0) TO (10);
            ALTER TABLE ONLY o ADD PRIMARY KEY (a);
            ALTER TABLE ONLY o ADD CONSTRAINT ok UNIQUE (a, b);
            ALTER TABLE ONLY o RENAME CONSTRAINT ok TO ok2;
            CREATE TABLE o2 PARTITION OF o FOR VALUES FROM (10) TO (20);
            CREATE TABLE ip (a int, b int);
            CREATE TABLE ic () INHERITS (ip);
            ALTER TABLE ONLY ip ADD PRIMARY KEY (a);
            """);
        Assert.Equal(["o_pkey", "ok2"], catalog.Tables[Pg("o")].Keys.Keys.Order());
        Assert.Empty(catalog.Tables[Pg("o1")].Keys);
        Assert.Equal(["o2_a_b_key", "o2_pkey"], catalog.Tables[Pg("o2")].Keys.Keys.Order());
        Assert.True(catalog.Tables[Pg("ic")].Columns[0].IsNullable); // ONLY: the primary key's NOT NULL stays in the parent.
    }

    [Fact]
    public void DroppingAPartitionedTable_DropsItsPartitions_WithoutCascade()
    {
        var catalog = Clean(Events + "CREATE TABLE d1 PARTITION OF events DEFAULT;\nDROP TABLE events;");
        Assert.Empty(catalog.Tables);
    }
}
