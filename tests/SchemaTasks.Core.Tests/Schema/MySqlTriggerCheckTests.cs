using SchemaTasks.Core.Tests.Migrations;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

// MySQL and MariaDB check a trigger's table and the rows and columns its body names when they create it.
public class MySqlTriggerCheckTests
{
    private const string Table = "CREATE TABLE a (id int, n int);\n";

    private static IReadOnlyList<SchemaDiagnostic> Build(string sql, SqlDialect dialect = SqlDialect.MariaDb)
        => SchemaEngine.Build(new MigrationFolder().With("1_t.sql", sql).DiscoverClean(MigrationLayout.Plain), dialect).Diagnostics;

    [Theory]
    [InlineData("CREATE TRIGGER t BEFORE INSERT ON nope FOR EACH ROW SET NEW.n = 1;", DiagnosticCodes.TableNotFound, "error 1146")]
    [InlineData(Table + "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.n = OLD.n;", DiagnosticCodes.TriggerRowRefused, "error 1363, There is no OLD row in on INSERT trigger")]
    [InlineData(Table + "CREATE TRIGGER t BEFORE DELETE ON a FOR EACH ROW SET @x = NEW.n;", DiagnosticCodes.TriggerRowRefused, "error 1363, There is no NEW row in on DELETE trigger")]
    [InlineData(Table + "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW SET NEW.n = 1;", DiagnosticCodes.TriggerRowRefused, "error 1362")]
    [InlineData(Table + "CREATE DEFINER = CURRENT_USER TRIGGER t BEFORE UPDATE ON a FOR EACH ROW SET @x = new.zz;", DiagnosticCodes.ColumnNotFound, "Unknown column 'zz' in 'NEW'")]
    [InlineData(Table + "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW BEGIN\n  IF NEW.n > 0 THEN SET NEW.id = OLD.missing; END IF;\nEND;", DiagnosticCodes.ColumnNotFound, "Unknown column 'missing' in 'OLD'")]
    public void What_the_server_refuses_is_reported_at_the_statement(string sql, string code, string says)
    {
        var error = Assert.Single(Build(sql));

        Assert.Equal(code, error.Code);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Table + "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.N = NEW.id + 1;")]
    [InlineData(Table + "CREATE TRIGGER t AFTER UPDATE ON a FOR EACH ROW SET @x = NEW.n - OLD.n;")]
    [InlineData(Table + "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET @x = 'NEW.zz';")]
    [InlineData(Table + "CREATE TEMPORARY TABLE tt (id int);\nCREATE TABLE log (id int);\nCREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW INSERT INTO log SELECT new.id FROM log AS new;")]
    [InlineData("CREATE TRIGGER t BEFORE INSERT ON other_db.a FOR EACH ROW SET NEW.zz = 1;")]
    [InlineData(Table + "CREATE VIEW v AS SELECT id FROM a;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET @x = (SELECT count(*) FROM v);")]
    public void What_the_server_takes_or_may_take_is_not_reported(string sql)
    {
        Assert.DoesNotContain(Build(sql), d => d.Severity == DiagnosticSeverity.Error);
    }
}
