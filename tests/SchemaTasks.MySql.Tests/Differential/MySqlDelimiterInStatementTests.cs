using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// A <c>DELIMITER</c> line after a statement left open (apache/dolphinscheduler 3.2.0's MySQL
/// upgrade script ends an UPDATE with ';' while the terminator is '//'): the mysql client sends the
/// line with that statement, and the server refuses it with 1064, so the table after it is never
/// created. The engine reports the line (ST3122) and reads no table after it.
/// </summary>
public sealed class MySqlDelimiterInStatementTests
{
    [MySqlFact]
    public async Task TheServer_RefusesTheStatementTheClientSends_WhereTheEngineReportsTheLine()
    {
        const string Sql = "CREATE TABLE a (x int);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nUPDATE a SET x = 1;\nDELIMITER ;\nCREATE TABLE b (x int);\n";
        var (catalog, diagnostics) = SchemaEngine.Apply(Catalog.Empty(MySqlTestDatabase.ServerDialect), Sql, "m.sql");
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.DelimiterInStatement, DiagnosticSeverity.Error, 5, 1), (error.Code, error.Severity, error.Line, error.Column));
        Assert.Equal(["a"], catalog.Tables.Keys.Select(k => k.Name));

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await using (var create = new MySqlCommand("CREATE TABLE a (x int)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        // The client's buffer holds the UPDATE, the DELIMITER line and the CREATE; the server runs the
        // UPDATE and refuses the rest. MySqlConnector refuses a DELIMITER itself, so the server's
        // parser is given that text through PREPARE.
        await using (var update = new MySqlCommand("UPDATE a SET x = 1", connection))
        {
            await update.ExecuteNonQueryAsync();
        }

        await using var command = new MySqlCommand("PREPARE s FROM 'DELIMITER ;\nCREATE TABLE b (x int)'", connection);
        var refusal = await Assert.ThrowsAsync<MySqlException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(1064, refusal.Number);
        await using var tables = new MySqlCommand("SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", connection);
        Assert.Equal("a", await tables.ExecuteScalarAsync());
    }
}
