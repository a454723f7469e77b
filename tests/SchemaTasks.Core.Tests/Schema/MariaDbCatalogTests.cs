using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Where MariaDB 10.11 and MySQL 8 part ways (docs/dialects.md), each rule under both dialects:
/// the MariaDB side as the real server behaves (the differential test checks it against one),
/// the MySQL 8 side as its manual says.
/// </summary>
public class MariaDbCatalogTests
{
    private static CatalogTable Table(string sql, SqlDialect dialect, string name = "t")
        => Clean(sql, dialect).FindTable(My(name))!;

    private static string[] CheckNames(CatalogTable table) => table.Checks.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void DialectNames_ReadMariaDbAndMySqlApart_AndOldSnapshotsStayMySql()
    {
        Assert.True(SqlDialectNames.TryParse("MariaDB", out var mariaDb));
        Assert.True(SqlDialectNames.TryParse("mysql", out var mySql));
        Assert.Equal((SqlDialect.MariaDb, SqlDialect.MySql), (mariaDb, mySql));
        Assert.Equal(("mariadb", "mysql"), (SqlDialect.MariaDb.ToName(), SqlDialect.MySql.ToName()));
        Assert.True(SqlDialect.MariaDb.IsMySqlFamily() && SqlDialect.MySql.IsMySqlFamily() && !SqlDialect.Postgres.IsMySqlFamily());
    }

    [Fact]
    public void ColumnCheck_MariaDbNamesItAfterTheColumn_MySqlNumbersIt()
    {
        const string Sql = "CREATE TABLE t (status varchar(20) CHECK (status IN ('a','b')), n int CHECK (n > 0));";
        var maria = Table(Sql, SqlDialect.MariaDb);
        Assert.Equal(["n", "status"], CheckNames(maria));
        Assert.All(maria.Checks, c => Assert.Equal(c.Name, c.OwnerColumn));
        var my = Table(Sql, SqlDialect.MySql);
        Assert.Equal(["t_chk_1", "t_chk_2"], CheckNames(my));
        Assert.All(my.Checks, c => Assert.Null(c.OwnerColumn));
    }

