using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A <c>SET sql_mode</c> with ANSI_QUOTES or NO_BACKSLASH_ESCAPES changes how the server reads the
/// statements after it: the engine's enum labels, defaults and names after it are the server's,
/// and an ENUM of double-quoted values under ANSI_QUOTES is the server's refusal (1064).
/// Each statement is sent on its own, as a runner sends them, so the client reads none of them.
/// </summary>
public sealed class MySqlSessionReadingTests
{
    [MySqlTheory]
    [InlineData("ANSI_QUOTES: double quotes make names", """
        SET sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES';
        CREATE TABLE "t" ("c" int NOT NULL DEFAULT 1, e ENUM('a', 'b') DEFAULT 'b');
        ALTER TABLE "t" ADD COLUMN "d" varchar(10) DEFAULT 'x';
        SET sql_mode = DEFAULT;
        CREATE TABLE u (e ENUM("p", 'q') DEFAULT "q");
        """)]
    [InlineData("NO_BACKSLASH_ESCAPES: a backslash is itself", """
        SET sql_mode = 'NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES';
        CREATE TABLE t (e ENUM('a\', 'b\n', 'c''d') DEFAULT 'a\', v varchar(10) DEFAULT 'x\y');
        SET SESSION sql_mode = 'STRICT_TRANS_TABLES';
        CREATE TABLE u (e ENUM('a\'b', 'c\\d'));
        """)]
    [InlineData("mysqldump's saved mode, restored", """
        SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO';
        SET @@SESSION.sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES');
        CREATE TABLE "t" ("c" int);
        SET SQL_MODE=@OLD_SQL_MODE;
        CREATE TABLE u (e ENUM("x", "y"));
        """)]
    public async Task The_statements_after_the_mode_build_the_servers_schema(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), sql, "m.sql");
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = new MySqlConnection(db.ConnectionString + ";Allow User Variables=true");
        await connection.OpenAsync();
        foreach (var statement in sql.Split('\n'))
        {
            await using var command = new MySqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }

        await using (var reset = new MySqlCommand("SET sql_mode = DEFAULT", connection)) await reset.ExecuteNonQueryAsync();
        var live = await MySqlSchemaReader.ReadAsync(connection);
        var diffs = CatalogComparer.Compare(built, live, new CatalogComparison(CheckNamesAreServerGenerated: true));
        Assert.True(diffs.Count == 0, $"{behaviour}: engine vs live:\n  {string.Join("\n  ", diffs)}");
    }

    [MySqlFact]
    public Task Double_quoted_enum_values_under_ANSI_QUOTES_are_refused()
        => MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb
            ? Task.CompletedTask
            : MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(
                "ENUM(\"a\") under ANSI_QUOTES",
                "SET sql_mode = 'ANSI_QUOTES';\nCREATE TABLE t (e ENUM(\"a\", \"b\"));",
                DiagnosticCodes.SyntaxError,
                1064);
}
