using MySqlConnector;
using SchemaTasks.Verification;
using SchemaTasks.Diagnostics;
using SchemaTasks.MySql.Verification;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.MySql.Tests.Verification.GolangMigrateDatabase;

namespace SchemaTasks.MySql.Tests.Verification;

/// <summary>The one-call check against real MariaDB databases in the states scenario 2's team met.</summary>
public sealed class MySqlSchemaCheckTests
{
    private const string Secret = "pa55-w0rd-never-shown";

    [MySqlFact]
    public async Task DirtyGolangMigrateRow_NamesTheDirtyMigration_AndWhatItLeft()
    {
        var expected = Scenario2();
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, expected.Migrations[0].Text);
            await RecordAsync(connection, 2, dirty: true);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        var dirty = Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.FailedMigration);
        Assert.Equal(expected.Migrations[1].Id, dirty.Subject);
        Assert.Contains("is dirty", dirty.Message, StringComparison.Ordinal);
        Assert.Contains("force 1", dirty.NextStep, StringComparison.Ordinal);
        Assert.False(report.IsHealthy);
    }

    [MySqlFact]
    public async Task EnumNarrowerThanTheSnapshot_NamesTheColumnAndTheMissingValues()
    {
        var expected = Scenario2();
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, expected.Migrations[0].Text);
            await RecordAsync(connection, 2, dirty: false); // The history says 2 ran; the column says it did not.
        }

        var report = await MySqlSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        var missing = report.Findings.Where(f => f.Code == DiagnosticCodes.MissingAllowedValue).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, f => Assert.Contains("job_tracking.job_type", f.Subject, StringComparison.Ordinal));
        Assert.Contains(missing, f => f.Message.Contains("protection_flow", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Code == DiagnosticCodes.PendingMigration);
    }

    [MySqlFact]
    public async Task FullyMigrated_IsHealthy()
    {
        var expected = Scenario2();
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in expected.Migrations) await ExecuteAsync(connection, migration.Text);
            await RecordAsync(connection, 2, dirty: false);
        }

        var report = await MySqlSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.True(report.IsHealthy, report.ToText());
        Assert.Empty(report.Findings);
    }

    [MySqlFact]
    public async Task AUserWithOnlySelectOnTheHistoryTable_CanCheckTheHistory()
    {
        var expected = Scenario2();
        await using var db = await MySqlTestDatabase.CreateAsync();
        var user = "st_r_" + db.Name[3..];
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in expected.Migrations) await ExecuteAsync(connection, migration.Text);
            await RecordAsync(connection, 2, dirty: false);
            await ExecuteAsync(connection, $"CREATE USER '{user}'@'%' IDENTIFIED BY 'reader-secret'; GRANT SELECT ON `{db.Name}`.`schema_migrations` TO '{user}'@'%';");
        }

        try
        {
            var reader = new MySqlConnectionStringBuilder(db.ConnectionString) { UserID = user, Password = "reader-secret" }.ConnectionString;
            var report = await MySqlSchemaCheck.VerifyAsync(expected, reader, new SchemaCheckOptions { CompareSchema = false });

            Assert.True(report.IsHealthy, report.ToText());
            Assert.False(report.SchemaCompared);
        }
        finally
        {
            await using var connection = await db.OpenConnectionAsync();
            await ExecuteAsync(connection, $"DROP USER IF EXISTS '{user}'@'%'");
        }
    }

    [Fact]
    public async Task UnreachablePort_IsST5011_NamingServerPortAndDatabase()
    {
        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(
            Scenario2(), $"Server=127.0.0.1;Port=1;Database=orders;User ID=app;Password={Secret};Connection Timeout=3"));

        Assert.Equal(DiagnosticCodes.CannotConnect, error.Code);
        Assert.Contains("Server=127.0.0.1;Port=1;User ID=app;Database=orders", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task WrongPassword_IsST5012()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        var wrong = new MySqlConnectionStringBuilder(db.ConnectionString) { Password = Secret }.ConnectionString;

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Scenario2(), wrong));

        Assert.Equal(DiagnosticCodes.LoginRejected, error.Code);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDatabaseInTheConnectionString_IsST5010()
    {
        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => MySqlSchemaCheck.VerifyAsync(Scenario2(), "Server=127.0.0.1;User ID=app"));

        Assert.Equal(DiagnosticCodes.InvalidConnectionString, error.Code);
        Assert.Contains("Database=", error.Message, StringComparison.Ordinal);
    }
}
