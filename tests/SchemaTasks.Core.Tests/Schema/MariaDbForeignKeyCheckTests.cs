using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Foreign keys MariaDB refuses when it makes them (error 1005, errno 150): a missing referenced
/// column (ST3009), columns of different types (ST3070), referenced columns no index starts with
/// (ST3071), even with foreign key checks off; a missing referenced table only while they are on,
/// a warning (ST3007). Checked on MariaDB 10.11 (the Differential tests run them there).
/// </summary>
public class MariaDbForeignKeyCheckTests
{
    private const string Tables = """
        CREATE TABLE p (id int PRIMARY KEY, code varchar(10), big bigint, a int, b int, KEY (a, b), v varchar(20), KEY (v), c8 varchar(10) CHARACTER SET utf8mb4, KEY (c8));

        """;

    [Theory]
    [InlineData("CREATE TABLE c (x int REFERENCES p (nocol));", DiagnosticCodes.ColumnNotFound, "column nocol of p")]
    [InlineData("CREATE TABLE c (x bigint, FOREIGN KEY (x) REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypesIncompatible, "column x (bigint(20)) and referenced column id of p (int(11))")]
    [InlineData("CREATE TABLE c (x int unsigned, FOREIGN KEY (x) REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypesIncompatible, "are of different types")]
    [InlineData("CREATE TABLE c (x text, FOREIGN KEY (x) REFERENCES p (v));", DiagnosticCodes.ForeignKeyTypesIncompatible, "are of different types")]
    [InlineData("CREATE TABLE c (x varchar(10) CHARACTER SET latin1, FOREIGN KEY (x) REFERENCES p (c8));", DiagnosticCodes.ForeignKeyTypesIncompatible, "CHARACTER SET latin1")]
    [InlineData("CREATE TABLE c (x varchar(10), FOREIGN KEY (x) REFERENCES p (code));", DiagnosticCodes.ReferencedKeyMissing, "references (code) of p, and no index")]
    [InlineData("CREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (b));", DiagnosticCodes.ReferencedKeyMissing, "references (b) of p")]
    [InlineData("CREATE TABLE c (x int, y int, FOREIGN KEY (x, y) REFERENCES p (b, a));", DiagnosticCodes.ReferencedKeyMissing, "in this order")]
    [InlineData("CREATE TABLE c (x int);\nALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p (big);", DiagnosticCodes.ForeignKeyTypesIncompatible, "(bigint(20))")]
    [InlineData("SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x bigint REFERENCES p (id));", DiagnosticCodes.ForeignKeyTypesIncompatible, "even with foreign_key_checks = 0")]
    public void Refuses_a_foreign_key_MariaDb_cannot_make(string sql, string code, string message)
    {
        var (catalog, diagnostics) = Run(Tables + sql, SqlDialect.MariaDb);
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, DiagnosticSeverity.Error, 1 + sql.Split('\n').Length), (error.Code, error.Severity, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.FindTable(My("c"))?.Keys.Values ?? [], k => k.Kind == ConstraintKind.ForeignKey);
    }

    [Fact]
    public void A_missing_referenced_table_is_a_warning_while_the_checks_are_on()
    {
        var warning = Assert.Single(Run(Tables + "CREATE TABLE c (x int REFERENCES nope (id));", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.TableNotFound, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("foreign_key_checks", warning.Message, StringComparison.Ordinal);
        Assert.Empty(Run(Tables + "SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x int REFERENCES nope (id));", SqlDialect.MariaDb).Diagnostics);
        Assert.Empty(Run(Tables + "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\nCREATE TABLE c (x int REFERENCES nope (id));", SqlDialect.MariaDb).Diagnostics);
    }

    [Theory]
    [InlineData("CREATE TABLE c (x int(5), FOREIGN KEY (x) REFERENCES p (id));")]
    [InlineData("CREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (a));")]
    [InlineData("CREATE TABLE c (x int, y int, FOREIGN KEY (x, y) REFERENCES p (a, b));")]
    [InlineData("CREATE TABLE c (x varchar(5), y char(20), FOREIGN KEY (x) REFERENCES p (v), FOREIGN KEY (y) REFERENCES p (v));")]
    [InlineData("CREATE TABLE c (id int PRIMARY KEY, x int, FOREIGN KEY (x) REFERENCES c (id));")]
    [InlineData("CREATE TABLE u (id int PRIMARY KEY, n varchar(20) NOT NULL, UNIQUE (n(20)));\nCREATE TABLE c (x varchar(20), FOREIGN KEY (x) REFERENCES u (n));")]
    [InlineData("CREATE TABLE t (id int PRIMARY KEY);\nCREATE TABLE a (x int REFERENCES t (id));\nSET FOREIGN_KEY_CHECKS = 0;\nDROP TABLE t;\nSET FOREIGN_KEY_CHECKS = 1;\nALTER TABLE a RENAME TO a2;")]
    [InlineData("CREATE TABLE a (x int REFERENCES p (id));\nALTER TABLE a RENAME TO a2, ADD y int;")]
    public void Accepts_a_foreign_key_MariaDb_makes(string sql)
    {
        Assert.Empty(Run(Tables + sql, SqlDialect.MariaDb).Diagnostics);
    }
}
