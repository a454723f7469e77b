using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// AUTO_INCREMENT makes a column NOT NULL whether or not it is the primary key, in MySQL 8's
/// grammar (the attribute sets NOT NULL, parse_tree_column_attrs.h) as in MariaDB 10.11's; a NULL
/// written before it is overridden, one written after it clears it again.
/// </summary>
public class AutoIncrementNullabilityTests
{
    [Theory]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE t (id INT AUTO_INCREMENT, KEY (id));")]
    [InlineData(SqlDialect.MySql, "CREATE TABLE t (id INT AUTO_INCREMENT, KEY (id));")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE t (id INT NULL AUTO_INCREMENT, UNIQUE KEY (id));")]
    [InlineData(SqlDialect.MySql, "CREATE TABLE t (id INT NULL AUTO_INCREMENT, UNIQUE KEY (id));")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE t (id INT, KEY (id));\nALTER TABLE t MODIFY id INT AUTO_INCREMENT;")]
    [InlineData(SqlDialect.MySql, "CREATE TABLE t (id INT, KEY (id));\nALTER TABLE t MODIFY id INT AUTO_INCREMENT;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE t (a INT, KEY (a));\nALTER TABLE t CHANGE a id BIGINT UNSIGNED AUTO_INCREMENT DEFAULT NULL;")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN id INT NULL AUTO_INCREMENT UNIQUE;")]
    public void AutoIncrement_IsNotNull_WithoutAPrimaryKey(SqlDialect dialect, string sql)
        => Assert.False(Clean(sql, dialect).FindTable(My("t"))!.FindColumn("id", dialect)!.IsNullable);

    [Theory]
    [InlineData(SqlDialect.MariaDb)]
    [InlineData(SqlDialect.MySql)]
    public void NullWrittenAfterAutoIncrement_LeavesTheColumnNullable(SqlDialect dialect)
        => Assert.True(Clean("CREATE TABLE t (id INT AUTO_INCREMENT NULL, KEY (id));", dialect).FindTable(My("t"))!.FindColumn("id", dialect)!.IsNullable);

    [Fact]
    public void ModifyWithoutAutoIncrement_MakesTheColumnNullableAgain()
    {
        var catalog = Clean("CREATE TABLE t (id INT AUTO_INCREMENT, KEY (id));\nALTER TABLE t MODIFY id INT NULL;", SqlDialect.MariaDb);
        Assert.True(catalog.FindTable(My("t"))!.FindColumn("id", SqlDialect.MariaDb)!.IsNullable);
    }

    [Theory]
    [InlineData(SqlDialect.MySql, "CREATE TABLE t (id INT AUTO_INCREMENT, n INT);", "would be in no key")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE t (id SERIAL, n INT AUTO_INCREMENT, KEY (n));", "would have 2 AUTO_INCREMENT columns (id, n)")]
    [InlineData(SqlDialect.MariaDb, "CREATE TABLE t (id INT AUTO_INCREMENT, UNIQUE KEY u (id));\nALTER TABLE t DROP INDEX u;", "would be in no key")]
    public void AutoIncrementTheServerRefuses_IsST3052_AndTheStatementIsNotApplied(SqlDialect dialect, string sql, string why)
    {
        var (catalog, diagnostics) = Run(sql, dialect);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((SchemaTasks.Diagnostics.DiagnosticCodes.AutoIncrementColumn, sql.Count(c => c == '\n') + 1), (refusal.Code, refusal.Line));
        Assert.Contains(why, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("error 1075", refusal.Message, StringComparison.Ordinal);
        if (sql.Contains("DROP INDEX", StringComparison.Ordinal)) Assert.True(catalog.FindTable(My("t"))!.Keys.ContainsKey("u"));
        else Assert.Null(catalog.FindTable(My("t")));
    }

    [Fact]
    public void PostgresHasNoAutoIncrement_AndSerialColumnsAreNotCounted()
        => Assert.Empty(Run("CREATE TABLE t (a serial, b bigserial);").Diagnostics);
}