    [Fact]
    public void UnnamedTableCheck_MariaDbNamesItConstraintN_FirstFreeNumber()
    {
        const string Sql = """
            CREATE TABLE t (d int, e int, CHECK (d > 0), CONSTRAINT foo CHECK (d < 100), CHECK (e > 0), CHECK (d + e > 0));
            ALTER TABLE t DROP CONSTRAINT CONSTRAINT_2;
            ALTER TABLE t ADD CHECK (e < 1000), ADD CHECK (e < 1001);
            """;
        Assert.Equal(["CONSTRAINT_1", "CONSTRAINT_2", "CONSTRAINT_3", "CONSTRAINT_4", "foo"], CheckNames(Table(Sql, SqlDialect.MariaDb)));
        var (_, diagnostics) = Run(Sql, SqlDialect.MySql);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.ConstraintNotFound); // MySQL 8 has t_chk_2, not CONSTRAINT_2.
    }

    [Fact]
    public void ModifyColumn_MariaDbDropsTheColumnsOwnCheck_SoTheNewEnumStandsAlone()
    {
        const string Sql = """
            CREATE TABLE jobs (kind varchar(20) CHECK (kind IN ('cleanup','failover')));
            ALTER TABLE jobs MODIFY kind ENUM('cleanup','failover','bulk') NOT NULL;
            """;
        var catalog = Clean(Sql, SqlDialect.MariaDb);
        Assert.Empty(catalog.FindTable(My("jobs"))!.Checks);
        Assert.Equal(["cleanup", "failover", "bulk"], catalog.GetAllowedValues(My("jobs"), "kind")!.Values.ToArray());

        // MySQL 8 keeps the CHECK (a table constraint there): the allowed values are the intersection.
        var mySql = Clean(Sql, SqlDialect.MySql);
        Assert.Equal(["cleanup", "failover"], mySql.GetAllowedValues(My("jobs"), "kind")!.Values.ToArray());
    }

    [Fact]
    public void ChangeColumn_MariaDbDropsTheOldCheckAndNamesANewOneAfterTheNewColumn()
    {
        var table = Table("""
            CREATE TABLE t (a varchar(10) CHECK (a IN ('x','y')), b int);
            ALTER TABLE t CHANGE a aa varchar(10) CHECK (aa IN ('z'));
            """, SqlDialect.MariaDb);
        var check = Assert.Single(table.Checks);
        Assert.Equal(("aa", "aa", "aa"), (check.Name, check.Column, check.OwnerColumn));
        Assert.Equal(["z"], check.Values.ToArray());
    }

    [Fact]
    public void ChangeColumnRename_MySqlRefusesWhileACheckUsesIt_WithServerError3959()
    {
        var (_, diagnostics) = Run("""
            CREATE TABLE t (a varchar(10) CHECK (a IN ('x','y')));
            ALTER TABLE t CHANGE a aa varchar(10);
            """, SqlDialect.MySql);
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.MySqlCheckUsesColumn);
        Assert.Equal((DiagnosticSeverity.Error, 2), (error.Severity, error.Line));
        Assert.Contains("error 3959", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check constraint 't_chk_1' uses column 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModifyColumnKeepingItsName_MySqlAccepts()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (n int CHECK (n > 0));\nALTER TABLE t MODIFY n bigint;", SqlDialect.MySql);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void RenameColumn_MariaDbKeepsTheChecksNameAndFollowsTheColumn_MySqlRefuses()
    {
        const string Sql = """
            CREATE TABLE t (a varchar(10) CHECK (a IN ('x','y')));
            ALTER TABLE t RENAME COLUMN a TO aa;
            ALTER TABLE t MODIFY aa varchar(20);
            """;
        Assert.Empty(Table(Sql, SqlDialect.MariaDb).Checks); // Renamed, still the column's own: MODIFY dropped it.
        var renamed = Assert.Single(Table("CREATE TABLE t (a varchar(10) CHECK (a IN ('x','y')));\nALTER TABLE t RENAME COLUMN a TO aa;", SqlDialect.MariaDb).Checks);
        Assert.Equal(("a", "aa", "aa"), (renamed.Name, renamed.Column, renamed.OwnerColumn));

        var (_, diagnostics) = Run(Sql, SqlDialect.MySql);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MySqlCheckUsesColumn && d.Line == 2);
    }

    [Fact]
    public void DropColumn_ChecksOfThatColumnAloneGo_BothServers()
    {
        const string Sql = "CREATE TABLE t (a int CHECK (a > 0), b int, CHECK (b > 0), CHECK (b < 9));\nALTER TABLE t DROP COLUMN b;\nALTER TABLE t ADD COLUMN c int;\nALTER TABLE t DROP COLUMN a;";
        Assert.Empty(Table(Sql, SqlDialect.MariaDb).Checks);
        Assert.Empty(Table(Sql, SqlDialect.MySql).Checks);
    }

    [Fact]
    public void DropColumn_ACheckSharedWithAnotherColumn_BothServersRefuse()
    {
        const string Sql = "CREATE TABLE t (d int, e int, CHECK (d + e > 0));\nALTER TABLE t DROP COLUMN e;";
        var (maria, mariaDiagnostics) = Run(Sql, SqlDialect.MariaDb);
        Assert.Contains(mariaDiagnostics, d => d.Code == DiagnosticCodes.MariaDbCheckUsesColumn && d.Message.Contains("error 1054", StringComparison.Ordinal));
        Assert.Equal(2, maria.FindTable(My("t"))!.Columns.Length); // The server refused the statement: the column stays.
        var (_, mySqlDiagnostics) = Run(Sql, SqlDialect.MySql);
        Assert.Contains(mySqlDiagnostics, d => d.Code == DiagnosticCodes.MySqlCheckUsesColumn && d.Message.Contains("error 3959", StringComparison.Ordinal));
    }

    [Fact]
    public void DropColumn_MariaDbColumnCheckGoesWithItsOwner_EvenWhenItMentionsAnotherColumn()
    {
        var table = Table("CREATE TABLE t (a int, b int CHECK (b > a));\nALTER TABLE t DROP COLUMN b;", SqlDialect.MariaDb);
        Assert.Empty(table.Checks);
        var (_, diagnostics) = Run("CREATE TABLE t (a int, b int CHECK (b > a));\nALTER TABLE t DROP COLUMN a;", SqlDialect.MariaDb);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MariaDbCheckUsesColumn);
    }

    [Fact]
    public void JsonColumn_MariaDbStoresLongtextWithAJsonValidCheck_MySqlKeepsJson()
    {
        var maria = Table("CREATE TABLE t (doc json, other JSON NOT NULL CHECK (other <> ''));", SqlDialect.MariaDb);
        Assert.Equal(["longtext", "longtext"], maria.Columns.Select(c => c.Type));
        Assert.Equal(["doc", "other"], CheckNames(maria)); // A CHECK of the column's own replaces json_valid.
        Assert.Equal("json_valid(doc)", maria.Checks.Single(c => c.Name == "doc").Expression);
        Assert.Equal("other <> ''", maria.Checks.Single(c => c.Name == "other").Expression);

        var my = Table("CREATE TABLE t (doc json);", SqlDialect.MySql);
        Assert.Equal(("json", 0), (my.Columns[0].Type, my.Checks.Length));
    }

    [Fact]
    public void JsonColumn_MariaDbModifyToText_DropsJsonValid()
    {
        var table = Table("CREATE TABLE t (doc json);\nALTER TABLE t MODIFY doc text;", SqlDialect.MariaDb);
        Assert.Equal(("text", 0), (table.Columns[0].Type, table.Checks.Length));
    }

    [Theory]
    [InlineData("int", "int(11)", "int")]
    [InlineData("INTEGER UNSIGNED", "int(10) unsigned", "int unsigned")]
    [InlineData("int(5)", "int(5)", "int")]
    [InlineData("tinyint", "tinyint(4)", "tinyint")]
    [InlineData("tinyint unsigned", "tinyint(3) unsigned", "tinyint unsigned")]
    [InlineData("smallint", "smallint(6)", "smallint")]
    [InlineData("mediumint unsigned", "mediumint(8) unsigned", "mediumint unsigned")]
    [InlineData("bigint", "bigint(20)", "bigint")]
    [InlineData("bigint unsigned", "bigint(20) unsigned", "bigint unsigned")]
    [InlineData("int zerofill", "int(10) unsigned zerofill", "int unsigned zerofill")]
    [InlineData("boolean", "tinyint(1)", "tinyint(1)")]
    [InlineData("year", "year(4)", "year")]
    [InlineData("bit", "bit(1)", "bit(1)")]
    [InlineData("BIT(5)", "bit(5)", "bit(5)")]
    [InlineData("int(0)", "int(11)", "int")]
    [InlineData("bigint(0)", "bigint(20)", "bigint")]
    [InlineData("bigint(0) unsigned", "bigint(20) unsigned", "bigint unsigned")]
    [InlineData("tinyint(0)", "tinyint(4)", "tinyint")]
    [InlineData("smallint(0)", "smallint(6)", "smallint")]
    [InlineData("mediumint(00) unsigned", "mediumint(8) unsigned", "mediumint unsigned")]
    [InlineData("int(0) zerofill", "int(10) unsigned zerofill", "int unsigned zerofill")]
    [InlineData("int(011)", "int(11)", "int")]
    public void IntegerDisplayWidth_MariaDbShowsIt_MySqlDoesNot(string written, string mariaDb, string mySql)
    {
        Assert.Equal(mariaDb, Table($"CREATE TABLE t (c {written});", SqlDialect.MariaDb).Columns[0].Type);
        Assert.Equal(mySql, Table($"CREATE TABLE t (c {written});", SqlDialect.MySql).Columns[0].Type);
    }

    [Theory]
    [InlineData("bit(0)")]
    [InlineData("bit(01)")]
    public void BitWidth_MariaDbShowsWidthZeroAsOne(string written)
        => Assert.Equal("bit(1)", Table($"CREATE TABLE t (c {written});", SqlDialect.MariaDb).Columns[0].Type);

    [Fact]
    public void NamedColumnCheck_MariaDbRefusesTheSyntax_MySqlTakesTheName()
    {
        const string Sql = "CREATE TABLE t (b int CONSTRAINT b_positive CHECK (b > 0));";
        var (_, diagnostics) = Run(Sql, SqlDialect.MariaDb);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MariaDbNamedColumnCheck && d.Message.Contains("error 1064", StringComparison.Ordinal));
        Assert.Equal(["b_positive"], CheckNames(Table(Sql, SqlDialect.MySql)));
    }

    [Fact]
    public void Snapshot_RoundTripsTheDialectAndTheCheckOwner()
    {
        var catalog = Clean("CREATE TABLE t (a varchar(5) CHECK (a IN ('x')), j json);", SqlDialect.MariaDb);
        var snapshot = new SchemaSnapshot(SqlDialect.MariaDb, [], catalog);
        var json = SnapshotJson.Write(snapshot);
        Assert.Contains("\"dialect\": \"mariadb\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ownerColumn\": \"a\"", json, StringComparison.Ordinal);
        var read = SnapshotJson.Read(json);
        Assert.Equal(SqlDialect.MariaDb, read.Dialect);
        Assert.Equal(json, SnapshotJson.Write(read));
    }

    [Fact]
    public void RestoringAColumnType_MariaDbRestatesTheColumnsOwnCheck_ForModifyDropsIt()
    {
        var catalog = Clean("CREATE TABLE t (kind varchar(20) CHECK (kind IN ('a','b')));", SqlDialect.MariaDb);
        var table = catalog.FindTable(My("t"))!;
        var sql = SchemaTasks.Scaffolding.SchemaChangeSql.RestoreColumnType(catalog, table.Name, table.Columns[0], table.Checks[0]);
        Assert.Equal("ALTER TABLE t MODIFY COLUMN kind varchar(20) DEFAULT NULL CHECK (kind IN ('a', 'b'));", sql);

        var mySql = Clean("CREATE TABLE t (kind varchar(20) CHECK (kind IN ('a','b')));", SqlDialect.MySql);
        var myTable = mySql.FindTable(My("t"))!;
        Assert.Equal("ALTER TABLE t MODIFY COLUMN kind varchar(20) DEFAULT NULL;", SchemaTasks.Scaffolding.SchemaChangeSql.RestoreColumnType(mySql, myTable.Name, myTable.Columns[0], myTable.Checks[0]));
    }

    [Fact]
    public void DropConstraintOfAColumnsCheck_IsRefused_AndWithIfExistsKeepsIt()
    {
        const string Table = "CREATE TABLE t (id int PRIMARY KEY, a int CHECK (a > 0), b int, CHECK (b > 0));\n";

        var (refused, diagnostics) = Run(Table + "ALTER TABLE t DROP CONSTRAINT a;", SqlDialect.MariaDb);
        var kept = Clean(Table + "ALTER TABLE t DROP CONSTRAINT IF EXISTS a;\nALTER TABLE t DROP CONSTRAINT CONSTRAINT_1;", SqlDialect.MariaDb);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ConstraintNotFound, DiagnosticSeverity.Error, 2), (error.Code, error.Severity, error.Line));
        Assert.Contains("definition of column a", error.Message, StringComparison.Ordinal);
        Assert.Equal(["CONSTRAINT_1", "a"], refused.Tables[My("t")].Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["a"], kept.Tables[My("t")].Checks.Select(c => c.Name));
    }
}
