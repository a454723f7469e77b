using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// The keys a MySQL or MariaDB column definition makes: SERIAL and SERIAL DEFAULT VALUE imply a
/// unique key named after the column, MariaDB folds a column's key attributes into one key, and
/// an unnamed key whose name is taken gets <c>_2</c>, <c>_3</c>... (MariaDB 10.11 checked by the
/// differential test; MySQL 8 by its manual).
/// </summary>
public class MySqlColumnKeyTests
{
    private static CatalogTable Table(string sql, SqlDialect dialect, string name = "t") => Clean(sql, dialect).FindTable(My(name))!;

    [Theory]
    [InlineData(SqlDialect.MySql, "bigint unsigned")]
    [InlineData(SqlDialect.MariaDb, "bigint(20) unsigned")]
    public void Serial_IsBigintUnsignedNotNullWithAUniqueKeyNamedAfterTheColumn(SqlDialect dialect, string type)
    {
        var table = Table("CREATE TABLE t (g SERIAL, v int);", dialect);
        var g = table.FindColumn("g", dialect)!;
        Assert.Equal((type, false), (g.Type, g.IsNullable));
        Assert.Equal(["g"], table.OtherConstraints.ToArray());
        Assert.Equal(["g"], table.Keys["g"].Columns.ToArray());
    }

    [Theory]
    [InlineData(SqlDialect.MySql, "int")]
    [InlineData(SqlDialect.MariaDb, "int(11)")]
    public void SerialDefaultValue_IsNotNullAndUnique(SqlDialect dialect, string type)
    {
        var table = Table("CREATE TABLE t (v int);\nALTER TABLE t ADD COLUMN id int SERIAL DEFAULT VALUE;", dialect);
        var id = table.FindColumn("id", dialect)!;
        Assert.Equal((type, false, (string?)null), (id.Type, id.IsNullable, id.Default));
        Assert.Equal(["id"], table.OtherConstraints.ToArray());
    }

    [Fact]
    public void MariaDb_FoldsAColumnsKeyAttributes_AndNumbersTableLevelDuplicates()
    {
        const string Sql = """
            CREATE TABLE a (k int PRIMARY KEY UNIQUE);
            CREATE TABLE b (k int UNIQUE UNIQUE);
            CREATE TABLE c (k int UNIQUE, UNIQUE (k), UNIQUE KEY (k));
            CREATE TABLE d (id SERIAL PRIMARY KEY);
            CREATE TABLE e (id SERIAL UNIQUE, k int CHECK (k > 0));
            ALTER TABLE e ADD UNIQUE (k);
            """;
        var catalog = Clean(Sql, SqlDialect.MariaDb);
        string[] Keys(string table) => catalog.FindTable(My(table))!.OtherConstraints.ToArray();
        Assert.Equal(["PRIMARY"], Keys("a"));
        Assert.Equal(["k"], Keys("b"));
        Assert.Equal(["k", "k_2", "k_3"], Keys("c"));
        Assert.Equal(["PRIMARY"], Keys("d"));
        Assert.Equal(["id", "k"], Keys("e"));
    }

    [Fact]
    public void MySql_KeepsEveryKeyWritten_NumberingDuplicateNames()
    {
        const string Sql = """
            CREATE TABLE c (k int UNIQUE, UNIQUE (k));
            CREATE TABLE d (id SERIAL PRIMARY KEY);
            CREATE TABLE p (`primary` int UNIQUE);
            """;
        var catalog = Clean(Sql, SqlDialect.MySql);
        string[] Keys(string table) => catalog.FindTable(My(table))!.OtherConstraints.ToArray();
        Assert.Equal(["k", "k_2"], Keys("c"));
        Assert.Equal(["id", "PRIMARY"], Keys("d"));
        Assert.Equal(["primary_2"], Keys("p"));
    }
}
