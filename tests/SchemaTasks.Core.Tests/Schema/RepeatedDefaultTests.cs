using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A column definition with two DEFAULT clauses: MySQL and MariaDB keep the last and never judge
/// the others; PostgreSQL refuses the statement (42601, multiple default values specified for
/// column). Verified on MariaDB 10.11 and PostgreSQL 15.
/// </summary>
public sealed class RepeatedDefaultTests
{
    [Theory]
    [InlineData("tinyint(1) DEFAULT NULL DEFAULT '1'", "1", true)]
    [InlineData("int DEFAULT 1 DEFAULT 2", "2", true)]
    [InlineData("int DEFAULT NULL NOT NULL DEFAULT 1", "1", false)]
    [InlineData("int DEFAULT 1 DEFAULT NULL", null, true)]
    [InlineData("int DEFAULT 1 COMMENT 'x' DEFAULT 2", "2", true)]
    [InlineData("int DEFAULT 1 NULL DEFAULT 2 NOT NULL", "2", false)]
    [InlineData("varchar(5) DEFAULT 'abcdefg' DEFAULT 'a'", "'a'", true)]
    [InlineData("int DEFAULT (1+1) DEFAULT 3", "3", true)]
    public void MySqlFamily_keeps_the_last_default(string definition, string? stored, bool nullable)
    {
        foreach (var dialect in new[] { SqlDialect.MariaDb, SqlDialect.MySql })
        {
            var column = Clean($"CREATE TABLE t (c {definition});", dialect).FindTable(My("t"))!.Columns[0];
            Assert.Equal((stored, nullable), (column.Default, column.IsNullable));
        }
    }

    [Fact]
    public void MySqlFamily_on_update_ends_before_a_default()
    {
        var column = Clean("CREATE TABLE t (c timestamp NOT NULL ON UPDATE CURRENT_TIMESTAMP DEFAULT CURRENT_TIMESTAMP);", SqlDialect.MariaDb).FindTable(My("t"))!.Columns[0];
        Assert.Equal("current_timestamp", column.Default);
    }

    [Fact]
    public void MySqlFamily_a_last_default_null_on_a_not_null_column_is_refused_there()
    {
        var (_, diagnostics) = Run("CREATE TABLE t (c int NOT NULL DEFAULT 1 DEFAULT NULL);", SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.NullDefaultOnNotNullColumn, 1, 42), (refusal.Code, refusal.Line, refusal.Column));
    }

    [Theory]
    [InlineData("CREATE TABLE t (c smallint DEFAULT NULL DEFAULT 1);", 1, 41)]
    [InlineData("CREATE TABLE t (c int DEFAULT 1 NOT NULL DEFAULT 1);", 1, 42)]
    [InlineData("CREATE TABLE t (c int);\nALTER TABLE t ADD COLUMN d int DEFAULT 1 DEFAULT 2;", 2, 42)]
    public void Postgres_refuses_a_second_default_at_it(string sql, int line, int column)
    {
        var (catalog, diagnostics) = Run(sql);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.SyntaxError, DiagnosticSeverity.Error, line, column), (refusal.Code, refusal.Severity, refusal.Line, refusal.Column));
        Assert.Contains("42601", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(line == 1 ? null : 1, (int?)catalog.FindTable(Pg("t"))?.Columns.Length);
    }
}
