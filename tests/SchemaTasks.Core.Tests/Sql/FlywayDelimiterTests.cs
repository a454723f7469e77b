using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// Flyway's MySQL parser reads a <c>DELIMITER</c>'s terminator from the rest of its line, trimmed,
/// or, while that is empty, from the next line; metersphere 3.1.0 writes <c>DELIMITER</c> alone with
/// <c>$$</c> below it. The command-line client refuses that form, so only a Flyway folder reads it.
/// </summary>
public class FlywayDelimiterTests
{
    private const string NextLine = "CREATE TABLE t (id int);\nDROP PROCEDURE IF EXISTS p;\nDELIMITER\n\n  $$  \nCREATE PROCEDURE p()\nBEGIN\n    DECLARE done INT DEFAULT FALSE;\n    UPDATE t SET id = 1;\nEND\n$$\nDELIMITER ;\nCALL p();\nCREATE TABLE u (id int);\n";

    [Fact]
    public void Split_FlywayLayout_ReadsTheDelimiterFromTheNextLine()
    {
        var statements = SqlScript.SplitMigration(NextLine, SqlDialect.MariaDb, MigrationLayout.Flyway);

        Assert.Equal(
            ["CREATE TABLE t (id int)", "DROP PROCEDURE IF EXISTS p", "CREATE PROCEDURE p()", "CALL p()", "CREATE TABLE u (id int)"],
            statements.Select(s => s.Text.Split('\n')[0]));
        Assert.EndsWith("UPDATE t SET id = 1;\nEND", statements[2].Text, StringComparison.Ordinal);
        Assert.Equal([1, 2, 6, 13, 14], statements.Select(s => s.Line));
    }

    [Fact]
    public void Split_OtherLayouts_KeepTheClientsRule()
    {
        var client = SqlScript.Split(NextLine, SqlDialect.MariaDb);
        var plain = SqlScript.SplitMigration(NextLine, SqlDialect.MariaDb, MigrationLayout.Plain);

        Assert.Equal(client, plain);
        Assert.DoesNotContain(plain, s => s.Text.StartsWith("CREATE PROCEDURE", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_FlywayLayout_OnPostgres_HasNoDelimiterDirective()
    {
        const string Sql = "CREATE TABLE delimiter (id int);\nSELECT 1;";

        Assert.Equal(SqlScript.Split(Sql, SqlDialect.Postgres), SqlScript.SplitMigration(Sql, SqlDialect.Postgres, MigrationLayout.Flyway));
    }

    [Fact]
    public void Split_FlywayLayout_TakesTheRestOfTheLineTrimmed()
    {
        // Flyway's terminator is the whole rest of the line, '$$ ;' here; the client's is its first word.
        const string Sql = "DELIMITER $$ ; \t\nSELECT 1 $$\nSELECT 2 $$ ;\n";

        var flyway = SqlScript.SplitMigration(Sql, SqlDialect.MySql, MigrationLayout.Flyway);
        var client = SqlScript.Split(Sql, SqlDialect.MySql);

        Assert.Equal(["SELECT 1 $$\nSELECT 2"], flyway.Select(s => s.Text));
        Assert.Equal(["SELECT 1", "SELECT 2"], client.Take(2).Select(s => s.Text));
    }

    [Fact]
    public void Engine_FlywayFolder_RunsTheProcedureBlockWithoutErrors()
    {
        var (catalog, diagnostics) = SchemaEngine.BuildFinal(Set(MigrationLayout.Flyway, NextLine), SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.Equal(["t", "u"], catalog.Tables.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Engine_PlainFolder_StillRefusesIt_AsTheClientDoes()
    {
        var (_, diagnostics) = SchemaEngine.BuildFinal(Set(MigrationLayout.Plain, NextLine), SqlDialect.MariaDb);

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Engine_FlywayFolder_DelimiterWithNothingAfterIt_IsReported()
    {
        var (_, diagnostics) = SchemaEngine.BuildFinal(Set(MigrationLayout.Flyway, "CREATE TABLE t (id int);\nDELIMITER\n\n"), SqlDialect.MariaDb);

        var invalid = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidDelimiter, invalid.Code);
        Assert.Equal(2, invalid.Line);
    }

    private static MigrationSet Set(MigrationLayout layout, string sql) =>
        new(layout, SqlDialect.MariaDb, [new Migration("1", "1", "one", "V1__one.sql", "checksum", sql)]);
}
