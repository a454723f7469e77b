using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A routine or trigger body in a sql-migrate file: without StatementBegin/StatementEnd sql-migrate
/// ends the statement at the body's first line-ending semicolon and the server refuses the half it
/// gets (1064), where the engine reports ST1037; inside them the body is one statement, which
/// the server takes (sql-migrate sends it without a client DELIMITER).
/// </summary>
public sealed class MariaDbSqlMigrateCutStatementTests
{
    [MySqlTheory]
    [InlineData("a procedure body", "CREATE PROCEDURE widen()\nBEGIN\n  SELECT 1;\nEND;\n", true)]
    [InlineData("a trigger body", "CREATE TABLE t (id int, n int);\nCREATE TRIGGER bump BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.n = 1;\nEND;\n", true)]
    [InlineData("a procedure body inside StatementBegin and StatementEnd", "-- +migrate StatementBegin\nCREATE PROCEDURE widen()\nBEGIN\n  SELECT 1;\nEND;\n-- +migrate StatementEnd\nCREATE TABLE t (id int);\n", false)]
    public async Task The_engine_reports_ST1037_exactly_where_the_server_refuses_what_sql_migrate_sends(string behaviour, string up, bool cut)
    {
        var dialect = MySqlTestDatabase.ServerDialect;
        var text = "-- +migrate Up\n" + up;
        var discovered = MigrationDiscovery.Discover([new MigrationSourceFile("1_m.sql", text)], MigrationLayout.SqlMigrate);
        var built = SchemaEngine.Build(discovered.Set!, dialect);
        var statements = SqlMigrateStatements.Up(text);

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        MySqlException? refusal = null;
        var refused = -1;
        for (var i = 0; i < statements.Count && refusal is null; i++)
        {
            await using var command = new MySqlCommand(statements[i].Sql, connection);
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (MySqlException e)
            {
                (refusal, refused) = (e, i);
            }
        }

        if (!cut)
        {
            Assert.True(refusal is null, $"{behaviour}: {refusal?.Number} {refusal?.Message}");
            Assert.Empty(built.Diagnostics);
            return;
        }

        Assert.True(refusal?.Number == 1064, $"{behaviour}: {refusal?.Number} {refusal?.Message}");
        var error = Assert.Single(built.Diagnostics);
        Assert.True(error.Code == DiagnosticCodes.ToolSplitsStatement, $"{behaviour}: {error}");
        Assert.Equal(refused, statements.FindLastIndex(s => s.Line <= error.Line));
    }
}
