using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Executable comments on MariaDB: <c>/*!NNNNN</c> runs below MySQL 5.7 (50700) and is skipped
/// from there to 99999, <c>/*M!</c> runs at any five-digit version, six digits run up to the
/// server's own release, and mariadb-dump's sandbox line (<c>/*M!999999\-</c>) never runs. A
/// MySQL 8 dump loaded into MariaDB is read as MariaDB runs it. Run against MariaDB only.
/// </summary>
public sealed class MariaDbVersionCommentTests
{
    [MySqlTheory]
    [InlineData("a MySQL 8 CHECK, column and DROP that MariaDB skips", "CREATE TABLE u (id int PRIMARY KEY, v int /*!80000 CHECK (v > 0) */);\n/*!80000 ALTER TABLE u ADD COLUMN w int */;\n/*!50700 ALTER TABLE u DROP COLUMN v */;")]
    [InlineData("gates below 5.7, MariaDB's own, and none", "/*!40101 CREATE TABLE v40101 (a int) */;\n/*!50699 CREATE TABLE v50699 (a int) */;\n/*!100500 CREATE TABLE v100500 (a int) */;\n/*!CREATE TABLE vnone (a int) */;\n/*M!50700 CREATE TABLE m50700 (a int) */;\n/*M!99999 CREATE TABLE m99999 (a int) */;\n/*M!100100 CREATE TABLE m100100 (a int) */;")]
    [InlineData("gates MariaDB skips", "CREATE TABLE t (a int);\n/*!50700 CREATE TABLE v50700 (a int) */;\n/*!99999 CREATE TABLE v99999 (a int) */;\n/*M!999999 CREATE TABLE m999999 (a int) */;")]
    [InlineData("mariadb-dump's sandbox line right before a table", "/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19  Distrib 10.11.8-MariaDB\nCREATE TABLE a (id int);")]
    [InlineData("table options in comments that end the statement", "CREATE TABLE s (\n  id int NOT NULL\n) /*!40000 ENGINE=INNODB */ /*!40101 CHARACTER SET utf8 COLLATE utf8_general_ci */;")]
    public async Task TheEngine_RunsWhatMariaDbRuns(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), sql, "m.sql");
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");

        // One statement at a time, as the client sends them: in a multi-statement batch the server
        // refuses a statement that is only a skipped comment.
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var statement in sql.Split(";\n"))
        {
            await using var command = new MySqlCommand(statement.TrimEnd(';'), connection);
            await command.ExecuteNonQueryAsync();
        }

        var live = await MySqlSchemaReader.ReadAsync(connection);
        var diffs = CatalogComparer.Compare(built, live, new CatalogComparison(CheckNamesAreServerGenerated: true));
        Assert.True(diffs.Count == 0, $"{behaviour}: engine vs live:\n  {string.Join("\n  ", diffs)}");
    }

    [MySqlTheory]
    [InlineData("in a comment MariaDB runs", "/*!40000 CREATE TABLE z1 (a int); CREATE TABLE z2 (a int) */;")]
    [InlineData("in a comment MariaDB skips", "/*!99999 CREATE TABLE z1 (a int); CREATE TABLE z2 (a int) */;")]
    public async Task ATerminatorInsideTheComment_IsReported_AndTheServerRefusesWhatTheClientSends(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), sql, "m.sql");
        Assert.True(diagnostics.Any(d => (d.Code, d.Severity, d.Line, d.Column) == (DiagnosticCodes.TerminatorInVersionComment, DiagnosticSeverity.Error, 1, 33)), $"{behaviour}: {string.Join("\n", diagnostics)}");

        // The client ends the statement at the ';' and sends the comment unclosed.
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql[..sql.IndexOf(';', StringComparison.Ordinal)], connection);
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(1064, refusal.Number);
    }
}
