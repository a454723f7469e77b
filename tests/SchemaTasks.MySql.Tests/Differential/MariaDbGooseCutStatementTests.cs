using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A routine body without goose's StatementBegin/StatementEnd: goose ends the statement at the
/// body's first line-ending semicolon, and the server refuses the half it gets (1064). The
/// engine reports ST1037 at that line.
/// </summary>
public sealed class MariaDbGooseCutStatementTests
{
    [MySqlTheory]
    [InlineData("a procedure body", "CREATE PROCEDURE widen()\nBEGIN\n  SELECT 1;\nEND;\n")]
    [InlineData("a trigger body", "CREATE TABLE t (id int, n int);\nCREATE TRIGGER bump BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.n = 1;\nEND;\n")]
    public async Task The_body_goose_cuts_is_refused_by_the_server_where_the_engine_reports_it(string behaviour, string up)
    {
        var dialect = MySqlTestDatabase.ServerDialect;
        var text = "-- +goose Up\n" + up;
        var discovered = MigrationDiscovery.Discover([new MigrationSourceFile("00001_m.sql", text)], MigrationLayout.Goose);
        var built = SchemaEngine.Build(discovered.Set!, dialect);
        var error = Assert.Single(built.Diagnostics);
        Assert.True(error.Code == DiagnosticCodes.ToolSplitsStatement, $"{behaviour}: {error}");

        var lines = text.Split('\n');
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();

        // Statements before the cut one run whole; the cut one is sent from its first line to the reported one.
        var start = 1;
        for (var i = 1; i < error.Line - 1; i++)
        {
            if (!lines[i].TrimEnd().EndsWith(';')) continue;
            await using var before = new MySqlCommand(string.Join("\n", lines[start..(i + 1)]), connection);
            await before.ExecuteNonQueryAsync();
            start = i + 1;
        }

        await using var command = new MySqlCommand(string.Join("\n", lines[start..error.Line]), connection);
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
        Assert.True(refusal.Number == 1064, $"{behaviour}: {refusal.Number} {refusal.Message}");
    }
}
