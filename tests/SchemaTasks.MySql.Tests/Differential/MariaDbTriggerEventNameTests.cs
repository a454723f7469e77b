using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Trigger and event names: a second CREATE (1359, 1537), MariaDB's OR REPLACE of another table's
/// trigger (1360), a DROP or ALTER of a name that is not there (1360, 1539), a rename onto a name
/// there or its own (1537, 1551). The server refuses the last statement with that error, and the
/// engine, reading the folder from an empty database, reports it at that line; what the server
/// takes stays silent.
/// </summary>
public sealed class MariaDbTriggerEventNameTests
{
    private const string Tables = "CREATE TABLE a (id int)\nCREATE TABLE b (id int)\nCREATE TRIGGER tr BEFORE INSERT ON a FOR EACH ROW SET NEW.id = 1\n";

    [MySqlTheory]
    [InlineData("a second trigger on another table", Tables + "CREATE TRIGGER tr BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2", DiagnosticCodes.TriggerOrEventExists, 1359)]
    [InlineData("a second trigger after its table's rename", Tables + "RENAME TABLE a TO c\nCREATE TRIGGER tr BEFORE INSERT ON b FOR EACH ROW SET NEW.id = 1", DiagnosticCodes.TriggerOrEventExists, 1359)]
    [InlineData("OR REPLACE of another table's trigger", Tables + "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2", DiagnosticCodes.TriggerOrEventExists, 1360)]
    [InlineData("a drop of no trigger", "DROP TRIGGER nope", DiagnosticCodes.TriggerOrEventNotFound, 1360)]
    [InlineData("a drop in another case", Tables + "DROP TRIGGER TR", DiagnosticCodes.TriggerOrEventNotFound, 1360)]
    [InlineData("a drop after the table's", Tables + "DROP TABLE a\nDROP TRIGGER tr", DiagnosticCodes.TriggerOrEventNotFound, 1360)]
    [InlineData("a drop after the renamed table's", Tables + "ALTER TABLE a RENAME TO c\nDROP TABLE c\nDROP TRIGGER tr", DiagnosticCodes.TriggerOrEventNotFound, 1360)]
    [InlineData("a drop after CREATE OR REPLACE TABLE", Tables + "CREATE OR REPLACE TABLE a (id int)\nDROP TRIGGER tr", DiagnosticCodes.TriggerOrEventNotFound, 1360)]
    [InlineData("a second event in another case", "CREATE TABLE a (id int)\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a\nCREATE EVENT E ON SCHEDULE EVERY 1 DAY DO DELETE FROM a", DiagnosticCodes.TriggerOrEventExists, 1537)]
    [InlineData("a rename onto an event", "CREATE TABLE a (id int)\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a\nCREATE EVENT f ON SCHEDULE EVERY 1 DAY DO DELETE FROM a\nALTER EVENT e RENAME TO F", DiagnosticCodes.TriggerOrEventExists, 1537)]
    [InlineData("a rename onto its own name", "CREATE TABLE a (id int)\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a\nALTER EVENT e RENAME TO E", DiagnosticCodes.TriggerOrEventExists, 1551)]
    [InlineData("a drop of no event", "DROP EVENT nope", DiagnosticCodes.TriggerOrEventNotFound, 1539)]
    [InlineData("an alter of a renamed event", "CREATE TABLE a (id int)\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a\nALTER EVENT e RENAME TO f\nALTER EVENT e DISABLE", DiagnosticCodes.TriggerOrEventNotFound, 1539)]
    public async Task The_server_refuses_the_last_statement_where_the_engine_reports_it(string behaviour, string sql, string code, int error)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return; // OR REPLACE and the trigger names' case are checked on MariaDB.
        var statements = sql.Split('\n');
        var diagnostics = Build(sql);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].Code == code && diagnostics[0].Line == statements.Length, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var setup in statements[..^1])
        {
            await using var prepare = new MySqlCommand(setup, connection);
            await prepare.ExecuteNonQueryAsync();
        }

        await using var command = new MySqlCommand(statements[^1], connection);
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
        Assert.True(refusal.Number == error, $"{behaviour}: {refusal.Number} {refusal.Message}");
    }

    [MySqlTheory]
    [InlineData("IF NOT EXISTS", Tables + "CREATE TRIGGER IF NOT EXISTS tr BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2")]
    [InlineData("OR REPLACE on its own table", Tables + "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON a FOR EACH ROW SET NEW.id = 2\nDROP TRIGGER tr")]
    [InlineData("a name in another case", Tables + "CREATE TRIGGER TR BEFORE UPDATE ON b FOR EACH ROW SET NEW.id = 2\nDROP TRIGGER TR\nDROP TRIGGER tr")]
    [InlineData("a create after the table's drop", Tables + "DROP TABLE a\nCREATE TABLE a (id int)\nCREATE TRIGGER tr BEFORE INSERT ON a FOR EACH ROW SET NEW.id = 1")]
    [InlineData("renames keep the trigger", Tables + "RENAME TABLE a TO c, b TO a\nDROP TABLE a\nALTER TABLE c ADD COLUMN n int, RENAME TO d\nDROP TRIGGER tr")]
    [InlineData("a temporary table's drop", Tables + "CREATE TEMPORARY TABLE a (id int)\nDROP TABLE a\nDROP TRIGGER tr")]
    [InlineData("DROP IF EXISTS", Tables + "DROP TRIGGER IF EXISTS tr\nDROP TRIGGER IF EXISTS tr\nCREATE TRIGGER tr BEFORE INSERT ON b FOR EACH ROW SET NEW.id = 1")]
    [InlineData("a procedure's drop", Tables + "CREATE PROCEDURE p() DROP TRIGGER tr\nCALL p()\nCREATE TRIGGER tr BEFORE INSERT ON b FOR EACH ROW SET NEW.id = 1")]
    [InlineData("events", "CREATE TABLE a (id int)\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM a\nCREATE EVENT IF NOT EXISTS E ON SCHEDULE EVERY 1 DAY DO DELETE FROM a\nCREATE OR REPLACE EVENT E ON SCHEDULE EVERY 2 DAY DO DELETE FROM a\nALTER EVENT e RENAME TO f\nDROP EVENT F\nDROP EVENT IF EXISTS f")]
    public async Task What_the_server_takes_is_not_reported(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        var diagnostics = Build(sql);
        Assert.True(diagnostics.Count == 0, $"{behaviour}: {string.Join("\n", diagnostics)}");

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var statement in sql.Split('\n'))
        {
            await using var command = new MySqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    [MySqlFact]
    public async Task An_event_body_is_not_run_by_the_migration_and_the_engine_says_so()
    {
        const string sql = "CREATE TABLE a (id int)\nCREATE EVENT e ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR DO ALTER TABLE a ADD COLUMN n int";
        var warning = Assert.Single(Build(sql));
        Assert.Equal((DiagnosticCodes.EventBodyNotApplied, 2), (warning.Code, warning.Line));

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var statement in sql.Split('\n'))
        {
            await using var command = new MySqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }

        // The server takes the event and the migration ends without its change: the column comes when the scheduler runs it, if ever.
        await using var columns = new MySqlCommand("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'a' AND column_name = 'n'", connection);
        Assert.Equal(0L, Convert.ToInt64(await columns.ExecuteScalarAsync()));
    }

    private static IReadOnlyList<SchemaDiagnostic> Build(string sql)
    {
        var text = string.Join(";\n", sql.Split('\n')) + ";";
        var discovered = MigrationDiscovery.Discover([new MigrationSourceFile("1_t.sql", text)], MigrationLayout.Plain);
        return SchemaEngine.Build(discovered.Set!, MySqlTestDatabase.ServerDialect).Diagnostics;
    }
}
