using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A CREATE TRIGGER the server checks and refuses: a missing table (1146), a row the event lacks
/// (1363), NEW set in an AFTER trigger (1362), a column the table lacks (1054). The engine
/// reports each at that statement. Run against MariaDB.
/// </summary>
public sealed class MariaDbTriggerCheckTests
{
    private const string Table = "CREATE TABLE a (id int, n int);\n";

    [MySqlTheory]
    [InlineData("a missing table", "CREATE TRIGGER t BEFORE INSERT ON nope FOR EACH ROW SET NEW.n = 1;", DiagnosticCodes.TableNotFound, 1146)]
    [InlineData("OLD in an INSERT trigger", Table + "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.n = OLD.n;", DiagnosticCodes.TriggerRowRefused, 1363)]
    [InlineData("NEW in a DELETE trigger", Table + "CREATE TRIGGER t BEFORE DELETE ON a FOR EACH ROW DELETE FROM a WHERE id = NEW.n;", DiagnosticCodes.TriggerRowRefused, 1363)]
    [InlineData("NEW set after the row is written", Table + "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW SET NEW.n = 1;", DiagnosticCodes.TriggerRowRefused, 1362)]
    [InlineData("a missing column", Table + "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW SET NEW.id = NEW.zz;", DiagnosticCodes.ColumnNotFound, 1054)]
    public async Task The_server_refuses_the_trigger_where_the_engine_reports_it(string behaviour, string sql, string code, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(behaviour, sql, code, error);
    }

    [MySqlTheory]
    [InlineData("NEW and OLD as the event has them", Table + "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW SET NEW.N = OLD.n + 1;")]
    [InlineData("a string that reads like a row", Table + "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.n = CHAR_LENGTH('NEW.zz');")]
    public async Task Triggers_the_server_takes_match_it(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql, SqlDialect.MariaDb);
    }
}
