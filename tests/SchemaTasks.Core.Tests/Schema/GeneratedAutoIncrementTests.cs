using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A generated column over the AUTO_INCREMENT column: MariaDB refuses it STORED or under a key,
/// in whatever order the statements make it so (1901; MariaDbGeneratedAutoIncrementTests checks
/// the server); MySQL 8's manual refuses it in any generated column (3109).
/// </summary>
public class GeneratedAutoIncrementTests
{
    [Theory]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, s int AS (id + 1) STORED);", 1)]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, s int AS (id + 1) PERSISTENT);", 1)]
    [InlineData("CREATE TABLE t (s int AS (id + 1) STORED, id int NOT NULL AUTO_INCREMENT PRIMARY KEY);", 1)]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id + 1) VIRTUAL, KEY (v));", 1)]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int);\nALTER TABLE t ADD COLUMN s int GENERATED ALWAYS AS (id + 1) STORED;", 2)]
    [InlineData("CREATE TABLE t (id int NOT NULL PRIMARY KEY, s int AS (id + 1) STORED);\nALTER TABLE t MODIFY id int NOT NULL AUTO_INCREMENT;", 2)]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id + 1) VIRTUAL);\nALTER TABLE t ADD INDEX (v);", 2)]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id + 1) VIRTUAL);\nCREATE INDEX i ON t (v);", 2)]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int, s int AS (x + 1) STORED);\nALTER TABLE t MODIFY s int AS (id + 1) STORED;", 2)]
    public void MariaDb_AStoredOrIndexedColumnOverAutoIncrement_IsReportedAtTheStatement(string sql, int line)
    {
        var (_, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.GeneratedColumnFunctionRefused, line), (error.Code, error.Line));
        Assert.Contains("AUTO_INCREMENT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id * 2) VIRTUAL);")]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int, s int AS (x + 1) STORED, KEY (s));")]
    [InlineData("CREATE TABLE t (id int NOT NULL PRIMARY KEY, s int AS (id + 1) STORED);")]
    public void MariaDb_AVirtualColumnOutsideEveryKey_OrNoAutoIncrement_Passes(string sql)
        => Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void MySql_AnyGeneratedColumnOverAutoIncrement_IsReported()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int AS (id * 2) VIRTUAL);", SqlDialect.MySql);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.GeneratedColumnFunctionRefused, error.Code);
        Assert.Contains("3109", error.Message, StringComparison.Ordinal);
    }
}
