using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Generated columns whose expression uses what is not the row's alone (ST3066): MariaDB 10.11
/// refuses the time, random and user functions and variables in a STORED column (error 1901) and
/// the session functions in any; MySQL 8's manual refuses them in any generated column.
/// </summary>
public class MySqlGeneratedColumnFunctionTests
{
    [Theory]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) STORED);", "rand()")]
    [InlineData("CREATE TABLE g (a int, b varchar(40) GENERATED ALWAYS AS (UUID()) PERSISTENT);", "uuid()")]
    [InlineData("CREATE TABLE g (a int, b datetime AS (now()) STORED);", "now()")]
    [InlineData("CREATE TABLE g (a int, b datetime AS (current_timestamp) STORED);", "current_timestamp()")]
    [InlineData("CREATE TABLE g (a int, b varchar(50) AS (concat(a, user())) STORED);", "user()")]
    [InlineData("CREATE TABLE g (a int, b int AS (@x) STORED);", "a variable")]
    [InlineData("CREATE TABLE g (a int, b int AS (sleep(0)) VIRTUAL);", "sleep()")]
    [InlineData("CREATE TABLE g (a int, b int AS (last_insert_id()));", "last_insert_id()")]
    [InlineData("CREATE TABLE g (a int);\nALTER TABLE g ADD b double AS (rand()) STORED;", "rand()")]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL);\nALTER TABLE g MODIFY b double AS (rand()) STORED;", "rand()")]
    public void MariaDb_refuses_a_function_not_of_the_row(string sql, string what)
    {
        var (catalog, diagnostics) = Run(sql, SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.GeneratedColumnFunctionRefused, DiagnosticSeverity.Error, sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains(what, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("error 1901", refusal.Message, StringComparison.Ordinal);
        Assert.True(catalog.FindTable(My("g")) is not { } g || g.FindColumn("b", SqlDialect.MariaDb) is null || sql.Contains("VIRTUAL);\nALTER", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CREATE TABLE g (a int, b double AS (rand()) VIRTUAL, c datetime AS (now()), d int AS (@x) VIRTUAL);")]
    [InlineData("CREATE TABLE g (a int, b int AS (unix_timestamp('2020-01-01')) STORED, c varchar(10) AS ('now()') STORED);")]
    [InlineData("CREATE TABLE g (a int, b int AS (a + 1) STORED, now int, c int AS (now + 1) STORED);")]
    public void MariaDb_accepts_what_it_computes_from_the_row_or_keeps_virtual(string sql)
    {
        Assert.Empty(Run(sql, SqlDialect.MariaDb).Diagnostics);
    }

    [Fact]
    public void MySql_refuses_a_function_not_of_the_row_in_a_virtual_column_too()
    {
        var refusal = Assert.Single(Run("CREATE TABLE g (a int, b datetime AS (now()) VIRTUAL);", SqlDialect.MySql).Diagnostics);
        Assert.Equal(DiagnosticCodes.GeneratedColumnFunctionRefused, refusal.Code);
        Assert.Contains("error 3763", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("error 3765", Assert.Single(Run("CREATE TABLE g (a int, b int AS (@x));", SqlDialect.MySql).Diagnostics).Message, StringComparison.Ordinal);
        Assert.Empty(Run("CREATE TABLE g (a int, b int AS (a * 2) VIRTUAL);", SqlDialect.MySql).Diagnostics);
    }
}
