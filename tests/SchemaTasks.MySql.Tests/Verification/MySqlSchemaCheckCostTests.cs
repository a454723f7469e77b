using System.Globalization;
using MySqlConnector;
using SchemaTasks.Verification;
using SchemaTasks.Migrations;
using SchemaTasks.MySql.Verification;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.MySql.Tests.Verification.GolangMigrateDatabase;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>
/// Runs alone: the statement count is read from the server's global <c>Questions</c> counter,
/// which every connection moves. (MySqlConnector's tracing does not cover batches, so the
/// driver cannot count for us as Npgsql's does.) Other test projects run beside this one against
/// the same server, and their statements can only add to the counter, so each count is the
/// smallest of three measurements.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCounterCollection
{
    public const string Name = "Server-wide counters";
}

/// <summary>What the check costs the server.</summary>
[Collection(ServerCounterCollection.Name)]
public sealed class MySqlSchemaCheckCostTests
{
    [MySqlFact]
    public async Task Statements_DoNotGrowWithTheNumberOfMigrations()
    {
        var few = await CountStatementsAsync(10);
        var many = await CountStatementsAsync(200);

        // Detect the history table, read it, the catalog batch (4 statements, one round trip), and
        // whatever MySqlConnector sends when it opens a connection (one statement on MariaDB 10.11).
        Assert.InRange(few, 6, 7);
        Assert.Equal(few, many);
    }

    private static async Task<long> CountStatementsAsync(int migrations)
    {
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++) fewest = Math.Min(fewest, await CountOnceAsync(migrations));
        return fewest;
    }

    private static async Task<long> CountOnceAsync(int migrations)
    {
        var files = Enumerable.Range(1, migrations).Select(i => new MigrationSourceFile(
            $"{i.ToString("D6", CultureInfo.InvariantCulture)}_step_{i}.up.sql",
            $"CREATE TABLE t{i} (id INT NOT NULL, state ENUM('on','off') NOT NULL DEFAULT 'on', level VARCHAR(10) NOT NULL CHECK (level IN ('low','high')));\n")).ToList();
        var expected = ExpectedSchema.FromFiles(files, dialect: MySqlTestDatabase.ServerDialect);
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var counter = await db.OpenConnectionAsync();
        foreach (var migration in expected.Migrations) await ExecuteAsync(counter, migration.Text);
        await RecordAsync(counter, migrations, dirty: false);

        var before = await QuestionsAsync(counter);
        var report = await MySqlSchemaCheck.VerifyAsync(expected, db.ConnectionString);
        var after = await QuestionsAsync(counter);

        Assert.True(report.IsHealthy, report.ToText());
        Assert.Equal(migrations, report.Status.Migrations.Count);
        return after - before - 1; // The first SHOW STATUS counts itself.
    }

    private static async Task<long> QuestionsAsync(MySqlConnection connection)
    {
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'Questions'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
    }
}
