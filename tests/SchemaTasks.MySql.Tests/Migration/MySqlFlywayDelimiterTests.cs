using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Migrator;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Migration;

/// <summary>
/// The migrator splits a Flyway folder's file as Flyway does, reading the terminator of a lone
/// <c>DELIMITER</c> from the next line (metersphere 3.1.0); a folder of another layout keeps the
/// command-line client's rule, and the server then refuses the text, as the client's run does.
/// </summary>
public sealed class MySqlFlywayDelimiterTests
{
    private const string Sql = "CREATE TABLE t (id int);\nINSERT INTO t VALUES (0);\nDROP PROCEDURE IF EXISTS p;\nDELIMITER\n\n$$\nCREATE PROCEDURE p()\nBEGIN\n    DECLARE done INT DEFAULT FALSE;\n    UPDATE t SET id = 1;\nEND\n$$\nDELIMITER ;\nCALL p();\n";

    [MySqlFact]
    public async Task FlywayFolder_RunsTheProcedureBlockWhole()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect, MigrationLayout.Flyway).Add("1", Sql, "V1__procedure.sql").Load();

        var result = await MySqlMigrator.MigrateAsync(migrations, db.ConnectionString);

        Assert.Equal(5, Assert.Single(result.Applied).Statements);
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new MySqlCommand("SELECT id FROM t", connection);
        Assert.Equal(1, Convert.ToInt32(await command.ExecuteScalarAsync()));
    }

    [MySqlFact]
    public async Task PlainFolder_SendsWhatTheClientSends_AndTheServerRefusesIt()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var migrations = new TestMigrations(MySqlTestDatabase.ServerDialect, MigrationLayout.Plain).Add("1", Sql, "1_procedure.sql").Load();

        var failure = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlMigrator.MigrateAsync(migrations, db.ConnectionString));

        Assert.Equal(DiagnosticCodes.MigrationFailed, failure.Code);
        Assert.Equal(1064, Assert.IsType<MySqlException>(failure.InnerException).Number);
    }
}
