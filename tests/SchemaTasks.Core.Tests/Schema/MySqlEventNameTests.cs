using SchemaTasks.Core.Tests.Migrations;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

// MySQL and MariaDB refuse a second CREATE EVENT of a name (1537) and a DROP or ALTER of one that is
// not there (1539); names compare in any case. An event's body runs when the scheduler says, so one
// that may change a table is said (ST3128).
public class MySqlEventNameTests
{
    private const string Event = "CREATE TABLE a (id int);\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a;\n";

    private static IReadOnlyList<SchemaDiagnostic> Build(string sql, SqlDialect dialect = SqlDialect.MariaDb)
        => SchemaEngine.Build(new MigrationFolder().With("1_e.sql", sql).DiscoverClean(MigrationLayout.Plain), dialect).Diagnostics;

    [Theory]
    [InlineData(Event + "CREATE EVENT E ON SCHEDULE EVERY 2 DAY DO DELETE FROM a;", DiagnosticCodes.TriggerOrEventExists, "error 1537, Event 'E' already exists")]
    [InlineData(Event + "CREATE EVENT f ON SCHEDULE EVERY 1 DAY DO DELETE FROM a;\nALTER EVENT e RENAME TO F;", DiagnosticCodes.TriggerOrEventExists, "error 1537, Event 'F' already exists")]
    [InlineData(Event + "ALTER EVENT e RENAME TO E;", DiagnosticCodes.TriggerOrEventExists, "error 1551, Same old and new event name")]
    [InlineData("DROP EVENT nope;", DiagnosticCodes.TriggerOrEventNotFound, "error 1539, Unknown event 'nope'")]
    [InlineData(Event + "ALTER EVENT e RENAME TO f;\nDROP EVENT e;", DiagnosticCodes.TriggerOrEventNotFound, "error 1539, Unknown event 'e'")]
    [InlineData(Event + "DROP EVENT E;\nALTER DEFINER = CURRENT_USER EVENT e DISABLE;", DiagnosticCodes.TriggerOrEventNotFound, "error 1539, Unknown event 'e'")]
    public void What_the_server_refuses_is_reported_at_the_name(string sql, string code, string says)
    {
        var error = Assert.Single(Build(sql));

        Assert.Equal((code, sql.Split('\n').Length), (error.Code, error.Line));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Event + "CREATE EVENT IF NOT EXISTS E ON SCHEDULE EVERY 2 DAY DO DELETE FROM a;")]
    [InlineData(Event + "CREATE OR REPLACE EVENT E ON SCHEDULE EVERY 2 DAY DO DELETE FROM a;\nDROP EVENT e;")]
    [InlineData(Event + "ALTER EVENT E RENAME TO f;\nALTER EVENT f DISABLE;\nDROP EVENT F;\nDROP EVENT IF EXISTS f;")]
    [InlineData(Event + "ALTER EVENT e ON SCHEDULE EVERY 2 DAY DO DELETE FROM a WHERE id IN (SELECT 1);\nDROP TABLE a;\nDROP EVENT e;")]
    [InlineData(Event + "PREPARE s FROM 'DROP EVENT e';\nEXECUTE s;\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a;")]
    public void What_the_server_takes_is_not_reported(string sql)
    {
        Assert.Empty(Build(sql));
    }

    [Theory]
    [InlineData("CREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP DO ALTER TABLE a ADD COLUMN n int;", "CREATE EVENT e")]
    [InlineData("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN\n  DELETE FROM a;\n  DROP TABLE a;\nEND;", "CREATE EVENT e")]
    [InlineData("CREATE PROCEDURE p() ALTER TABLE a ADD COLUMN n int;\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO CALL p();", "CREATE EVENT e")]
    [InlineData("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a;\nALTER EVENT e DO EXECUTE IMMEDIATE 'DROP TABLE a';", "ALTER EVENT e")]
    public void A_body_that_may_change_a_table_is_ST3128_at_DO(string events, string says)
    {
        var sql = "CREATE TABLE a (id int);\n" + events;
        var warning = Assert.Single(Build(sql));

        Assert.Equal((DiagnosticCodes.EventBodyNotApplied, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.StartsWith(says, warning.Message, StringComparison.Ordinal);
        Assert.Equal("DO", sql.Split('\n')[warning.Line - 1].Substring(warning.Column - 1, 2));
    }

    [Fact]
    public void Sql_applied_to_a_schema_read_elsewhere_may_drop_an_event_it_never_saw()
    {
        Assert.Empty(SchemaEngine.Apply(Catalog.Empty(SqlDialect.MySql), "DROP EVENT e;\nALTER EVENT f DISABLE;", "R__e.sql").Diagnostics);
    }
}
