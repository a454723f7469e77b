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
    [InlineData("a national string", "INSERT INTO t VALUES (1, N'c', NULL);", 26)]
    [InlineData("a charset introducer", "INSERT INTO t VALUES (1, _utf8mb4'c', NULL);", 34)]
    [InlineData("a latin1 introducer", "INSERT INTO t SET id = 1, s = _latin1 'c';", 39)]
    [InlineData("a hexadecimal string", "INSERT INTO t VALUES (1, X'7a', NULL);", 26)]
    [InlineData("index 0, the empty error value", "INSERT INTO t VALUES (1, '0', NULL);", 26)]
    [InlineData("zeros", "INSERT INTO t VALUES (1, '00', NULL);", 26)]
    [InlineData("an index past the labels", "INSERT INTO t VALUES (1, '4', NULL);", 26)]
    [InlineData("a negative index", "INSERT INTO t VALUES (1, '-1', NULL);", 26)]
    [InlineData("a decimal", "INSERT INTO t VALUES (1, '1.0', NULL);", 26)]
    [InlineData("an index in six characters", "INSERT INTO t VALUES (1, '000003', NULL);", 26)]
    [InlineData("a number and a letter", "INSERT INTO t VALUES (1, '3x', NULL);", 26)]
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
    [InlineData("members repeated", "INSERT INTO v VALUES (1, 'b,a,a');")]
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
    [InlineData("trailing spaces", "INSERT INTO t VALUES (1, 'a  ', NULL);")]
    [InlineData("a numeric string, an index", "INSERT INTO t VALUES (1, '3', NULL), (2, '01', NULL), (3, '2 ', NULL);")]
    [InlineData("an index after spaces or a plus", "INSERT INTO t VALUES (1, '  3', NULL), (2, ' +3', NULL), (3, '00003', NULL);")]
    [InlineData("prefixed labels", "INSERT INTO t VALUES (1, N'a', NULL), (2, _latin1'B2', NULL), (3, X'62', NULL), (4, _binary'a', NULL);")]
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

    private const string CaseSensitive = "CREATE TABLE u (id int PRIMARY KEY, s ENUM('a','b') COLLATE utf8mb4_bin NOT NULL, v SET('a','b') CHARACTER SET latin1 COLLATE latin1_general_cs);\n";
    private const string CaseInsensitive = "CREATE TABLE u (id int PRIMARY KEY, s ENUM('a','b') NOT NULL, v SET('a','b')) DEFAULT CHARSET=utf8mb4;\n";

    [Theory]
    [InlineData("a label in another case", "INSERT INTO u (id, s) VALUES (1, 'A');", 34)]
    [InlineData("a hexadecimal string in another case", "INSERT INTO u SET id = 1, s = X'41';", 31)]
    [InlineData("a binary string in another case", "INSERT INTO u SET id = 1, s = _binary'A';", 38)]
    [InlineData("a set member in another case", "INSERT INTO u (id, s, v) VALUES (1, 'a', 'a,B');", 42)]
    public void A_case_sensitive_collation_refuses_another_case(string behaviour, string statement, int column)
    {
        var refusal = Assert.Single(Run(CaseSensitive + statement, SqlDialect.MariaDb).Diagnostics);
        Assert.True((DiagnosticCodes.EnumLabelUnknown, DiagnosticSeverity.Error, 2, column) == (refusal.Code, refusal.Severity, refusal.Line, refusal.Column), $"{behaviour}: {refusal}");
        Assert.Contains("error 1265", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a label in another case", "INSERT INTO u (id, s, v) VALUES (1, 'A', 'B,a'), (2, 'b ', 'A');")]
    [InlineData("a binary string in another case", "INSERT INTO u SET id = 1, s = _binary'B';")]
    [InlineData("the labels as written", "INSERT INTO u (id, s, v) VALUES (1, 'a', 'b,a');")]
    public void A_case_insensitive_collation_takes_another_case(string behaviour, string statement)
    {
        var diagnostics = Run(CaseInsensitive + statement, SqlDialect.MariaDb).Diagnostics;
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("; ", diagnostics)}");
        Assert.Empty(Run(CaseSensitive + statement.Replace("'A'", "'a'", StringComparison.Ordinal).Replace("'B", "'b", StringComparison.Ordinal), SqlDialect.MariaDb).Diagnostics);
    }

    [Theory]
    [InlineData("an enum label", "INSERT INTO t VALUES (1, 'A', NULL), (2, 'b2', NULL);", 2)]
    [InlineData("a set member", "INSERT INTO v VALUES (1, 'A,b');", 1)]
    public void Another_case_under_an_unknown_collation_is_undecided(string behaviour, string statement, int warnings)
    {
        var diagnostics = Run(Table + Set + statement, SqlDialect.MariaDb).Diagnostics;
        Assert.True(diagnostics.Count == warnings && diagnostics.All(d => (d.Code, d.Severity) == (DiagnosticCodes.EnumLabelCaseUndecided, DiagnosticSeverity.Warning)), $"{behaviour}: {string.Join("; ", diagnostics)}");
        Assert.Contains("collation", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bits past the members", "INSERT INTO v VALUES (1, '4');", true)]
    [InlineData("bits of the members", "INSERT INTO v VALUES (1, '0'), (2, '3'), (3, ' +2');", false)]
    [InlineData("a decimal", "INSERT INTO v VALUES (1, '1.4');", true)]
    [InlineData("a trailing space", "INSERT INTO v VALUES (1, '1 ');", true)]
    [InlineData("a negative number", "INSERT INTO v VALUES (1, '-1');", true)]
    [InlineData("minus zero, the empty set", "INSERT INTO v VALUES (1, '-0');", false)]
    public void A_set_number_is_its_bits(string behaviour, string statement, bool refused)
    {
        var diagnostics = Run(Set + statement, SqlDialect.MariaDb).Diagnostics;
        Assert.True(refused ? diagnostics is [{ Code: DiagnosticCodes.EnumLabelUnknown, Severity: DiagnosticSeverity.Error }] : diagnostics.Count == 0, $"{behaviour}: {string.Join("; ", diagnostics)}");
    }
}
