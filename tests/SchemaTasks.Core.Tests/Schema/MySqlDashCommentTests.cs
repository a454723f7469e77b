using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MySQL reads <c>--</c> as a comment only when whitespace or a control character follows it
/// (icinga2's MySQL schema has <c>--#2274</c> on a line of its own before a CREATE INDEX). No
/// statement may be lost or joined to another without a diagnostic at the dashes.
/// </summary>
public class MySqlDashCommentTests
{
    private const string Icinga = "CREATE TABLE t (a int);\n--#2274\nCREATE TABLE u (b int);\nCREATE TABLE v (c int);";

    [Theory]
    [InlineData(MigrationLayout.GolangMigrate, DiagnosticSeverity.Error)]
    [InlineData(MigrationLayout.Dbmate, DiagnosticSeverity.Error)]
    [InlineData(MigrationLayout.Flyway, DiagnosticSeverity.Error)]
    [InlineData(MigrationLayout.Plain, DiagnosticSeverity.Warning)]
    [InlineData(MigrationLayout.Goose, DiagnosticSeverity.Warning)]
    public void ALineOfDashesWithoutSpace_BetweenStatements_KeepsTheNextStatement_AndIsReportedForItsTool(MigrationLayout layout, DiagnosticSeverity severity)
    {
        var set = new MigrationSet(layout, SqlDialect.MariaDb, [new Migration("1", "1", "init", "1_init.sql", "checksum", Icinga)]);

        var (catalog, diagnostics) = SchemaEngine.BuildFinal(set, SqlDialect.MariaDb);

        var finding = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DashesWithoutSpace, severity, 2, 1), (finding.Code, finding.Severity, finding.Line, finding.Column));
        Assert.Contains("Write '-- ' with a space", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["t", "u", "v"], catalog.Tables.Keys.Select(k => k.Name).Order());
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int DEFAULT 5--1\n, b int);", 1, 32)]
    [InlineData("CREATE TABLE t (a int, --c\n b int);", 1, 24)]
    [InlineData("CREATE TABLE t (a int); --c\nCREATE TABLE u (b int);", 1, 25)]
    [InlineData("CREATE TABLE t (a int);\nCREATE TABLE u (b int DEFAULT --#x\n1);", 2, 31)]
    public void DashesWithoutSpace_InsideOrAfterAStatement_AreAnError(string sql, int line, int column)
    {
        var (_, diagnostics) = Run(sql, SqlDialect.MariaDb);

        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DashesWithoutSpace);
        Assert.Equal((DiagnosticSeverity.Error, line, column), (error.Severity, error.Line, error.Column));
    }

    [Theory]
    [InlineData("-- a comment\nCREATE TABLE t (a int);")]
    [InlineData("--\nCREATE TABLE t (a int);")]
    [InlineData("--\tx\nCREATE TABLE t (a int);--")]
    [InlineData("CREATE TABLE t (a int DEFAULT - -1);")]
    [InlineData("CREATE TABLE t (a varchar(9) DEFAULT '--x');")]
    [InlineData("CREATE TABLE t (a int);\nINSERT INTO t VALUES (5--1);\nSELECT a--1 FROM t;")]
    public void ACommentWithSpace_DashesInStrings_AndMinusSignsInData_AreNotReported(string sql)
    {
        var catalog = Clean(sql, SqlDialect.MySql);
        Assert.NotNull(catalog.FindTable(My("t")));
    }

    [Fact]
    public void ARunOfDashes_IsReportedOnce()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int);\n------------\nCREATE TABLE u (b int);", SqlDialect.MySql);

        Assert.Equal((DiagnosticCodes.DashesWithoutSpace, 2), Assert.Single(diagnostics) is var d ? (d.Code, d.Line) : default);
        Assert.NotNull(catalog.FindTable(My("u")));
    }

    [Fact]
    public void Postgres_ReadsEveryDoubleDashAsAComment()
    {
        var catalog = Clean("CREATE TABLE t (a int DEFAULT 5--1\n);\n--#2274\nCREATE TABLE u (b int);", SqlDialect.Postgres);

        Assert.Equal("5", catalog.FindTable(Pg("t"))!.Columns[0].Default);
        Assert.NotNull(catalog.FindTable(Pg("u")));
    }

    [Fact]
    public void TheScriptSplitter_LeavesTheLineOut_AsTheMysqlClientDoes()
    {
        var statements = SqlScript.Split(Icinga, SqlDialect.MariaDb);

        Assert.Equal(["CREATE TABLE t (a int)", "CREATE TABLE u (b int)", "CREATE TABLE v (c int)"], statements.Select(s => s.Text));
        Assert.Equal(3, statements[1].Line);
    }
}
