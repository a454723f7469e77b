using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB reads a table's DEFAULTs, generated columns and CHECKs again with each statement that
/// makes or changes them: a name that is no column (1054), a column not computed yet (4029), a
/// function a CHECK or a DEFAULT may not use (1901, 1970) refuse the statement. Every case was run
/// on MariaDB 10.11 first; the differential tests run them again.
/// </summary>
public sealed class MariaDbColumnExpressionTests
{
    private const string Ansi = "SET sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES';\n";

    [Theory]
    [InlineData("a DEFAULT naming no column", "CREATE TABLE t (a int DEFAULT (zz + 1));", 1, 17, "1054")]
    [InlineData("a DEFAULT naming no column in backticks", "CREATE TABLE t (id int, b int DEFAULT (`zz` + 1));", 1, 25, "1054")]
    [InlineData("a double-quoted name inside a longer DEFAULT under ANSI_QUOTES", Ansi + "CREATE TABLE t (a varchar(10) DEFAULT (concat(\"x\", 'y')));", 2, 17, "1054")]
    [InlineData("a double-quoted name of its own column inside a DEFAULT under ANSI_QUOTES", Ansi + "CREATE TABLE t (a int DEFAULT (\"a\" + 1));", 2, 17, "4029")]
    [InlineData("a double-quoted name in a generated column under ANSI_QUOTES", Ansi + "CREATE TABLE t (b int, a int AS (\"zz\" + 1));", 2, 24, "1054")]
    [InlineData("a generated column naming no column", "CREATE TABLE t (a int AS (zz + 1));", 1, 17, "1054")]
    [InlineData("a CHECK naming no column", "CREATE TABLE t (a int, CHECK (a <> zz));", 1, 24, "1054")]
    [InlineData("SET DEFAULT naming no column", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT 5);\nALTER TABLE t ALTER b SET DEFAULT (c);", 2, 15, "1054")]
    [InlineData("DROP COLUMN of a column a DEFAULT names", "CREATE TABLE t (a int, b int DEFAULT (a + 1));\nALTER TABLE t DROP COLUMN a;", 2, 15, "1054")]
    [InlineData("a DEFAULT naming its own column", "CREATE TABLE t (a int DEFAULT (a + 1));", 1, 17, "4029")]
    [InlineData("a DEFAULT naming a later column whose default names a column", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT (c), c int);", 1, 17, "4029")]
    [InlineData("a DEFAULT naming a later column whose default is the time", "CREATE TABLE t (a int DEFAULT (b + 1), b datetime DEFAULT current_timestamp);", 1, 17, "4029")]
    [InlineData("a DEFAULT naming a later generated column", "CREATE TABLE t (a int DEFAULT (g + 1), g int AS (5));", 1, 17, "4029")]
    [InlineData("a DEFAULT naming an earlier generated column", "CREATE TABLE t (g int AS (5), a int DEFAULT (g + 1));", 1, 31, "4029")]
    [InlineData("a generated column naming a later generated column", "CREATE TABLE t (a int AS (b + 1), b int AS (5) STORED);", 1, 17, "4029")]
    [InlineData("a generated column naming itself", "CREATE TABLE t (a int AS (a + 1));", 1, 17, "4029")]
    [InlineData("SET DEFAULT making a later column's default an expression", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT 5, c int);\nALTER TABLE t ALTER b SET DEFAULT (c + 1);", 2, 1, "4029")]
    [InlineData("MODIFY ... FIRST moving a DEFAULT before the column it names", "CREATE TABLE t (b int DEFAULT (c), c int, a int DEFAULT (b + 1));\nALTER TABLE t MODIFY a int DEFAULT (b + 1) FIRST;", 2, 22, "4029")]
    [InlineData("a CHECK calling now()", "CREATE TABLE t (a datetime CHECK (a < now()));", 1, 28, "1901")]
    [InlineData("a CHECK calling rand()", "CREATE TABLE t (a double, CHECK (a < rand()));", 1, 27, "1901")]
    [InlineData("a CHECK naming current_user", "CREATE TABLE t (a varchar(64) CHECK (a <> current_user));", 1, 31, "1901")]
    [InlineData("a CHECK reading a variable", "CREATE TABLE t (a int, CHECK (a <> @x));", 1, 24, "1901")]
    [InlineData("a CHECK reading a system variable", "CREATE TABLE t (a int CHECK (a <> @@auto_increment_increment));", 1, 23, "1901")]
    [InlineData("ADD CONSTRAINT ... CHECK calling uuid()", "CREATE TABLE t (a varchar(40));\nALTER TABLE t ADD CONSTRAINT c CHECK (a <> uuid());", 2, 19, "1901")]
    [InlineData("a CHECK with a subquery", "CREATE TABLE t (a int, CHECK (a <> (SELECT 1)));", 1, 24, "1970")]
    [InlineData("a CHECK calling a stored function", "CREATE FUNCTION f() RETURNS int DETERMINISTIC RETURN 1;\nCREATE TABLE t (a int CHECK (a <> f()));", 2, 23, "1901")]
    [InlineData("a DEFAULT calling sleep()", "CREATE TABLE t (a int DEFAULT (sleep(1)));", 1, 17, "1901")]
    [InlineData("a DEFAULT calling last_insert_id()", "CREATE TABLE t (a int DEFAULT (last_insert_id()));", 1, 17, "1901")]
    [InlineData("a DEFAULT with a subquery", "CREATE TABLE t (a int DEFAULT ((SELECT 1)));", 1, 17, "1901")]
    [InlineData("ADD COLUMN ... DEFAULT calling get_lock()", "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int DEFAULT (get_lock('x', 1));", 2, 26, "1901")]
    public void An_expression_the_server_refuses_is_refused(string behaviour, string sql, int line, int column, string error)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);

        var refusal = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True((line, column) == (refusal.Line, refusal.Column), $"{behaviour}: {refusal}");
        Assert.Contains($"error {error}", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(error switch { "1054" => DiagnosticCodes.ColumnNotFound, "4029" => DiagnosticCodes.ExpressionUsesUncomputedColumn, _ => DiagnosticCodes.GeneratedColumnFunctionRefused }, refusal.Code);
        if (line == 1 || sql.StartsWith("SET", StringComparison.Ordinal)) Assert.Null(catalog.FindTable(My("t")));
    }

    [Theory]
    [InlineData("a DEFAULT naming a later column whose default is a constant", "CREATE TABLE t (a int DEFAULT (b + 1), b int DEFAULT (5 + 1));")]
    [InlineData("a DEFAULT naming a later column with no default", "CREATE TABLE t (a int DEFAULT (b + 1), b int NOT NULL);")]
    [InlineData("a DEFAULT naming an earlier column whose default names a column", "CREATE TABLE t (b int DEFAULT (c), c int, a int DEFAULT (b + 1));")]
    [InlineData("a generated column naming an earlier generated column", "CREATE TABLE t (b int AS (5), a int AS (b + 1));")]
    [InlineData("a generated column naming a later column whose default names a column", "CREATE TABLE t (a int AS (b + 1), b int DEFAULT (5 + c), c int);")]
    [InlineData("a column CHECK naming a later column", "CREATE TABLE t (a int CHECK (a > b), b int);")]
    [InlineData("a DEFAULT calling rand() and reading a variable", "CREATE TABLE t (a double DEFAULT (rand()), b int DEFAULT (@@auto_increment_increment));")]
    [InlineData("a DEFAULT taking a sequence's next value", "CREATE SEQUENCE s;\nCREATE TABLE t (a int DEFAULT (nextval(s)));")]
    [InlineData("a DEFAULT with an interval and a cast", "CREATE TABLE t (a int, b date DEFAULT (date_add('2020-01-01', INTERVAL 1 DAY)), c varchar(5) DEFAULT (convert(a, char)), d int DEFAULT (timestampadd(DAY, 1, a)));")]
    [InlineData("a DEFAULT with an introducer, a bit literal and IS NOT NULL", "CREATE TABLE t (a int, b varchar(5) DEFAULT (_latin1'x'), c bit(3) DEFAULT b'101', d int DEFAULT (a IS NOT NULL));")]
    [InlineData("a double-quoted string inside a DEFAULT without ANSI_QUOTES", "CREATE TABLE t (a varchar(10) DEFAULT (concat(\"x\", 'y')));")]
    [InlineData("a double-quoted column name in a generated column under ANSI_QUOTES", Ansi + "CREATE TABLE t (b int, a int AS (\"b\" + 1));")]
    [InlineData("a rename followed by a DEFAULT, then another ALTER", "CREATE TABLE t (a int, b int AS (a + 1), c int DEFAULT (a + 2));\nALTER TABLE t CHANGE a x int;\nALTER TABLE t ADD d int;")]
    public void An_expression_the_server_takes_is_taken(string behaviour, string sql)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);

        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("; ", diagnostics)}");
        Assert.NotNull(catalog.FindTable(My("t")));
    }

    [Fact]
    public void A_rename_is_followed_by_the_defaults_that_name_the_column()
    {
        var catalog = Clean("CREATE TABLE t (a int, b int DEFAULT (a + 1));\nALTER TABLE t RENAME COLUMN a TO c;", SqlDialect.MariaDb);

        Assert.Equal("c + 1", catalog.FindTable(My("t"))!.FindColumn("b", SqlDialect.MariaDb)!.Default);
    }

    [Fact]
    public void Set_default_of_a_generated_column_is_kept_with_a_warning()
    {
        var (catalog, diagnostics) = Run("CREATE TABLE t (a int, b int AS (a));\nALTER TABLE t ALTER b SET DEFAULT 3;", SqlDialect.MariaDb);

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.GeneratedColumnDefaultIgnored, DiagnosticSeverity.Warning, 2), (warning.Code, warning.Severity, warning.Line));
        Assert.Equal("3", catalog.FindTable(My("t"))!.FindColumn("b", SqlDialect.MariaDb)!.Default); // As information_schema shows it.
    }
}
