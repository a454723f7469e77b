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
    [InlineData("ANSI_QUOTES: a double-quoted DEFAULT or CHECK naming a column is that column", """
        SET sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES';
        CREATE TABLE t (a int, s int DEFAULT "a", b varchar(10), CHECK (b IN ("B")));
        ALTER TABLE t ADD COLUMN c varchar(10) DEFAULT "b", ALTER COLUMN s SET DEFAULT "A";
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

    private const string AnsiTable = "SET sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES';\nCREATE TABLE t (a varchar(10), s varchar(10));\n";

    [MySqlTheory]
    [InlineData("a column's COMMENT", "CREATE TABLE u (s varchar(10) COMMENT \"x\");", 1064)]
    [InlineData("a COMMENT naming a column", "CREATE TABLE u (s varchar(10) COMMENT \"s\");", 1064)]
    [InlineData("a table's COMMENT", "CREATE TABLE u (s varchar(10)) COMMENT \"x\";", 1064)]
    [InlineData("a table's COMMENT =", "CREATE TABLE u (s varchar(10)) ENGINE=InnoDB COMMENT = \"x\";", 1064)]
    [InlineData("ALTER TABLE ... COMMENT", "ALTER TABLE t COMMENT \"x\";", 1064)]
    [InlineData("MODIFY ... COMMENT", "ALTER TABLE t MODIFY s varchar(10) COMMENT \"x\";", 1064)]
    [InlineData("a DEFAULT naming no column", "CREATE TABLE u (s varchar(10) DEFAULT \"x\");", 1054)]
    [InlineData("a DEFAULT NULL in quotes", "CREATE TABLE u (s int DEFAULT \"NULL\");", 1054)]
    [InlineData("a DEFAULT naming its own column", "CREATE TABLE u (s varchar(10) DEFAULT \"s\");", 4029)]
    [InlineData("ALTER COLUMN ... SET DEFAULT", "ALTER TABLE t ALTER COLUMN s SET DEFAULT \"x\";", 1054)]
    [InlineData("a DEFAULT naming a later column whose default is a name", "CREATE TABLE u (b int, a int DEFAULT \"s\", s int DEFAULT \"b\");", 4029)]
    [InlineData("SET DEFAULTs naming each other", "ALTER TABLE t ALTER COLUMN a SET DEFAULT \"s\", ALTER COLUMN s SET DEFAULT \"a\";", 4029)]
    [InlineData("MODIFY ... DEFAULT", "ALTER TABLE t MODIFY s varchar(10) DEFAULT \"x\";", 1054)]
    [InlineData("ADD COLUMN ... DEFAULT", "ALTER TABLE t ADD COLUMN b int DEFAULT \"x\";", 1054)]
    [InlineData("a table CHECK", "CREATE TABLE u (s varchar(10), CHECK (s IN (\"a\")));", 1054)]
    [InlineData("a column CHECK", "CREATE TABLE u (s varchar(10) CHECK (s IN (\"a\")));", 1054)]
    [InlineData("a named CHECK comparing", "CREATE TABLE u (s varchar(10), CONSTRAINT c CHECK (s = \"x\"));", 1054)]
    [InlineData("ADD CONSTRAINT ... CHECK", "ALTER TABLE t ADD CONSTRAINT c CHECK (s IN (\"x\", \"y\"));", 1054)]
    public async Task Double_quoted_values_the_server_refuses_under_ANSI_QUOTES_are_refused(string behaviour, string statement, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var code = error switch { 1064 => DiagnosticCodes.SyntaxError, 1054 => DiagnosticCodes.ColumnNotFound, _ => DiagnosticCodes.DefaultNamesItsColumn };
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, AnsiTable + statement, code, error);
    }
}
