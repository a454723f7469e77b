using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.Npgsql.Tests.Verification.PrismaDatabase;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>Connection problems become coded messages that name the server and the fix, never the password.</summary>
public sealed class PostgresConnectionFailureTests
{
    private const string Secret = "pa55-w0rd-never-shown";

    [Fact]
    public async Task UnreachablePort_IsST5011_NamingHostPortAndDatabase()
    {
        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(
            Scenario("1-prisma-job-status"), $"Host=127.0.0.1;Port=1;Database=orders;Username=app;Password={Secret};Timeout=3"));

        Assert.Equal(DiagnosticCodes.CannotConnect, error.Code);
        Assert.Contains("Host=127.0.0.1;Port=1;Database=orders;Username=app", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the server is running", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataSourceAtAnUnreachablePort_IsST5011_NamingHostPortAndDatabase_NeverThePassword()
    {
        // Persist Security Info keeps the password in the data source's ConnectionString.
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port=1;Database=orders;Username=app;Password={Secret};Persist Security Info=true;Timeout=3");

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(Scenario("1-prisma-job-status"), dataSource));

        Assert.Equal(DiagnosticCodes.CannotConnect, error.Code);
        Assert.StartsWith("Cannot connect to PostgreSQL at Host=127.0.0.1;Port=1;Database=orders;Username=app:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task DataSourceWithAWrongPassword_IsST5012_NamingTheUser()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var role = "st_ds_login_" + db.Name[3..];
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, $"CREATE ROLE {role} LOGIN PASSWORD 'right-password'");
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = Secret }.ConnectionString);
            var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(Scenario("1-prisma-job-status"), dataSource));

            Assert.Equal(DiagnosticCodes.LoginRejected, error.Code);
            Assert.Contains($"Username={role}", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await using var server = await db.OpenConnectionAsync();
            await ExecuteAsync(server, $"DROP ROLE IF EXISTS {role}");
        }
    }

    [Fact]
    public async Task MalformedConnectionString_IsST5010()
    {
        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(
            Scenario("1-prisma-job-status"), $"Host=127.0.0.1;Passwrod={Secret}"));

        Assert.Equal(DiagnosticCodes.InvalidConnectionString, error.Code);
        Assert.Contains("Passwrod", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task WrongPassword_IsST5012()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var role = "st_login_" + db.Name[3..];
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, $"CREATE ROLE {role} LOGIN PASSWORD 'right-password'");
        }

        try
        {
            var wrong = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = Secret }.ConnectionString;
            var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(Scenario("1-prisma-job-status"), wrong));

            Assert.Equal(DiagnosticCodes.LoginRejected, error.Code);
            Assert.Contains($"Username={role}", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await using var server = await db.OpenConnectionAsync();
            await ExecuteAsync(server, $"DROP ROLE IF EXISTS {role}");
        }
    }

    [PostgresFact]
    public async Task MissingDatabase_IsST5012_NamingTheDatabase()
    {
        var server = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.PostgresVariable);
        var missing = new NpgsqlConnectionStringBuilder(server) { Database = "st_does_not_exist" }.ConnectionString;

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(Scenario("1-prisma-job-status"), missing));

        Assert.Equal(DiagnosticCodes.LoginRejected, error.Code);
        Assert.Contains("st_does_not_exist", error.Message, StringComparison.Ordinal);
    }
}
