using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// Foreign key names are unique in a MySQL 8 database (error 1826) and in a MariaDB database
/// before 12.1 (error 1005, errno 121), without regard to case; MariaDB 12.1 keeps them per table.
/// </summary>
public class MySqlForeignKeyNameClashTests
{
    private const string Parent = "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE a (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));\n";

    [Theory]
    [InlineData("CREATE TABLE b (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));", "fk", "b", 24)]
    [InlineData("CREATE TABLE b (x int, CONSTRAINT FK FOREIGN KEY (x) REFERENCES p (id));", "FK", "b", 24)]
    [InlineData("CREATE TABLE b (x int);\nALTER TABLE b ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id);", "fk", "b", 19)]
    [InlineData("CREATE TABLE d (x int, FOREIGN KEY (x) REFERENCES p (id));\nCREATE TABLE e (x int, CONSTRAINT d_ibfk_1 FOREIGN KEY (x) REFERENCES p (id));", "d_ibfk_1", "e", 24)]
    [InlineData("CREATE TABLE b (x int, CONSTRAINT fk2 FOREIGN KEY (x) REFERENCES p (id));\nRENAME TABLE a TO a2;\nALTER TABLE b ADD y int, ADD CONSTRAINT fk FOREIGN KEY (y) REFERENCES p (id);", "fk", "b", 30)]
    public void NamedLikeAnotherTablesForeignKey_IsReported(string sql, string name, string table, int column)
    {
        var (mariaDb, warnings) = Run(Parent + sql, SqlDialect.MariaDb);
        var warning = Assert.Single(warnings);
        var line = Parent.Split('\n').Length - 1 + sql.Split('\n').Length;
        Assert.Equal((DiagnosticCodes.ForeignKeyNameInUse, DiagnosticSeverity.Warning, line, column), (warning.Code, warning.Severity, warning.Line, warning.Column));
        Assert.Contains($"Foreign key {name} of {table} has the name of a foreign key of ", warning.Message, StringComparison.Ordinal);
        Assert.Contains("refuses it (error 1005, errno 121); 12.1 and later accept it", warning.Message, StringComparison.Ordinal);
        Assert.Contains(name, mariaDb.FindTable(My(table))!.OtherConstraints);

        var (mySql, errors) = Run(Parent + sql, SqlDialect.MySql);
        var error = Assert.Single(errors);
        Assert.Equal((DiagnosticCodes.ConstraintExists, DiagnosticSeverity.Error, line, column), (error.Code, error.Severity, error.Line, error.Column));
        Assert.Contains("refuses it (error 1826)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(name, mySql.FindTable(My(table))!.OtherConstraints);
    }

    [Theory]
    [InlineData("CREATE TABLE f (x int, CONSTRAINT fk UNIQUE (x));\nCREATE TABLE g (x int, CONSTRAINT fk2 CHECK (x > 0));")]
    [InlineData("DROP TABLE a;\nCREATE TABLE b (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));")]
    [InlineData("ALTER TABLE a DROP FOREIGN KEY fk;\nCREATE TABLE b (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));")]
    [InlineData("CREATE TABLE b (x int, CONSTRAINT fk_b FOREIGN KEY (x) REFERENCES p (id));")]
    public void OtherNamesAndKinds_DoNotClash(string sql)
    {
        Clean(Parent + sql, SqlDialect.MariaDb);
        Clean(Parent + sql, SqlDialect.MySql);
    }

    [Fact]
    public void Postgres_KeepsConstraintNamesPerTable()
        => Clean("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE a (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));\nCREATE TABLE b (x int, CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id));");
}
