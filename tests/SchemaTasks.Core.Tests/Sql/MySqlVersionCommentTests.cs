using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// MySQL executable comments run only where their version gate lets them: MariaDB skips
/// <c>/*!50700</c> to <c>/*!99999</c> (MySQL 5.7 to 9.x), MySQL reads <c>/*M!</c> as a comment,
/// and a gate inside the releases a dialect stands for is reported (checked on MariaDB 10.11.19).
/// The migrator's split keeps every comment whole and lets the server decide.
/// </summary>
public sealed class MySqlVersionCommentTests
{
    private static (string[] Tables, IReadOnlyList<SchemaDiagnostic> Diagnostics) Apply(string sql, SqlDialect dialect)
    {
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(dialect), sql, "m.sql");
        return (catalog.Tables.Keys.Select(k => k.Name).Order(StringComparer.Ordinal).ToArray(), diagnostics);
    }

    [Theory]
    [InlineData("/*!40101 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "v")]
    [InlineData("/*!50699 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "v")]
    [InlineData("/*!50700 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "")]
    [InlineData("/*!80000 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "")]
    [InlineData("/*!99999 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "")]
    [InlineData("/*!100500 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "v")]
    [InlineData("/*M!80000 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "v")]
    [InlineData("/*M!100100 CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "v")]
    [InlineData("/*!CREATE TABLE v (a int) */;", SqlDialect.MariaDb, "v")]
    [InlineData("/*!80000 CREATE TABLE v (a int) */;", SqlDialect.MySql, "v")]
    [InlineData("/*!50700 CREATE TABLE v (a int) */;", SqlDialect.MySql, "v")]
    [InlineData("/*M!100100 CREATE TABLE v (a int) */;", SqlDialect.MySql, "")]
    [InlineData("/*M!50000 CREATE TABLE v (a int) */;", SqlDialect.MySql, "")]
    public void TheGate_DecidesWhetherTheCommentRuns(string sql, SqlDialect dialect, string tables)
    {
        var (built, diagnostics) = Apply(sql, dialect);

        Assert.Empty(diagnostics);
        Assert.Equal(tables, string.Join(",", built));
    }

    [Fact]
    public void MariaDb_SkipsAMySql8ColumnAndStatement_ThatMySql8Runs()
    {
        const string Sql = "CREATE TABLE u (id int PRIMARY KEY, v int /*!80000 CHECK (v > 0) */);\n/*!80000 ALTER TABLE u ADD COLUMN w int */;\n/*!50700 ALTER TABLE u DROP COLUMN v */;";

        var (maria, _) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), Sql, "m.sql");
        var (mysql, _) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MySql), Sql, "m.sql");

        Assert.Equal(["id", "v"], maria.Tables.Single().Value.Columns.Select(c => c.Name));
        Assert.Empty(maria.Tables.Single().Value.Checks);
        Assert.Contains("w", mysql.Tables.Single().Value.Columns.Select(c => c.Name));
    }

    [Fact]
    public void TheSandboxLineOfMariaDbDump_IsAComment_AndTheTableAfterItIsRead()
    {
        const string Sql = "/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19  Distrib 10.11.8-MariaDB\nCREATE TABLE a (id int);\n";

        foreach (var dialect in new[] { SqlDialect.MariaDb, SqlDialect.MySql })
        {
            var (tables, diagnostics) = Apply(Sql, dialect);
            Assert.Empty(diagnostics);
            Assert.Equal(["a"], tables);
        }
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int, b int /*!80023 INVISIBLE */);", SqlDialect.MySql, 1, 30)]
    [InlineData("CREATE TABLE t (a int) /*!100600 COMMENT 'x' */;", SqlDialect.MariaDb, 1, 24)]
    public void AGateInsideTheDialectsReleases_InAStatementTheEngineReads_IsAWarning(string sql, SqlDialect dialect, int line, int column)
    {
        var (tables, diagnostics) = Apply(sql, dialect);

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UndecidedVersionComment, DiagnosticSeverity.Warning, line, column), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.Equal(["t"], tables);
    }

    [Theory]
    [InlineData("/*!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;\nCREATE TABLE t (a int);", SqlDialect.MariaDb)]
    [InlineData("/*!80016 SET @x = 1 */;\nCREATE TABLE t (a int);", SqlDialect.MySql)]
    public void AGateInsideTheDialectsReleases_InAStatementTheEngineDoesNotRead_IsPassedOver(string sql, SqlDialect dialect)
    {
        var (tables, diagnostics) = Apply(sql, dialect);

        Assert.Empty(diagnostics);
        Assert.Equal(["t"], tables);
    }

    [Theory]
    [InlineData("/*!40000 CREATE TABLE z1 (a int); CREATE TABLE z2 (a int) */;", 1, 33)]
    [InlineData("/*!99999 CREATE TABLE z1 (a int); CREATE TABLE z2 (a int) */;", 1, 33)]
    public void ATerminatorInsideAnExecutableComment_IsAnError(string sql, int line, int column)
    {
        var (_, diagnostics) = Apply(sql, SqlDialect.MariaDb);

        Assert.Contains(diagnostics, d => (d.Code, d.Severity, d.Line, d.Column) == (DiagnosticCodes.TerminatorInVersionComment, DiagnosticSeverity.Error, line, column));
    }

    [Fact]
    public void TheMigratorsSplit_SendsEachExecutableCommentWhole()
    {
        const string Sql = "CREATE TABLE s (\n  id int NOT NULL\n) /*!40000 ENGINE=INNODB */ /*!40101 CHARACTER SET utf8 */;\n/*!50001 CREATE*/ /*!50001 VIEW v AS SELECT id FROM s */;\n/*M!999999\\- enable the sandbox mode */ \nCREATE TABLE a (id int);\n/*M!100100 CREATE TABLE m (id int) */;";

        var statements = SqlScript.Split(Sql, SqlDialect.MySql).Select(s => s.Text);

        Assert.Equal(
            [
                "CREATE TABLE s (\n  id int NOT NULL\n) /*!40000 ENGINE=INNODB */ /*!40101 CHARACTER SET utf8 */",
                "/*!50001 CREATE*/ /*!50001 VIEW v AS SELECT id FROM s */",
                "/*M!999999\\- enable the sandbox mode */ \nCREATE TABLE a (id int)",
                "/*M!100100 CREATE TABLE m (id int) */",
            ],
            statements);
    }
}
