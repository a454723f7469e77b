using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A primary key column stays NOT NULL through MODIFY and CHANGE on both servers; an explicit
/// NULL on one is refused by MySQL 8 (error 1171) and silently made NOT NULL by MariaDB 10.11.
/// </summary>
public class MySqlPrimaryKeyNullabilityTests
{
    private static CatalogColumn Column(string sql, SqlDialect dialect, string column)
        => Clean(sql, dialect).FindTable(My("a"))!.FindColumn(column, dialect)!;

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void ModifyWithoutNotNull_KeepsThePrimaryKeyColumnNotNull(SqlDialect dialect)
    {
        const string Sql = """
            CREATE TABLE a (k varchar(10) NOT NULL, PRIMARY KEY (k));
            ALTER TABLE a MODIFY k varchar(20) COLLATE utf8mb4_bin;
            """;
        Assert.False(Column(Sql, dialect, "k").IsNullable);
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.MariaDb)]
    public void ChangeToANewName_KeepsTheRenamedKeyColumnNotNull(SqlDialect dialect)
    {
        const string Sql = """
            CREATE TABLE a (k int PRIMARY KEY, v int);
            ALTER TABLE a CHANGE k k2 bigint;
            ALTER TABLE a MODIFY v bigint;
            """;
        var table = Clean(Sql, dialect).FindTable(My("a"))!;
        Assert.False(table.FindColumn("k2", dialect)!.IsNullable);
        Assert.True(table.FindColumn("v", dialect)!.IsNullable);
    }

    [Theory]
    [InlineData("CREATE TABLE a (k int NULL PRIMARY KEY);")]
    [InlineData("CREATE TABLE a (k int NULL, PRIMARY KEY (k));")]
    [InlineData("CREATE TABLE a (x int);\nALTER TABLE a ADD COLUMN k int NULL PRIMARY KEY;")]
    [InlineData("CREATE TABLE a (k int NOT NULL PRIMARY KEY);\nALTER TABLE a MODIFY k bigint NULL;")]
    [InlineData("CREATE TABLE a (k int NOT NULL PRIMARY KEY);\nALTER TABLE a CHANGE k k2 bigint NULL;")]
    public void ExplicitNullOnAKeyColumn_MySqlRefuses_MariaDbMakesItNotNull(string sql)
    {
        var (_, diagnostics) = Run(sql, SqlDialect.MySql);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.MySqlNullPrimaryKeyColumn, refusal.Code);
        Assert.Contains("1171", refusal.Message, StringComparison.Ordinal);

        var table = Clean(sql, SqlDialect.MariaDb).FindTable(My("a"))!;
        Assert.All(table.Columns.Where(c => c.Name != "x"), c => Assert.False(c.IsNullable));
    }

    [Fact]
    public void ExplicitNullOnAColumnOutsideTheKey_IsAccepted()
    {
        const string Sql = """
            CREATE TABLE a (k int NOT NULL, v int NULL, PRIMARY KEY (k));
            ALTER TABLE a MODIFY v bigint NULL;
            ALTER TABLE a DROP PRIMARY KEY;
            ALTER TABLE a MODIFY k bigint NULL;
            """;
        Assert.True(Column(Sql, SqlDialect.MySql, "k").IsNullable);
        Assert.True(Column(Sql, SqlDialect.MySql, "v").IsNullable);
    }
}
