using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// MariaDB in its default, strict sql_mode refuses an INSERT or REPLACE writing a string an ENUM
/// column has no label for (error 1265, Data truncated): ST3143 at the literal. Every case here
/// was run on MariaDB 10.11 first.
/// </summary>
public sealed class MariaDbEnumLiteralTests
{
    private const string Table = "CREATE TABLE t (id int PRIMARY KEY, s ENUM('a','b','B2') NOT NULL, n varchar(10));\n";
    private const string Set = "CREATE TABLE v (id int PRIMARY KEY, s SET('a','b') NOT NULL);\n";

    [Theory]
    [InlineData("all columns", "INSERT INTO t VALUES (1, 'c', 'c');", 26)]
    [InlineData("a column list naming it", "INSERT INTO t (s, id) VALUES ('c', 1);", 31)]
    [InlineData("set", "INSERT INTO t SET id = 1, s = 'c';", 31)]
    [InlineData("set before on duplicate key update", "INSERT INTO t SET id = 1, s = 'c' ON DUPLICATE KEY UPDATE n = 'x';", 31)]
    [InlineData("replace", "REPLACE INTO t VALUES (1, 'c', NULL);", 27)]
    [InlineData("the empty string", "INSERT INTO t VALUES (1, '', NULL);", 26)]
    [InlineData("a leading space", "INSERT INTO t VALUES (1, ' a', NULL);", 26)]
    [InlineData("returning", "INSERT INTO t (id, s) VALUES (1, 'zz') RETURNING id;", 34)]
    [InlineData("a strict mode set", "SET sql_mode = 'STRICT_ALL_TABLES';\nINSERT INTO t (id, s) VALUES (1, 'c');", 34)]
    public void A_string_the_enum_lacks_is_refused(string behaviour, string statement, int column)
    {
        var diagnostics = Run(Table + statement, SqlDialect.MariaDb).Diagnostics;
        var refusal = Assert.Single(diagnostics);
        Assert.True(
            (DiagnosticCodes.EnumLabelUnknown, DiagnosticSeverity.Error, statement.Count(c => c == '\n') + 2, column) == (refusal.Code, refusal.Severity, refusal.Line, refusal.Column),
            $"{behaviour}: {refusal}");
        Assert.Contains("column s of t", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("error 1265", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a member it lacks", "INSERT INTO v VALUES (1, 'c');")]
    [InlineData("a member among others", "INSERT INTO v VALUES (1, 'a,c');")]
    [InlineData("a leading space", "INSERT INTO v VALUES (1, 'a, b');")]
    public void A_set_member_the_column_lacks_is_refused(string behaviour, string statement)
    {
        var refusal = Assert.Single(Run(Set + statement, SqlDialect.MariaDb).Diagnostics);
        Assert.True((DiagnosticCodes.EnumLabelUnknown, DiagnosticSeverity.Error, 2, 26) == (refusal.Code, refusal.Severity, refusal.Line, refusal.Column), $"{behaviour}: {refusal}");
        Assert.Contains("a SET without a member", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("members in another case", "INSERT INTO v VALUES (1, 'A,b'), (2, 'b,a,a');")]
    [InlineData("the empty set", "INSERT INTO v VALUES (1, '');")]
    [InlineData("trailing spaces", "INSERT INTO v VALUES (1, 'a,b  ');")]
    [InlineData("a number, bits", "INSERT INTO v VALUES (1, '3');")]
    public void A_set_value_the_server_takes_is_not_reported(string behaviour, string statement)
    {
        var diagnostics = Run(Set + statement, SqlDialect.MariaDb).Diagnostics;
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("; ", diagnostics)}");
    }

    [Fact]
    public void A_later_row_is_a_warning()
    {
        var warning = Assert.Single(Run(Table + "INSERT INTO t VALUES (1, 'a', NULL), (2, 'c', NULL);", SqlDialect.MariaDb).Diagnostics);
        Assert.Equal((DiagnosticCodes.EnumLabelUnknown, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("row 2", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a label in another case", "INSERT INTO t VALUES (1, 'A', NULL), (2, 'b2', NULL);")]
    [InlineData("trailing spaces", "INSERT INTO t VALUES (1, 'a  ', NULL);")]
    [InlineData("a numeric string, an index", "INSERT INTO t VALUES (1, '3', NULL), (2, '01', NULL), (3, '2 ', NULL);")]
    [InlineData("a literal in an expression", "INSERT INTO t (id, s) VALUES (1, 'c' = 'c'), (2, 'c' <> 'x');")]
    [InlineData("another column", "INSERT INTO t (id, s, n) VALUES (1, 'a', 'c');")]
    [InlineData("insert ignore", "INSERT IGNORE INTO t VALUES (1, 'c', NULL);")]
    [InlineData("a sql_mode that is not strict", "SET sql_mode = '';\nINSERT INTO t VALUES (1, 'c', NULL);")]
    [InlineData("on duplicate key update", "INSERT INTO t VALUES (1, 'a', NULL) ON DUPLICATE KEY UPDATE s = 'c';")]
    [InlineData("a query", "INSERT INTO t (id, s) SELECT 1, 'c' FROM DUAL WHERE 1 = 0;")]
    [InlineData("an UPDATE, which may touch no row", "UPDATE t SET s = 'c' WHERE 1 = 0;")]
    [InlineData("a label added first", "ALTER TABLE t MODIFY s ENUM('a','b','B2','c') NOT NULL;\nINSERT INTO t VALUES (1, 'c', NULL);")]
    [InlineData("a character set introducer", "INSERT INTO t VALUES (1, _utf8mb4'a', NULL);")]
    public void A_value_the_server_may_take_is_not_reported(string behaviour, string statement)
    {
        var diagnostics = Run(Table + statement, SqlDialect.MariaDb).Diagnostics;
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("; ", diagnostics)}");
    }
}
