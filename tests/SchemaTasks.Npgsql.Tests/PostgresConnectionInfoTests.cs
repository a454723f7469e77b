using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests;

public sealed class PostgresConnectionInfoTests
{
    private const string Secret = "s3cr3t-Pa55";

    [Fact]
    public void Describe_NamesHostPortDatabaseAndUser_ButNotThePassword()
    {
        var description = PostgresConnectionInfo.Describe(
            $"Host=db.internal;Port=6543;Database=orders;Username=app;Password={Secret};Timeout=5");

        Assert.Equal("Host=db.internal;Port=6543;Database=orders;Username=app", description);
    }

    [Fact]
    public void Describe_ShowsTheDefaultPort_WhenNoneIsGiven()
    {
        Assert.Equal("Host=localhost;Port=5432", PostgresConnectionInfo.Describe("Host=localhost"));
    }

    [Fact]
    public void Describe_RejectsUnknownKey_NamingTheKey()
    {
        var error = Assert.Throws<SchemaTasksException>(
            () => PostgresConnectionInfo.Describe($"Host=localhost;Prot=5432;Password={Secret}"));

        Assert.Equal(DiagnosticCodes.InvalidConnectionString, error.Code);
        Assert.Equal("ST5010", error.Code);
        Assert.Contains("'Prot'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_RejectsInvalidValue_NamingTheKeyButNotTheValue()
    {
        var error = Assert.Throws<SchemaTasksException>(
            () => PostgresConnectionInfo.Describe("Host=localhost;Port=not-a-port"));

        Assert.Equal("ST5010", error.Code);
        Assert.Contains("'Port'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-a-port", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=localhost;Password=" + Secret + ";Port")]
    [InlineData("Host=localhost;Password='" + Secret)]
    [InlineData("Host=localhost;Password=" + Secret + ";=value")]
    public void Describe_RejectsMalformedString_WithoutEchoingThePassword(string connectionString)
    {
        var error = Assert.Throws<SchemaTasksException>(() => PostgresConnectionInfo.Describe(connectionString));

        Assert.Equal("ST5010", error.Code);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_DoesNotEchoAPasswordFragment_WhenAnUnquotedSemicolonSplitsThePassword()
    {
        var error = Assert.Throws<SchemaTasksException>(
            () => PostgresConnectionInfo.Describe("Host=localhost;Password=abc;tail=fragment"));

        Assert.Contains("quote", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tail", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fragment", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Describe_OfTheTestServer_MatchesWhatTheServerReports()
    {
        var server = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.PostgresVariable);
        var builder = new NpgsqlConnectionStringBuilder(server);

        var description = PostgresConnectionInfo.Describe(server);

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database() || '|' || current_user", connection);
        var reported = (string)(await command.ExecuteScalarAsync())!;
        Assert.Equal(
            $"Host={builder.Host};Port={builder.Port};Database={reported.Split('|')[0]};Username={reported.Split('|')[1]}",
            description);
        Assert.DoesNotContain("Password", description, StringComparison.OrdinalIgnoreCase);
    }
}
