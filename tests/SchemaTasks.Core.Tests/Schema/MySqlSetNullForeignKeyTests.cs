using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A foreign key ON DELETE/UPDATE SET NULL over a NOT NULL column: MariaDB refuses to make it
/// (error 1005, errno 150) and refuses to make a column of a kept one NOT NULL (error 1830), even
/// with foreign key checks off; the engine reports ST3018 at that statement. MySQL 8 by its
/// manual (error 1830), where an inline REFERENCES makes no foreign key.
/// </summary>
public class MySqlSetNullForeignKeyTests
{
    private const string Parent = "CREATE TABLE p (id int PRIMARY KEY);\n";

    [Theory]
    [InlineData("CREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", "errno 150")]
    [InlineData("CREATE TABLE c (x int NOT NULL, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE CASCADE ON UPDATE SET NULL);", "errno 150")]
    [InlineData("CREATE TABLE c (x int NOT NULL REFERENCES p (id) ON DELETE SET NULL);", "errno 150")]
    [InlineData("CREATE TABLE c (x int PRIMARY KEY, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", "errno 150")]
    [InlineData("SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", "errno 150")]
    [InlineData("CREATE TABLE c (x int NOT NULL);\nALTER TABLE c ADD FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL;", "errno 150")]
    [InlineData("CREATE TABLE c (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);\nALTER TABLE c MODIFY x int NOT NULL;", "error 1830")]
    [InlineData("CREATE TABLE c (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);\nALTER TABLE c CHANGE x y int NOT NULL;", "error 1830")]
    [InlineData("CREATE TABLE c (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);\nALTER TABLE c ADD PRIMARY KEY (x);", "error 1830")]
    [InlineData("CREATE TABLE c (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);\nSET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE c MODIFY x int NOT NULL;", "error 1830")]
    public void MariaDb_refuses_set_null_over_a_not_null_column(string sql, string error)
    {
        var (catalog, diagnostics) = Run(Parent + sql, SqlDialect.MariaDb);
        var refusal = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.KeyNeededByForeignKey, DiagnosticSeverity.Error, 1 + sql.Split('\n').Length), (refusal.Code, refusal.Severity, refusal.Line));
        Assert.Contains(error, refusal.Message, StringComparison.Ordinal);
        // The statement changes nothing: no such foreign key over a NOT NULL column is left.
        var c = catalog.FindTable(My("c"));
        Assert.True(c is null || c.Keys.Values.All(k => k.Kind != ConstraintKind.ForeignKey) || c.Columns.Single(col => col.Name == "x").IsNullable);
    }

    [Theory]
    [InlineData("CREATE TABLE c (x int, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL ON UPDATE SET NULL);")]
    [InlineData("CREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE CASCADE ON UPDATE SET DEFAULT);")]
    [InlineData("CREATE TABLE c (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);\nALTER TABLE c MODIFY x int NOT NULL, DROP FOREIGN KEY fk;")]
    [InlineData("CREATE TABLE c (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);\nALTER TABLE c DROP FOREIGN KEY fk, MODIFY x int NOT NULL;")]
    [InlineData("CREATE TABLE c (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);\nALTER TABLE c CHANGE x y int;")]
    public void MariaDb_accepts_set_null_over_nullable_columns(string sql)
    {
        Assert.Empty(Run(Parent + sql, SqlDialect.MariaDb).Diagnostics);
    }

    [Fact]
    public void MySql_refuses_it_by_its_manual_except_with_the_checks_off_and_for_an_inline_reference()
    {
        var refusal = Assert.Single(Run(Parent + "CREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", SqlDialect.MySql).Diagnostics);
        Assert.Equal(DiagnosticCodes.KeyNeededByForeignKey, refusal.Code);
        Assert.Contains("error 1830", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(Run(Parent + "SET FOREIGN_KEY_CHECKS = 0;\nCREATE TABLE c (x int NOT NULL, FOREIGN KEY (x) REFERENCES p (id) ON DELETE SET NULL);", SqlDialect.MySql).Diagnostics);
        Assert.Empty(Run(Parent + "CREATE TABLE c (x int NOT NULL REFERENCES p (id) ON DELETE SET NULL);", SqlDialect.MySql).Diagnostics);
    }
}
