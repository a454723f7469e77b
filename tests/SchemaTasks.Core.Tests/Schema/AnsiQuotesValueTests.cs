using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB under ANSI_QUOTES reads "x" as a name where a string was likely meant: a COMMENT takes
/// only a string (error 1064); a DEFAULT or a CHECK takes a name, which must be a column of the
/// table (error 1054, 4029 for a DEFAULT naming its own column) and is then that column. Every
/// case here was run on MariaDB 10.11 first.
/// </summary>
public sealed class AnsiQuotesValueTests
{
    private const string Ansi = "SET sql_mode = 'ANSI_QUOTES,STRICT_TRANS_TABLES';\n";
    private const string Table = "CREATE TABLE t (a varchar(10), s varchar(10));\n";

    [Theory]
    [InlineData("a column's COMMENT", "CREATE TABLE u (s varchar(10) COMMENT \"x\");", 3, 39, "1064")]
    [InlineData("a COMMENT naming a column", "CREATE TABLE u (s varchar(10) COMMENT \"s\");", 3, 39, "1064")]
    [InlineData("a table's COMMENT", "CREATE TABLE u (s varchar(10)) COMMENT \"x\";", 3, 40, "1064")]
    [InlineData("a table's COMMENT =", "CREATE TABLE u (s varchar(10)) ENGINE=InnoDB COMMENT = \"x\";", 3, 56, "1064")]
    [InlineData("ALTER TABLE ... COMMENT", "ALTER TABLE t COMMENT \"x\";", 3, 23, "1064")]
    [InlineData("MODIFY ... COMMENT", "ALTER TABLE t MODIFY s varchar(10) COMMENT \"x\";", 3, 44, "1064")]
    [InlineData("a DEFAULT naming no column", "CREATE TABLE u (s varchar(10) DEFAULT \"x\");", 3, 39, "1054")]
    [InlineData("a DEFAULT NULL in quotes", "CREATE TABLE u (s int DEFAULT \"NULL\");", 3, 31, "1054")]
    [InlineData("a DEFAULT naming its own column", "CREATE TABLE u (s varchar(10) DEFAULT \"s\");", 3, 39, "4029")]
    [InlineData("a DEFAULT naming a later column whose default is a name", "CREATE TABLE u (b int, a int DEFAULT \"s\", s int DEFAULT \"b\");", 3, 38, "4029")]
    [InlineData("SET DEFAULTs naming each other", "ALTER TABLE t ALTER COLUMN a SET DEFAULT \"s\", ALTER COLUMN s SET DEFAULT \"a\";", 3, 42, "4029")]
    [InlineData("ALTER COLUMN ... SET DEFAULT", "ALTER TABLE t ALTER COLUMN s SET DEFAULT \"x\";", 3, 42, "1054")]
    [InlineData("MODIFY ... DEFAULT", "ALTER TABLE t MODIFY s varchar(10) DEFAULT \"x\";", 3, 44, "1054")]
    [InlineData("ADD COLUMN ... DEFAULT", "ALTER TABLE t ADD COLUMN b int DEFAULT \"x\";", 3, 40, "1054")]
    [InlineData("a table CHECK", "CREATE TABLE u (s varchar(10), CHECK (s IN (\"a\")));", 3, 45, "1054")]
    [InlineData("a column CHECK", "CREATE TABLE u (s varchar(10) CHECK (s IN (\"a\")));", 3, 44, "1054")]
    [InlineData("a named CHECK comparing", "CREATE TABLE u (s varchar(10), CONSTRAINT c CHECK (s = \"x\"));", 3, 56, "1054")]
    [InlineData("ADD CONSTRAINT ... CHECK", "ALTER TABLE t ADD CONSTRAINT c CHECK (s IN (\"x\", \"y\"));", 3, 45, "1054")]
    public void A_double_quoted_value_the_server_refuses_is_refused(string behaviour, string statement, int line, int column, string error)
    {
        var (catalog, diagnostics) = Run(Ansi + Table + statement, SqlDialect.MariaDb);

        var refusal = Assert.Single(diagnostics);
        Assert.True((DiagnosticSeverity.Error, line, column) == (refusal.Severity, refusal.Line, refusal.Column), $"{behaviour}: {refusal}");
        Assert.Contains($"error {error}", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(error switch { "1064" => DiagnosticCodes.SyntaxError, "1054" => DiagnosticCodes.ColumnNotFound, _ => DiagnosticCodes.DefaultNamesItsColumn }, refusal.Code);
        Assert.Null(catalog.FindTable(My("u")));
        Assert.Null(catalog.FindTable(My("t"))!.FindColumn("b", SqlDialect.MariaDb));
        Assert.Null(catalog.FindTable(My("t"))!.FindColumn("s", SqlDialect.MariaDb)!.Default);
        Assert.Empty(catalog.FindTable(My("t"))!.Checks);
    }

    [Theory]
    [InlineData("a DEFAULT naming another column", "CREATE TABLE u (a int, s int DEFAULT \"a\");", "u", "s", "a")]
    [InlineData("a DEFAULT naming a column after it, in another case", "CREATE TABLE u (s int DEFAULT \"A\", a int);", "u", "s", "a")]
    [InlineData("SET DEFAULT naming a column", "ALTER TABLE t ALTER COLUMN s SET DEFAULT \"a\";", "t", "s", "a")]
    [InlineData("a DEFAULT naming an earlier column whose default is a name", "CREATE TABLE u (b int, s int DEFAULT \"b\", a int DEFAULT \"s\");", "u", "a", "s")]
    [InlineData("ADD COLUMN ... DEFAULT naming a column", "ALTER TABLE t ADD COLUMN b varchar(10) DEFAULT \"a\";", "t", "b", "a")]
    public void A_double_quoted_default_naming_a_column_is_that_column(string behaviour, string statement, string table, string column, string expected)
    {
        var (catalog, diagnostics) = Run(Ansi + Table + statement, SqlDialect.MariaDb);

        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("; ", diagnostics)}");
        Assert.Equal(expected, catalog.FindTable(My(table))!.FindColumn(column, SqlDialect.MariaDb)!.Default);
    }

