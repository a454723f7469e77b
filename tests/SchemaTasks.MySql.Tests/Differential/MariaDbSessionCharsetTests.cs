using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// Session charset settings: <c>SET collation_database</c> and <c>character_set_database</c> leave
/// new tables the database's defaults, so the case rule of an ENUM stays (error 1291); after
/// <c>SET NAMES latin1</c> the server stores other characters than the migration's UTF-8 text,
/// which the engine reports (ST3089). Run against MariaDB only.
/// </summary>
public sealed class MariaDbSessionCharsetTests
{
    [MySqlFact]
    public async Task Collation_database_does_not_reach_new_tables()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        await MySqlServerAgreement.AssertMariaDbRefusesLastLineAsync(
            "collation_database",
            "SET collation_database = utf8mb4_bin;\nSET character_set_database = latin1;\nCREATE TABLE t (a enum('a','A'));",
            DiagnosticCodes.RefusedValueList,
            1291);
        await MySqlServerAgreement.AssertEngineMatchesServerAsync(
            "character_set_database",
            "SET character_set_database = latin1;\nCREATE TABLE t (a varchar(5), b enum('x','y'));",
            SqlDialect.MariaDb);
    }

    [MySqlFact]
    public async Task After_set_names_latin1_the_server_stores_other_text_and_the_engine_says_so()
    {
        if (MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb) return;
        const string Sql = "SET NAMES latin1;\nCREATE TABLE t (a enum('é','x'));";
        var (built, diagnostics) = SchemaEngine.Apply(Catalog.Empty(SqlDialect.MariaDb), Sql, "m.sql");
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ClientCharsetText, 2), (warning.Code, warning.Line));

        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var statement in Sql.Split('\n'))
        {
            await using var command = new MySqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }

        await using (var restore = new MySqlCommand("SET NAMES utf8mb4", connection)) await restore.ExecuteNonQueryAsync();
        await using var read = new MySqlCommand("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 't'", connection);
        var stored = (string)(await read.ExecuteScalarAsync())!;
        Assert.Equal("enum('é','x')", built.FindTable(new QualifiedName(string.Empty, "t"))!.FindColumn("a", SqlDialect.MariaDb)!.Type);
        Assert.NotEqual("enum('é','x')", stored);
    }
}
