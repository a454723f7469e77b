using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A new partition's bound against its parent's key and other partitions, in the engine alone
/// (PartitionBoundCheck). The server's side of each is in the Npgsql project's differential
/// tests (PostgresPartitionTests).
/// </summary>
public sealed class PostgresPartitionBoundTests
{
    private const string Range = "CREATE TABLE r (a int, b text, d date, t timestamp) PARTITION BY RANGE (a);\nCREATE TABLE r1 PARTITION OF r FOR VALUES FROM (1) TO (10);\n";
    private const string Rows = "CREATE TABLE m (a int, b int) PARTITION BY RANGE (a, b);\nCREATE TABLE m1 PARTITION OF m FOR VALUES FROM (1, 1) TO (1, 10);\nCREATE TABLE m2 PARTITION OF m FOR VALUES FROM (1, 10) TO (2, 0);\n";
    private const string List = "CREATE TABLE l (a int, b text) PARTITION BY LIST (b);\nCREATE TABLE l1 PARTITION OF l FOR VALUES IN ('x', 'Y z', NULL);\n";
    private const string Hash = "CREATE TABLE h (a int) PARTITION BY HASH (a);\nCREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 0);\n";

    [Theory]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (5) TO (15);")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (MINVALUE) TO (2);")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (-5) TO (MAXVALUE);")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM ('3') TO ('4');")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (3) TO (3);")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (20) TO (30);\nCREATE TABLE r3 PARTITION OF r FOR VALUES FROM (0) TO (100);")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES IN (20);")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (20, 1) TO (30, 1);")]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (NULL) TO (30);")]
    [InlineData(Range + "CREATE TABLE x (a int, b text, d date, t timestamp);\nALTER TABLE r ATTACH PARTITION x FOR VALUES FROM (9) TO (12);")]
    [InlineData(Rows + "CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (1, 5) TO (1, 6);")]
    [InlineData(Rows + "CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (2, MINVALUE) TO (2, MAXVALUE);")]
    [InlineData(Rows + "CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (1, MAXVALUE) TO (2, 0);")]
    [InlineData(List + "CREATE TABLE l2 PARTITION OF l FOR VALUES IN ('q', 'Y z');")]
    [InlineData(List + "CREATE TABLE l2 PARTITION OF l FOR VALUES IN (NULL);")]
    [InlineData(Hash + "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 8, REMAINDER 4);")]
    [InlineData(Hash + "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 0);")]
    [InlineData(Hash + "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 3, REMAINDER 1);")]
    [InlineData(Hash + "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 4);")]
    [InlineData(Hash + "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 0, REMAINDER 0);")]
    [InlineData(Hash + "CREATE TABLE h2 PARTITION OF h DEFAULT;")]
    [InlineData("CREATE TABLE e (a int, d date) PARTITION BY RANGE (d);\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nCREATE TABLE e2 PARTITION OF e FOR VALUES FROM (DATE '2024-06-01') TO ('2024-07-01');")]
    [InlineData("CREATE TABLE e (a int, t timestamp) PARTITION BY RANGE (t);\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');\nCREATE TABLE e2 PARTITION OF e FOR VALUES FROM ('2024-01-01 23:00') TO ('2024-01-03');")]
    [InlineData("CREATE TABLE e (a int, s text) PARTITION BY RANGE (s);\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('a') TO ('m');\nCREATE TABLE e2 PARTITION OF e FOR VALUES FROM ('k') TO ('z');")]
    [InlineData("CREATE TABLE e (a int, s text) PARTITION BY RANGE (s);\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('a') TO ('m');\nALTER TABLE e RENAME COLUMN s TO s2;\nCREATE TABLE e2 PARTITION OF e FOR VALUES FROM ('k') TO ('z');")]
    public void ABoundTheServerRefuses_IsOneErrorOnItsLastLine(string sql)
    {
        var (_, diagnostics) = Run(sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PartitionRefused, sql.Split('\n').Length), (error.Code, error.Line));
    }

    [Theory]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (10) TO (15);\nCREATE TABLE r0 PARTITION OF r FOR VALUES FROM (MINVALUE) TO (1);\nCREATE TABLE r3 PARTITION OF r FOR VALUES FROM (15) TO (MAXVALUE);\nCREATE TABLE rd PARTITION OF r DEFAULT;")]
    [InlineData(Rows + "CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (3, MINVALUE) TO (4, MINVALUE);\nCREATE TABLE m4 PARTITION OF m FOR VALUES FROM (2, 0) TO (3, MINVALUE);")]
    [InlineData(List + "CREATE TABLE l2 PARTITION OF l FOR VALUES IN ('X', 'y z');\nCREATE TABLE l3 PARTITION OF l DEFAULT;")]
    [InlineData(Hash + "CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 8, REMAINDER 1);\nCREATE TABLE h3 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 3);")]
    [InlineData(Range + "CREATE TABLE x (a int, b text, d date, t timestamp);\nALTER TABLE r ATTACH PARTITION x FOR VALUES FROM (10) TO (12);\nALTER TABLE r DETACH PARTITION x;\nALTER TABLE r ATTACH PARTITION x FOR VALUES FROM (10) TO (12);")]
    [InlineData("CREATE TABLE e (a int, t timestamptz) PARTITION BY RANGE (date_trunc('day', t));\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');\nCREATE TABLE e2 PARTITION OF e FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');")]
    public void BoundsThatDoNotOverlap_AreTaken(string sql) => Clean(sql);

    [Theory]
    [InlineData(Range + "CREATE TABLE r2 PARTITION OF r FOR VALUES FROM (10) TO (1 + 20);")]
    [InlineData("CREATE TABLE e (a int, s text) PARTITION BY RANGE (s);\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('a') TO ('m');\nCREATE TABLE e2 PARTITION OF e FOR VALUES FROM ('M') TO ('Z');")]
    [InlineData("CREATE TABLE e (a int, s text) PARTITION BY RANGE ((s || 'x'));\nCREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('a') TO ('m');\nCREATE TABLE e2 PARTITION OF e FOR VALUES FROM ('m0') TO ('z');")]
    [InlineData("CREATE TABLE e (a int, u uuid) PARTITION BY LIST (u);\nCREATE TABLE e1 PARTITION OF e FOR VALUES IN ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');\nCREATE TABLE e2 PARTITION OF e FOR VALUES IN ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11');")]
    public void BoundsTheEngineCannotCompare_AreAWarningAndTheTableIsKept(string sql)
    {
        var (catalog, diagnostics) = Run(sql);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PartitionBoundUndecided, sql.Split('\n').Length), (warning.Code, warning.Line));
        Assert.Contains(catalog.Tables.Keys, n => n.Name == "e2" || n.Name == "r2");
    }
}
