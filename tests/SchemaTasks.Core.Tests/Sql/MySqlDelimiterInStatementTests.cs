using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// The mysql client takes <c>DELIMITER</c> as its command only while no statement is open; after an
/// unterminated statement it sends the line with that statement, which the server refuses (1064),
/// and Flyway stops with "Delimiter changed inside statement". Seen in apache/dolphinscheduler's
/// 3.2.0 MySQL upgrade script, where an UPDATE ends with ';' while the terminator is still '//'.
/// </summary>
public sealed class MySqlDelimiterInStatementTests
{
    private const string Sql = "CREATE TABLE a (x int);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nUPDATE a SET x = 1;\nDELIMITER ;\nCREATE TABLE b (x int);\n";

    [Theory]
    [InlineData(MigrationLayout.Plain)]
    [InlineData(MigrationLayout.Flyway)]
    public void ADelimiterLineInAnOpenStatement_IsAnError_AndIsNoDirective(MigrationLayout layout)
    {
        var set = new MigrationSet(layout, SqlDialect.MariaDb, [new Migration("1", "1", "one", "V1__one.sql", "checksum", Sql)]);

        var (catalog, diagnostics) = SchemaEngine.BuildFinal(set, SqlDialect.MariaDb);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DelimiterInStatement, DiagnosticSeverity.Error, 5, 1), (error.Code, error.Severity, error.Line, error.Column));
        Assert.Equal(["a"], catalog.Tables.Keys.Select(k => k.Name));
    }

    [Fact]
    public void TheSplit_SendsTheLineWithTheOpenStatement_AsTheClientDoes()
    {
        var statements = SqlScript.Split(Sql, SqlDialect.MariaDb).Select(s => s.Text);

        Assert.Equal(["CREATE TABLE a (x int)", "CREATE PROCEDURE p() BEGIN SELECT 1; END", "UPDATE a SET x = 1;\nDELIMITER ;\nCREATE TABLE b (x int);"], statements);
    }

    [Fact]
    public void ADelimiterLineBetweenStatements_IsStillADirective()
    {
        const string Terminated = "CREATE TABLE a (x int);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nUPDATE a SET x = 1//\n-- a comment\nDELIMITER ;\nCREATE TABLE b (x int);\n";

        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), Terminated, "m.sql");

        Assert.Empty(diagnostics);
        Assert.Equal(["a", "b"], catalog.Tables.Keys.Select(k => k.Name));
    }
}
