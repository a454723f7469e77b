using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB in its default, strict sql_mode refuses an INSERT or REPLACE that leaves out a NOT NULL
/// column without a default (error 1364), before any row, so even when its query returns none; the
/// migration stops there. Every case here was run on MariaDB 10.11 first.
/// </summary>
public sealed class MariaDbOmittedColumnTests
{
    private const string Table = "CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, a int NOT NULL, b int, c int NOT NULL DEFAULT 3, e ENUM('x','y') NOT NULL, g int AS (b + 1) VIRTUAL);\n";

    [Theory]
    [InlineData("values", "INSERT INTO t (b) VALUES (1);", 13)]
    [InlineData("several rows", "INSERT INTO t (b) VALUES (1), (2);", 13)]
    [InlineData("a query that returns no row", "INSERT INTO t (b) SELECT b FROM t WHERE 1 = 0;", 13)]
    [InlineData("a query in parentheses", "INSERT INTO t (b) (SELECT b FROM t);", 13)]
    [InlineData("a query with WITH", "INSERT INTO t (b) WITH q AS (SELECT 1 AS x) SELECT x FROM q;", 13)]
    [InlineData("replace", "REPLACE INTO t (b) VALUES (1);", 14)]
    [InlineData("replace without INTO", "REPLACE t SET b = 1;", 9)]
    [InlineData("insert without INTO, VALUE", "INSERT t (id, b) VALUE (1, 1);", 8)]
    [InlineData("modifiers", "INSERT LOW_PRIORITY INTO t (b) VALUES (1);", 26)]
    [InlineData("set", "INSERT INTO t SET b = 1, id = (SELECT 2);", 13)]
    [InlineData("an empty column list", "INSERT INTO t () VALUES ();", 13)]
    [InlineData("no column list and an empty row", "INSERT INTO t VALUES ();", 13)]
    [InlineData("qualified and quoted columns", "INSERT INTO `t` (t.`b`, `E`) VALUES (1, 'x');", 13)]
    [InlineData("returning", "INSERT INTO t (b) VALUES (1) RETURNING id;", 13)]
    [InlineData("on duplicate key update after a query", "INSERT INTO t (id, b) SELECT id, b FROM t ON DUPLICATE KEY UPDATE a = 1;", 13)]
    [InlineData("on duplicate key update of another column", "INSERT INTO t (id, b) VALUES (1, 1) ON DUPLICATE KEY UPDATE b = VALUES(a);", 13)]
    [InlineData("a join's ON in the query", "INSERT INTO t (b) SELECT x.b FROM t x JOIN t y ON x.id = y.id;", 13)]
    [InlineData("no spaces", "INSERT INTO t(b)VALUES(1);", 13)]
    [InlineData("on duplicate key update in a comment", "INSERT INTO t (b) VALUES (1) /* ON DUPLICATE KEY UPDATE a = 1 */;", 13)]
    public void AnInsertLeavingOutTheColumn_IsRefused(string behaviour, string statement, int column)
    {
        var refusal = Assert.Single(Run(Table + statement, SqlDialect.MariaDb).Diagnostics);
        Assert.True(
            (DiagnosticCodes.OmittedColumnWithoutDefault, DiagnosticSeverity.Error, 2, column) == (refusal.Code, refusal.Severity, refusal.Line, refusal.Column),
            $"{behaviour}: {refusal}");
        Assert.Contains("column a of t", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("error 1364", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the column listed", "INSERT INTO t (a) VALUES (1);")]
    [InlineData("the column set", "INSERT INTO t SET a = 1;")]
    [InlineData("the column listed, with a query", "INSERT INTO t (a, b) SELECT 1, b FROM t;")]
    [InlineData("no column list", "INSERT INTO t VALUES (NULL, 1, 1, 1, 'x', DEFAULT);")]
    [InlineData("no column list, a query", "INSERT INTO t SELECT * FROM t WHERE 1 = 0;")]
    [InlineData("no column list, a query in parentheses", "INSERT INTO t (SELECT * FROM t);")]
    [InlineData("on duplicate key update names it", "INSERT INTO t (id, b) VALUES (1, 1) ON DUPLICATE KEY UPDATE b = 2, a = 1;")]
    [InlineData("on duplicate key update names it qualified", "INSERT INTO t (id) VALUES (1) ON DUPLICATE KEY UPDATE t.a = DEFAULT;")]
    [InlineData("set and on duplicate key update", "INSERT INTO t SET id = 1 ON DUPLICATE KEY UPDATE a = (1 + 1);")]
    [InlineData("insert ignore", "INSERT IGNORE INTO t (b) VALUES (1);")]
    [InlineData("insert ignore with a query", "INSERT LOW_PRIORITY IGNORE INTO t (b) SELECT b FROM t;")]
    [InlineData("insert ignore in an executable comment", "INSERT /*! IGNORE */ INTO t (b) VALUES (1);")]
    [InlineData("insert ignore in a versioned executable comment", "INSERT /*!50000 IGNORE */ INTO t (b) VALUES (1);")]
    [InlineData("insert ignore in MariaDB's executable comment", "INSERT /*M! IGNORE */ INTO t (b) VALUES (1);")]
    [InlineData("on duplicate key update names it after another", "INSERT INTO t (b) VALUES (1) ON DUPLICATE KEY UPDATE b = b + 1, a = a;")]
    [InlineData("in a procedure's body", "CREATE PROCEDURE p() INSERT INTO t (b) VALUES (1);")]
    [InlineData("a column the table lacks (error 1054)", "INSERT INTO t (b, nope) VALUES (1, 2);")]
    [InlineData("a partition clause", "INSERT INTO t PARTITION (p0) (b) VALUES (1);")]
    [InlineData("a table qualified with a database", "INSERT INTO db.t (b) VALUES (1);")]
    [InlineData("a table no migration created", "INSERT INTO other (b) VALUES (1);")]
    public void AnInsertTheCheckPassesOver_IsNotReported(string behaviour, string statement)
    {
        var diagnostics = Run(Table + statement, SqlDialect.MariaDb).Diagnostics;
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");
    }

    [Theory]
    [InlineData("DEFAULT in a row", "INSERT INTO t (a) VALUES (DEFAULT);", 27)]
    [InlineData("DEFAULT in a row without a column list", "INSERT INTO t VALUES (DEFAULT, DEFAULT, 1, DEFAULT, 'x', DEFAULT);", 32)]
    [InlineData("DEFAULT assigned", "INSERT INTO t SET b = 1, a = DEFAULT;", 30)]
    [InlineData("DEFAULT assigned, qualified", "REPLACE t SET t.a = default;", 21)]
    [InlineData("DEFAULT(a) in a row", "INSERT INTO t (a, b) VALUES (1, DEFAULT(a) + 1);", 33)]
    [InlineData("DEFAULT(a) qualified and quoted", "INSERT INTO t (a, b) VALUES (1, default ( t.`a` ));", 33)]
    [InlineData("DEFAULT(a) under IGNORE", "INSERT IGNORE INTO t (a, b) VALUES (1, DEFAULT(a));", 40)]
    [InlineData("DEFAULT(a) without a strict sql_mode", "SET sql_mode = '';\nINSERT INTO t (a, b) VALUES (1, DEFAULT(a));", 33)]
    [InlineData("DEFAULT(a) in on duplicate key update", "INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE b = DEFAULT(a);", 58)]
    [InlineData("DEFAULT(a) in a later row", "INSERT INTO t (a, b) VALUES (1, 1), (2, DEFAULT(a));", 41)]
    [InlineData("an UPDATE assigning DEFAULT", "UPDATE t SET a = DEFAULT WHERE 1 = 0;", 18)]
    [InlineData("an UPDATE IGNORE assigning DEFAULT after another", "UPDATE LOW_PRIORITY IGNORE t SET b = 1, a = DEFAULT;", 45)]
    [InlineData("an UPDATE through an alias without a strict sql_mode", "SET sql_mode = '';\nUPDATE t AS x SET x.a = DEFAULT ORDER BY id LIMIT 1;", 25)]
    [InlineData("an UPDATE reading DEFAULT(a)", "UPDATE t SET b = DEFAULT(a) WHERE id = 1;", 18)]
    [InlineData("an UPDATE assigning DEFAULT to an ENUM, which takes its first value only in an INSERT", "UPDATE t SET e = DEFAULT WHERE 1 = 0;", 18)]
    [InlineData("DEFAULT(e) of an ENUM", "INSERT INTO t (a, b) VALUES (1, DEFAULT(e));", 33)]
    public void ADefaultOfTheColumn_IsRefused(string behaviour, string statement, int column)
    {
        var sql = Table + statement;
        var refusal = Assert.Single(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.True(
            (DiagnosticCodes.OmittedColumnWithoutDefault, DiagnosticSeverity.Error, sql.Split('\n').Length, column) == (refusal.Code, refusal.Severity, refusal.Line, refusal.Column)
            && (refusal.Message.Contains("column a of t", StringComparison.Ordinal) || refusal.Message.Contains("column e of t", StringComparison.Ordinal)) && refusal.Message.Contains("error 1364", StringComparison.Ordinal),
            $"{behaviour}: {refusal}");
    }

    [Fact]
    public void DefaultInALaterRow_IsAWarning_TheTablesEngineDecides()
    {
        var warning = Assert.Single(Run(Table + "INSERT INTO t (a, b) VALUES (1, 1), (DEFAULT, 2);", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.OmittedColumnWithoutDefault, DiagnosticSeverity.Warning, 2, 38), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.Contains("row 2", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEFAULT of columns with a default or none needed", "INSERT INTO t (id, a, b, c, e, g) VALUES (DEFAULT, 1, DEFAULT, DEFAULT, DEFAULT, DEFAULT);")]
    [InlineData("DEFAULT(c) of a column with a default", "INSERT INTO t (a, b) VALUES (1, DEFAULT(c)), (2, DEFAULT(t.c));")]
    [InlineData("DEFAULT in on duplicate key update, which runs only for a duplicate", "INSERT INTO t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = DEFAULT;")]
    [InlineData("DEFAULT under IGNORE", "INSERT IGNORE INTO t (a) VALUES (DEFAULT);")]
    [InlineData("DEFAULT without a strict sql_mode", "SET sql_mode = '';\nINSERT INTO t (a) VALUES (DEFAULT);")]
    [InlineData("a string that reads DEFAULT", "INSERT INTO t (a, b) VALUES (1, 'DEFAULT(a)');")]
    [InlineData("DEFAULT in a query", "INSERT INTO t (a) SELECT 1 FROM t WHERE 1 = 0;")]
    [InlineData("an UPDATE assigning DEFAULT to columns that have one", "UPDATE t SET b = DEFAULT, c = DEFAULT(c), id = DEFAULT, g = DEFAULT, b = DEFAULT(id) WHERE a = 1;")]
    [InlineData("an UPDATE of several tables, not followed", "UPDATE t, t AS u SET t.b = DEFAULT;")]
    public void ADefaultTheServerTakes_IsNotReported(string behaviour, string statement)
    {
        var diagnostics = Run(Table + statement, SqlDialect.MariaDb).Diagnostics;
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");
    }

    [Theory]
    [InlineData("a nullable column", "CREATE TABLE u (a int NULL, b int);")]
    [InlineData("a default", "CREATE TABLE u (a int NOT NULL DEFAULT 0, b int);")]
    [InlineData("an expression default", "CREATE TABLE u (a int NOT NULL DEFAULT (1 + 1), b int);")]
    [InlineData("AUTO_INCREMENT", "CREATE TABLE u (a int NOT NULL AUTO_INCREMENT, b int, KEY (a));")]
    [InlineData("SERIAL", "CREATE TABLE u (a SERIAL, b int);")]
    [InlineData("a generated column", "CREATE TABLE u (a int AS (b * 2) PERSISTENT, b int);")]
    [InlineData("an ENUM, which takes its first value", "CREATE TABLE u (a ENUM('x', 'y') NOT NULL, b int);")]
    [InlineData("a DATETIME with ON UPDATE", "CREATE TABLE u (a datetime NOT NULL ON UPDATE CURRENT_TIMESTAMP, b int);")]
    [InlineData("ON UPDATE given later", "CREATE TABLE u (a datetime(3) NOT NULL, b int);\nALTER TABLE u MODIFY a datetime(3) NOT NULL ON UPDATE CURRENT_TIMESTAMP(3);")]
    [InlineData("a default set later", "CREATE TABLE u (a int NOT NULL, b int);\nALTER TABLE u ALTER COLUMN a SET DEFAULT 1;")]
    [InlineData("made nullable later", "CREATE TABLE u (a int NOT NULL, b int);\nALTER TABLE u MODIFY a int NULL;")]
    public void AColumnTheServerFillsItself_NeedsNoValue(string behaviour, string table)
    {
        var diagnostics = Run(table + "\nINSERT INTO u (b) SELECT 1;", SqlDialect.MariaDb).Diagnostics;
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");
    }

    [Theory]
    [InlineData("TEXT", "CREATE TABLE u (a text NOT NULL, b int);")]
    [InlineData("JSON", "CREATE TABLE u (a json NOT NULL, b int);")]
    [InlineData("SET", "CREATE TABLE u (a SET('x', 'y') NOT NULL, b int);")]
    [InlineData("DATETIME", "CREATE TABLE u (a datetime NOT NULL, b int);")]
    [InlineData("a primary key's column", "CREATE TABLE u (a int PRIMARY KEY, b int);")]
    [InlineData("a column of a composite primary key", "CREATE TABLE u (a int, k int DEFAULT 0, b int, PRIMARY KEY (a, k));")]
    [InlineData("a column added later", "CREATE TABLE u (b int);\nALTER TABLE u ADD COLUMN a int NOT NULL;")]
    [InlineData("a default dropped later", "CREATE TABLE u (a int NOT NULL DEFAULT 1, b int);\nALTER TABLE u ALTER COLUMN a DROP DEFAULT;")]
    [InlineData("made NOT NULL later", "CREATE TABLE u (a int, b int);\nALTER TABLE u MODIFY a int NOT NULL;")]
    [InlineData("a DATETIME with ON UPDATE whose zero default is dropped", "CREATE TABLE u (a datetime NOT NULL ON UPDATE CURRENT_TIMESTAMP, b int);\nALTER TABLE u ALTER COLUMN a DROP DEFAULT;")]
    [InlineData("a renamed column", "CREATE TABLE u (x int NOT NULL, b int);\nALTER TABLE u CHANGE x a bigint NOT NULL;")]
    [InlineData("a TIMESTAMP, read with explicit_defaults_for_timestamp ON as the snapshot reads it", "CREATE TABLE u (a timestamp NOT NULL, b int);")]
    public void AColumnWithoutAValueOfItsOwn_IsRefused(string behaviour, string table)
    {
        var sql = table + "\nINSERT INTO u (b) SELECT 1;";
        var refusal = Assert.Single(Run(sql, SqlDialect.MariaDb).Diagnostics);
        Assert.True(
            (DiagnosticCodes.OmittedColumnWithoutDefault, sql.Split('\n').Length) == (refusal.Code, refusal.Line) && refusal.Message.Contains("column a of u", StringComparison.Ordinal),
            $"{behaviour}: {refusal}");
    }

    [Fact]
    public void ATimestampLeftOut_SaysWhichSettingTheRefusalDependsOn_AndAnOtherColumnDoesNot()
    {
        var timestamp = Assert.Single(Run("CREATE TABLE u (a timestamp(3) NOT NULL, b int);\nINSERT INTO u (b) VALUES (1);", SqlDialect.MariaDb).Diagnostics);
        var value = Assert.Single(Run("CREATE TABLE u (a timestamp NOT NULL, b int);\nINSERT INTO u VALUES (DEFAULT, 1);", SqlDialect.MariaDb).Diagnostics);
        var text = Assert.Single(Run("CREATE TABLE u (a text NOT NULL, b int);\nINSERT INTO u (b) VALUES (1);", SqlDialect.MariaDb).Diagnostics);

        Assert.Contains("with explicit_defaults_for_timestamp ON", timestamp.Message, StringComparison.Ordinal);
        Assert.Contains("with explicit_defaults_for_timestamp ON", value.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("explicit_defaults_for_timestamp", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryColumnLeftOut_IsNamed_TheServersFirst()
    {
        var refusal = Assert.Single(Run("CREATE TABLE u (z text NOT NULL, b int, a int NOT NULL);\nINSERT INTO u (b) VALUES (1);", SqlDialect.MariaDb).Diagnostics);
        Assert.Contains("column z of u", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Field 'z' doesn't have a default value", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("It leaves out a too", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SET sql_mode = '';", false)]
    [InlineData("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';", false)]
    [InlineData("SET sql_mode = 'STRICT_ALL_TABLES';", true)]
    [InlineData("SET sql_mode = 'TRADITIONAL';", true)]
    [InlineData("SET sql_mode = @OLD_SQL_MODE;", true)]
    public void WithoutAStrictSqlMode_TheServerOnlyWarns(string mode, bool refused)
    {
        var diagnostics = Run(Table + mode + "\nINSERT INTO t (b) VALUES (1);", SqlDialect.MariaDb).Diagnostics;
        Assert.Equal(refused, diagnostics.Any(d => d.Code == DiagnosticCodes.OmittedColumnWithoutDefault));
    }

    [Fact]
    public void ATemporaryTable_IsNotChecked()
        => Assert.Empty(Run(Table + "CREATE TEMPORARY TABLE t (b int);\nINSERT INTO t (b) VALUES (1);", SqlDialect.MariaDb).Diagnostics);

    [Fact]
    public void ACastToJson_IsTheRefusalReported()
    {
        var refusal = Assert.Single(Run(Table + "INSERT INTO t (b) SELECT CAST(b AS JSON) FROM t;", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal(DiagnosticCodes.SyntaxError, refusal.Code);
    }

    [Fact]
    public void TheStatementsAfterIt_AreStillRead()
    {
        var diagnostics = Run(Table + "INSERT INTO t (b) VALUES (1);\nINSERT INTO t (a) VALUES (1);\nREPLACE INTO t (e) VALUES ('x');", SqlDialect.MariaDb).Diagnostics;
        Assert.Equal([2, 4], diagnostics.Select(d => d.Line));
    }

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.Postgres)]
    public void OtherDialects_AreNotChecked(SqlDialect dialect)
        => Assert.Empty(Run("CREATE TABLE u (a int NOT NULL, b int);\nINSERT INTO u (b) VALUES (1);", dialect).Diagnostics);
}
