using System.Text.Json;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.MySql.Tests.Verification;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Tests.Verification;
using SchemaTasks.Testing;

namespace SchemaTasks.Tool.Tests;

/// <summary><c>schematasks verify</c> against the real servers: exit codes a deploy pipeline can branch on, and its output.</summary>
public sealed class VerifyCommandTests
{
    private const string Secret = "pa55-w0rd-never-shown";

    [PostgresFact]
    public async Task Scenario1_PendingMigration_ExitsOne_AndNamesItAndTheMissingLabel()
    {
        var folder = ScenarioMigrations.Directory("1-prisma-job-status");
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await PrismaDatabase.ApplyAsync(connection, PrismaDatabase.Scenario("1-prisma-job-status").Migrations[0]);
        }

        var (exit, output, error) = await RunAsync("verify", "--dialect", "postgres", "--connection", db.ConnectionString, "--migrations", folder);

        Assert.True(exit == ExitCodes.ProblemsFound, output + error);
        Assert.Contains("20250909044604_add_cancelled_job_status", output, StringComparison.Ordinal);
        Assert.Contains("CANCELLED", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [PostgresFact]
    public async Task Healthy_ExitsZero_WithJson()
    {
        var folder = ScenarioMigrations.Directory("1-prisma-job-status");
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in PrismaDatabase.Scenario("1-prisma-job-status").Migrations) await PrismaDatabase.ApplyAsync(connection, migration);
        }

        var (exit, output, error) = await RunAsync("verify", "--connection", db.ConnectionString, "--migrations", folder, "--history", "prisma", "--format", "json");

        Assert.True(exit == ExitCodes.Success, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Equal("prisma", json.RootElement.GetProperty("history").GetProperty("kind").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("migrations").GetArrayLength());
    }

    [MySqlFact]
    public async Task MariaDbDirtyMigration_ExitsOne_WithTheFindingInJson()
    {
        var folder = ScenarioMigrations.Directory("2-golang-migrate-job-tracking");
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            await GolangMigrateDatabase.ExecuteAsync(connection, GolangMigrateDatabase.Scenario2().Migrations[0].Text);
            await GolangMigrateDatabase.RecordAsync(connection, 2, dirty: true);
        }

        var (exit, output, error) = await RunAsync("verify", "--dialect", "mariadb", "--connection", db.ConnectionString, "--migrations", folder, "--format", "json");

        Assert.True(exit == ExitCodes.ProblemsFound, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "ST6002");
    }

    [Fact]
    public async Task UnreachablePort_ExitsThree_NamingTheServer_WithoutStackTraceOrPassword()
    {
        var (exit, output, error) = await RunAsync(
            "verify", "--dialect", "postgres", "--migrations", ScenarioMigrations.Directory("1-prisma-job-status"),
            "--connection", $"Host=127.0.0.1;Port=1;Database=orders;Username=app;Password={Secret};Timeout=3");

        Assert.Equal(ExitCodes.CannotConnect, exit);
        Assert.Equal("", output);
        Assert.StartsWith("schematasks: error ST5011: Cannot connect to PostgreSQL at Host=127.0.0.1;Port=1;Database=orders;Username=app", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MySqlUnreachablePort_ExitsThree()
    {
        var (exit, _, error) = await RunAsync(
            "verify", "--dialect", "mysql", "--migrations", ScenarioMigrations.Directory("2-golang-migrate-job-tracking"),
            "--connection", $"Server=127.0.0.1;Port=1;Database=orders;User ID=app;Password={Secret};Connection Timeout=3");

        Assert.Equal(ExitCodes.CannotConnect, exit);
        Assert.Contains("error ST5011", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongConnectionString_ExitsTwo_WithST5010()
    {
        var (exit, _, error) = await RunAsync(
            "verify", "--dialect", "postgres", "--migrations", ScenarioMigrations.Directory("1-prisma-job-status"),
            "--connection", $"Host=127.0.0.1;Pasword={Secret}");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("error ST5010", error, StringComparison.Ordinal);
        Assert.Contains("'Pasword'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionStringFromTheEnvironment_IsUsed()
    {
        // Only this test sets the variable; the others pass --connection, which wins anyway.
        Environment.SetEnvironmentVariable("SCHEMATASKS_CONNECTION", "Host=127.0.0.1;Port=1;Database=from_env;Timeout=3");
        try
        {
            var (exit, _, error) = await RunAsync("verify", "--migrations", ScenarioMigrations.Directory("1-prisma-job-status"));

            Assert.Equal(ExitCodes.CannotConnect, exit);
            Assert.Contains("Database=from_env", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SCHEMATASKS_CONNECTION", null);
        }
    }

    [Theory]
    [InlineData("--connection", "Host=x")]
    [InlineData("--connection", "Host=x", "--migrations", "a", "--assembly", "b.dll")]
    [InlineData("--connection", "Host=x", "--migrations", "a", "--format", "xml")]
    [InlineData("--connection", "Host=x", "--migrations", "a", "--history", "no-such-tool")]
    public async Task BadCommandLines_ExitTwo(params string[] args)
    {
        var (exit, output, error) = await RunAsync(["verify", .. args]);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Equal("", output);
        Assert.StartsWith("schematasks: ", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