    [Theory]
    [InlineData("a table CHECK naming its column", "CREATE TABLE u (s varchar(10), CHECK (s IN (\"s\")));")]
    [InlineData("a column CHECK naming another column", "CREATE TABLE u (a varchar(10), s varchar(10) CHECK (s IN (\"a\")));")]
    [InlineData("a column CHECK naming a column after it, in another case", "CREATE TABLE u (s varchar(5), a int CHECK (a IN (\"S\")));")]
    [InlineData("ADD CONSTRAINT ... CHECK naming a column", "ALTER TABLE t ADD CONSTRAINT c CHECK (s IN (\"a\"));")]
    public void A_double_quoted_name_in_a_check_naming_a_column_is_that_column(string behaviour, string statement)
    {
        var (catalog, diagnostics) = Run(Ansi + Table + statement, SqlDialect.MariaDb);

        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("; ", diagnostics)}");
        var check = Assert.Single((catalog.FindTable(My("u")) ?? catalog.FindTable(My("t")))!.Checks);
        Assert.False(check.IsValueSet, $"{behaviour}: {check}");
    }

    [Fact]
    public void Without_ANSI_QUOTES_double_quotes_are_strings()
    {
        var (catalog, diagnostics) = Run(Table + "CREATE TABLE u (s varchar(10) DEFAULT \"x\" COMMENT \"c\", CHECK (s IN (\"x\", \"y\")));", SqlDialect.MariaDb);

        Assert.Empty(diagnostics);
        Assert.True(Assert.Single(catalog.FindTable(My("u"))!.Checks).IsValueSet);
    }
}
