using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A second CREATE of a procedure or function name (1304) and a DROP of one that is not there
/// (1305): the server refuses the last statement with that error, and the engine, reading the
/// folder from an empty database, reports it at that line. What the server takes stays silent.
/// </summary>
public sealed class MariaDbRoutineNameTests
{
    [MySqlTheory]
    [InlineData("a second procedure", "CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE P() SELECT 2;", DiagnosticCodes.RoutineExists, 1304)]
    [InlineData("a second function", "CREATE FUNCTION f() RETURNS int RETURN 1;\nCREATE FUNCTION f() RETURNS int RETURN 2;", DiagnosticCodes.RoutineExists, 1304)]
    [InlineData("a drop of nothing", "DROP PROCEDURE nope;", DiagnosticCodes.RoutineNotFound, 1305)]
    [InlineData("a drop of the other kind", "CREATE PROCEDURE p() SELECT 1;\nDROP FUNCTION p;", DiagnosticCodes.RoutineNotFound, 1305)]
    [InlineData("a second drop", "CREATE FUNCTION f() RETURNS int RETURN 1;\nDROP FUNCTION f;\nDROP FUNCTION f;", DiagnosticCodes.RoutineNotFound, 1305)]
    public async Task The_server_refuses_the_last_statement_where_the_engine_reports_it(string behaviour, string sql, string code, int error)
    {
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
    [InlineData("OR REPLACE", "CREATE PROCEDURE p() SELECT 1;\nCREATE OR REPLACE PROCEDURE p() SELECT 2;")]
    [InlineData("IF NOT EXISTS", "CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE IF NOT EXISTS p() SELECT 2;")]
    [InlineData("a function and a procedure of one name", "CREATE PROCEDURE p() SELECT 1;\nCREATE FUNCTION p() RETURNS int RETURN 1;")]
    [InlineData("DROP IF EXISTS", "DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 1;\nDROP PROCEDURE p;\nDROP PROCEDURE IF EXISTS p;")]
    public async Task What_the_server_takes_is_not_reported(string behaviour, string sql)
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return; // OR REPLACE is MariaDB's.
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

    private static IReadOnlyList<SchemaDiagnostic> Build(string sql)
    {
        var discovered = MigrationDiscovery.Discover([new MigrationSourceFile("1_r.sql", sql)], MigrationLayout.Plain);
        return SchemaEngine.Build(discovered.Set!, MySqlTestDatabase.ServerDialect).Diagnostics;
    }
}
