using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>MySQL table names qualified with a database are refused: the engine cannot know the database the migrations run in.</summary>
public class MySqlDatabaseQualifiedNameTests
{
    [Theory]
    [InlineData("CREATE TABLE `appdb`.`t` (a int);")]
    [InlineData("ALTER TABLE appdb.t ADD COLUMN b int;")]
    [InlineData("DROP TABLE IF EXISTS t0, appdb.t;")]
    [InlineData("RENAME TABLE t0 TO appdb.t;")]
    [InlineData("CREATE UNIQUE INDEX uk ON appdb.t (a);")]
    public void DatabaseQualifiedTableName_IsAnErrorNamingTheWayOut(string sql)
    {
        var (_, diagnostics) = Run("CREATE TABLE t0 (a int);\n" + sql, SqlDialect.MySql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DatabaseQualifiedName, 2), (error.Code, error.Line));
        Assert.Contains("Write the name without the database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForeignKeyToQualifiedTable_IsAccepted()
    {
        var catalog = Clean("CREATE TABLE c (pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES other.p (id));", SqlDialect.MySql);
        Assert.Contains("fk", catalog.FindTable(My("c"))!.OtherConstraints);
    }
}
