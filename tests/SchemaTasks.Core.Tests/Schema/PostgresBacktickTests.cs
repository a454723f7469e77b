using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A MySQL-style backtick in a PostgreSQL migration, outside strings, comments and quoted names:
/// the server refuses the statement, so it is reported at its place, once a statement, in a data
/// statement too (apache/shenyu's INSERT). A backtick inside a string or quoted name, or in a
/// statement about operators (of which it may be one), is not.
/// </summary>
public class PostgresBacktickTests
{
    [Theory]
    [InlineData("INSERT INTO t (id, name) VALUES (1, `x`);", 37)]
    [InlineData("INSERT INTO t (id, `name`) VALUES (1, '`');", 20)]
    [InlineData("CREATE TABLE `u` (id int);", 14)]
    [InlineData("SELECT 1 ` 2;", 10)]
    public void ABacktickOutsideStrings_IsReportedAtItsPlace(string statement, int column)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int, name text);\n" + statement);
        var finding = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.PostgresBacktick);
        Assert.Equal((2, column), (finding.Line, finding.Column));
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
    }

    [Fact]
    public void OneStatement_IsReportedOnce_AndTheNextAgain()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int, name text);\nINSERT INTO `t` (`id`) VALUES (1);\nINSERT INTO `t` VALUES (2);");
        Assert.Equal([2, 3], diagnostics.Where(d => d.Code == DiagnosticCodes.PostgresBacktick).Select(d => d.Line));
    }

    [Theory]
    [InlineData("INSERT INTO t (id, name) VALUES (1, 'a`b');")]
    [InlineData("INSERT INTO t (id, \"name\") VALUES (1, $x$`$x$); -- `")]
    [InlineData("/* ` */ INSERT INTO t (id, name) VALUES (1, E'\\'`');")]
    [InlineData("CREATE FUNCTION bt(int, int) RETURNS int LANGUAGE sql AS 'SELECT $1 + $2'; CREATE OPERATOR ` (FUNCTION = bt, LEFTARG = int, RIGHTARG = int); SELECT 1 ` 2;")]
    public void ABacktickTheServerTakes_IsNotReported(string statements)
    {
        var (_, diagnostics) = Run("CREATE TABLE t (id int, name text);\n" + statements);
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.PostgresBacktick);
    }

    [Fact]
    public void MySql_QuotesNamesWithBackticks()
    {
        var (_, diagnostics) = Run("CREATE TABLE `t` (`id` int);", SqlDialect.MariaDb);
        Assert.Empty(diagnostics);
    }
}
