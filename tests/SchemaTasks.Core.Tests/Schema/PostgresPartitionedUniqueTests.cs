using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Unique keys and indexes on partitioned tables, which must hold the partition key's columns
/// (PartitionedUniqueKeys), in the engine alone. The server's side of each is in the Npgsql
/// project's differential tests (PostgresPartitionTests).
/// </summary>
public sealed class PostgresPartitionedUniqueTests
{
    private const string Z = "CREATE TABLE z (a int, b int, c text) PARTITION BY RANGE (a);\n";
    private const string Nested = Z + "CREATE TABLE z1 PARTITION OF z FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);\n";

    [Theory]
    [InlineData("CREATE TABLE u (a int, b int, PRIMARY KEY (b)) PARTITION BY RANGE (a);")]
    [InlineData("CREATE TABLE u (a int, b int UNIQUE) PARTITION BY RANGE (a);")]
    [InlineData("CREATE TABLE u (a int, b int, UNIQUE (a, b)) PARTITION BY RANGE (a, (b + 1));")]
    [InlineData("CREATE TABLE u (a int, b int, EXCLUDE (a WITH =)) PARTITION BY RANGE (a);")]
    [InlineData(Z + "ALTER TABLE z ADD PRIMARY KEY (b);")]
    [InlineData(Z + "ALTER TABLE z ADD COLUMN d int UNIQUE;")]
    [InlineData(Z + "ALTER TABLE z ADD CONSTRAINT zx EXCLUDE (a WITH =);")]
    [InlineData(Z + "CREATE UNIQUE INDEX zi ON z (b);")]
    [InlineData(Z + "CREATE UNIQUE INDEX ON z (b) WHERE b > 0;")]
    [InlineData(Z + "CREATE UNIQUE INDEX ON ONLY z ((a + 0));")]
    [InlineData(Nested + "ALTER TABLE z ADD UNIQUE (a);")]
    [InlineData(Nested + "CREATE UNIQUE INDEX ON z (a DESC);")]
    [InlineData("CREATE TABLE w (a int, b int, c int, PRIMARY KEY (a, b)) PARTITION BY RANGE (a);\nCREATE TABLE w1 PARTITION OF w FOR VALUES FROM (0) TO (10) PARTITION BY LIST (c);")]
    [InlineData(Z + "CREATE UNIQUE INDEX zi ON z (a);\nALTER TABLE z ADD CONSTRAINT zk UNIQUE USING INDEX zi;")]
    [InlineData("CREATE TABLE t (a text, UNIQUE (a)) PARTITION BY LIST (a);\nALTER TABLE t RENAME COLUMN a TO b;\nCREATE UNIQUE INDEX ON t (lower(b));")]
    public void AUniqueKeyWithoutThePartitionKey_IsOneErrorOnItsLastLine(string sql)
    {
        var (_, diagnostics) = Run(sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PartitionRefused, sql.Split('\n').Length), (error.Code, error.Line));
    }

    [Theory]
    [InlineData("CREATE TABLE u (a int, b int, PRIMARY KEY (a, b)) PARTITION BY RANGE (a);")]
    [InlineData("CREATE TABLE u (a int, b int, UNIQUE (b, a)) PARTITION BY RANGE (a, b);")]
    [InlineData(Z + "CREATE UNIQUE INDEX zi ON z (a, b);\nCREATE UNIQUE INDEX ON z (a DESC) INCLUDE (b);\nALTER TABLE z ADD UNIQUE (a, c);")]
    [InlineData(Nested + "CREATE UNIQUE INDEX ON ONLY z (a);\nALTER TABLE z ADD PRIMARY KEY (a, b);")]
    [InlineData(Z + "CREATE TABLE plain (a int, b int UNIQUE);\nCREATE UNIQUE INDEX pi ON plain (b);")]
    [InlineData("CREATE TABLE t (a text, UNIQUE (a)) PARTITION BY LIST (a);\nALTER TABLE t RENAME COLUMN a TO b;\nCREATE UNIQUE INDEX ON t (b);")]
    public void AUniqueKeyWithThePartitionKey_IsTaken(string sql) => Clean(sql);

    [Theory]
    [InlineData("CREATE TABLE u (a text, UNIQUE (a)) PARTITION BY LIST (a COLLATE \"C\");")]
    [InlineData("CREATE TABLE u (a text) PARTITION BY LIST (a);\nCREATE UNIQUE INDEX ON u (a text_pattern_ops);")]
    public void AQualifiedColumn_IsAWarning(string sql)
    {
        var (catalog, diagnostics) = Run(sql);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PartitionedUniqueUndecided, sql.Split('\n').Length), (warning.Code, warning.Line));
        Assert.Contains(catalog.Tables.Keys, n => n.Name == "u");
    }
}
