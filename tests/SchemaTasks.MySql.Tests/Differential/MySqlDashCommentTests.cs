using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A <c>--</c> not followed by a space, sent to the server as written: the server reads two minus
/// signs, so the statement it starts or sits in is refused (1064), where the engine reports the
/// dashes (ST3091); with the space, the server and the engine read a comment. The first case is
/// icinga2's MySQL schema (components/db_ido_mysql/schema/mysql.sql, <c>--#2274</c>).
/// </summary>
public sealed class MySqlDashCommentTests
{
    [MySqlTheory]
    [InlineData("a line before a statement", "CREATE TABLE t (a int);\n--#2274\nCREATE TABLE u (b int);", 2, 1)]
    [InlineData("in a default", "CREATE TABLE t (a int);\nCREATE TABLE u (a int DEFAULT 5--1\n, b int);", 2, 32)]
    [InlineData("between two columns", "CREATE TABLE t (a int);\nCREATE TABLE u (a int, --b\n b int);", 2, 24)]
    public async Task TheServer_RefusesTheStatement_WhereTheEngineReportsTheDashes(string behaviour, string sql, int line, int column)
    {
        var (_, diagnostics) = SchemaEngine.Apply(Catalog.Empty(MySqlTestDatabase.ServerDialect), sql, "m.sql");
        // Where the minus signs break the statement's grammar the parser says so too (ST2010), at the same place.
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DashesWithoutSpace);
        Assert.All(diagnostics, d => Assert.Equal((DiagnosticSeverity.Error, line, column), (d.Severity, d.Line, d.Column)));
        Assert.True((DiagnosticCodes.DashesWithoutSpace, DiagnosticSeverity.Error, line, column) == (error.Code, error.Severity, error.Line, error.Column), $"{behaviour}: {error}");

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand(sql, connection);
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(1064, refusal.Number);
        await using var tables = new MySqlCommand("SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", connection);
        Assert.Equal("t", await tables.ExecuteScalarAsync());
    }

    [MySqlTheory]
    [InlineData("a line before a statement", "CREATE TABLE t (a int);\n-- #2274\nCREATE TABLE u (b int);")]
    [InlineData("in a default", "CREATE TABLE u (a int DEFAULT 5-- 1\n, b int);")]
    [InlineData("a tab after the dashes, and dashes ending the text", "CREATE TABLE u (a int,--\tb\n b int);\n--")]
    public Task WithWhitespaceAfterTheDashes_TheServerAndTheEngineReadAComment(string behaviour, string sql)
        => MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, MySqlTestDatabase.ServerDialect);
}
