using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A DEFAULT or a CHECK over the AUTO_INCREMENT column: MariaDB refuses it in whatever order the
/// statements make it so (1901, "cannot be used in the DEFAULT | CHECK clause";
/// MariaDbAutoIncrementReferenceTests checks the server); MySQL 8 too, by its manual and source
/// (3768 for a DEFAULT, 3818 for a CHECK). The table stays as it was before the statement.
/// </summary>
public class AutoIncrementDefaultAndCheckTests
{
    private const string Table = "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int);\n";
    private const string PlainTable = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, x int);\n";

    [Theory]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, CHECK (id > 0));", 1, "CHECK")]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY CHECK (id > 0));", 1, "CHECK")]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int, CONSTRAINT c CHECK (x > `ID`));", 1, "CHECK")]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int DEFAULT (id + 1));", 1, "DEFAULT")]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int DEFAULT id);", 1, "DEFAULT")]
    [InlineData(Table + "ALTER TABLE t ADD CONSTRAINT c CHECK (id > 0);", 2, "CHECK")]
    [InlineData(Table + "ALTER TABLE t ADD CHECK (x > id);", 2, "CHECK")]
    [InlineData(Table + "ALTER TABLE t ADD COLUMN y int CHECK (y > id);", 2, "CHECK")]
    [InlineData(Table + "ALTER TABLE t ADD COLUMN y int DEFAULT (id);", 2, "DEFAULT")]
    [InlineData(Table + "ALTER TABLE t ALTER COLUMN x SET DEFAULT (id * 2);", 2, "DEFAULT")]
    [InlineData(Table + "ALTER TABLE t MODIFY x int DEFAULT (id);", 2, "DEFAULT")]
    [InlineData(PlainTable + "ALTER TABLE t ADD CHECK (id > 0);\nALTER TABLE t MODIFY id int NOT NULL AUTO_INCREMENT;", 3, "CHECK")]
    [InlineData(PlainTable + "ALTER TABLE t ALTER COLUMN x SET DEFAULT (id + 1);\nALTER TABLE t CHANGE id id int NOT NULL AUTO_INCREMENT;", 3, "DEFAULT")]
    [InlineData("CREATE TABLE t (id int NOT NULL PRIMARY KEY CHECK (id > 0));\nALTER TABLE t CHANGE id id int NOT NULL AUTO_INCREMENT CHECK (id > 0);", 2, "CHECK")]
    public void MariaDb_ADefaultOrCheckOverAutoIncrement_IsReportedAtTheStatement(string sql, int line, string clause)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.GeneratedColumnFunctionRefused, line), (error.Code, error.Line));
        Assert.Contains($"error 1901, Function or expression 'AUTO_INCREMENT' cannot be used in the {clause} clause of `id`", error.Message, StringComparison.Ordinal);
        if (sql.StartsWith(Table, StringComparison.Ordinal)) Assert.DoesNotContain(catalog.FindTable(My("t"))!.Columns, c => c.Name == "y" || c.Default is not null); // As before the statement.
    }

    [Theory]
    // MODIFY without the CHECK drops the column's own CHECK, as MariaDB does, before AUTO_INCREMENT would meet it.
    [InlineData("CREATE TABLE t (id int NOT NULL PRIMARY KEY CHECK (id > 0));\nALTER TABLE t MODIFY id int NOT NULL AUTO_INCREMENT;")]
    [InlineData("CREATE TABLE t (id int NOT NULL PRIMARY KEY, x int, CONSTRAINT c CHECK (x > id));\nALTER TABLE t DROP CONSTRAINT c, MODIFY id int NOT NULL AUTO_INCREMENT;")]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, w int, x int DEFAULT (w + 1), z varchar(10) DEFAULT 'id', CHECK (z <> 'id'));")]
    [InlineData(Table + "ALTER TABLE t ADD COLUMN y int DEFAULT (x + 1), ADD CHECK (y > 0);")]
    public void MariaDb_DefaultsAndChecksOverOtherColumns_Pass(string sql)
        => Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);

    [Theory]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, CHECK (id > 0));", "3818")]
    [InlineData("CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int DEFAULT (id + 1));", "3768")]
    public void MySql_ADefaultOrCheckOverAutoIncrement_IsReported(string sql, string error)
    {
        var finding = Assert.Single(Run(sql, SqlDialect.MySql).Diagnostics);
        Assert.Equal(DiagnosticCodes.GeneratedColumnFunctionRefused, finding.Code);
        Assert.Contains($"MySQL 8 error {error}", finding.Message, StringComparison.Ordinal);
    }
}
