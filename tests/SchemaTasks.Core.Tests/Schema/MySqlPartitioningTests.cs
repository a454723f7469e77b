using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL's PARTITION BY, at the end of CREATE TABLE or of an ALTER TABLE (alone or after its
/// actions, without a comma), changes no tracked object: the ALTER's actions are applied. The
/// server refuses it when a primary or unique key lacks a column the partitioning uses (1503;
/// MariaDbPartitioningTests checks the server).
/// </summary>
public class MySqlPartitioningTests
{
    private const string Table = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int);\n";

    [Theory]
    [InlineData("ALTER TABLE t ADD COLUMN x int PARTITION BY HASH(id) PARTITIONS 2;", "id,a,x")]
    [InlineData("ALTER TABLE t ADD COLUMN x int FIRST PARTITION BY KEY() PARTITIONS 2;", "x,id,a")]
    [InlineData("ALTER TABLE t ADD COLUMN x int, DROP COLUMN a PARTITION BY LINEAR HASH (id) PARTITIONS 4;", "id,x")]
    [InlineData("ALTER TABLE t ADD COLUMN x int, ADD KEY kx (x) PARTITION BY HASH(id);", "id,a,x")]
    [InlineData("ALTER TABLE t MODIFY a int NOT NULL REMOVE PARTITIONING;", "id,a")]
    [InlineData("ALTER TABLE t PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE);", "id,a")]
    public void AlterWithPartitioning_AppliesItsActions(string alter, string columns)
    {
        var catalog = Clean(Table + alter, SqlDialect.MariaDb);
        Assert.Equal(columns, string.Join(",", catalog.FindTable(My("t"))!.Columns.Select(c => c.Name)));
    }

    [Theory]
    [InlineData(Table + "ALTER TABLE t ADD COLUMN x int PARTITION BY HASH(a) PARTITIONS 2;", 2, "primary key")]
    [InlineData(Table + "ALTER TABLE t ADD COLUMN y int, ADD UNIQUE KEY uy (y) PARTITION BY HASH(id) PARTITIONS 2;", 2, "unique key uy")]
    [InlineData(Table + "ALTER TABLE t PARTITION BY RANGE COLUMNS (a) (PARTITION p0 VALUES LESS THAN (10));", 2, "primary key")]
    [InlineData("CREATE TABLE p (id int NOT NULL PRIMARY KEY, a int) PARTITION BY HASH(a) PARTITIONS 2;", 1, "primary key")]
    [InlineData("CREATE TABLE p (id int NOT NULL, c datetime NOT NULL, PRIMARY KEY (id)) PARTITION BY RANGE (YEAR(c)) (PARTITION p0 VALUES LESS THAN MAXVALUE);", 1, "primary key")]
    [InlineData("CREATE TABLE p (id int NOT NULL PRIMARY KEY, a int) PARTITION BY HASH(id) SUBPARTITION BY HASH(a) SUBPARTITIONS 2;", 1, "primary key")]
    public void PartitioningAKeyLacks_IsRefusedAsTheServerRefusesIt(string sql, int line, string key)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.PartitionRefused, line), (error.Code, error.Line));
        Assert.Contains("error 1503", error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        if (line == 2) Assert.Equal(["id", "a"], catalog.FindTable(My("t"))!.Columns.Select(c => c.Name)); // As before the statement.
    }

    [Theory]
    [InlineData("CREATE TABLE p (id int NOT NULL, c datetime NOT NULL, PRIMARY KEY (id, c)) PARTITION BY RANGE (YEAR(c)) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE);")]
    [InlineData("CREATE TABLE p (id int NOT NULL, a int) PARTITION BY HASH(a) PARTITIONS 2;")]
    [InlineData("CREATE TABLE p (id int NOT NULL PRIMARY KEY, a int) PARTITION BY KEY() PARTITIONS 2;")]
    public void PartitioningEveryKeyHolds_Passes(string sql)
        => Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);
}
