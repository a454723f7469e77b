using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// PARTITION BY after an ALTER TABLE's actions, without a comma: MariaDB applies the actions and
/// partitions the table, and the engine builds the same schema; where a key lacks a column the
/// partitioning uses, the server refuses (1503) and the engine reports ST3103 there.
/// Run against MariaDB only.
/// </summary>
public sealed class MariaDbPartitioningTests
{
    private const string Table = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int);\n";

    [MySqlTheory]
    [InlineData("a column added", Table + "ALTER TABLE t ADD COLUMN x int PARTITION BY HASH(id) PARTITIONS 2;")]
    [InlineData("a column added first, by KEY()", Table + "ALTER TABLE t ADD COLUMN x int FIRST PARTITION BY KEY() PARTITIONS 2;")]
    [InlineData("columns changed, then partitioning removed", Table + "ALTER TABLE t ADD COLUMN x int, DROP COLUMN a PARTITION BY LINEAR HASH (id) PARTITIONS 4;\nALTER TABLE t MODIFY x int NOT NULL REMOVE PARTITIONING;")]
    [InlineData("by range of a function", "CREATE TABLE p (id int NOT NULL, c datetime NOT NULL, PRIMARY KEY (id, c)) PARTITION BY RANGE (YEAR(c)) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE);")]
    public async Task The_actions_are_applied_and_the_catalog_matches_the_server(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }

    [MySqlTheory]
    [InlineData("the primary key lacks the column", Table + "ALTER TABLE t ADD COLUMN x int PARTITION BY HASH(a) PARTITIONS 2;")]
    [InlineData("a unique key added with it lacks the column", Table + "ALTER TABLE t ADD COLUMN y int, ADD UNIQUE KEY uy (y) PARTITION BY HASH(id) PARTITIONS 2;")]
    [InlineData("CREATE TABLE", "CREATE TABLE p (id int NOT NULL PRIMARY KEY, a int) PARTITION BY HASH(a) PARTITIONS 2;")]
    public async Task A_key_without_the_partitioning_column_is_refused_and_reported(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, DiagnosticCodes.PartitionRefused, 1503);
    }
}
