using MySqlConnector;
using SchemaTasks.Diagnostics;
using SchemaTasks.Testing;

namespace SchemaTasks.MySql.Tests;

public sealed class MySqlConnectionInfoTests
{
    private const string Secret = "s3cr3t-Pa55";

    [Fact]
    public void Describe_NamesServerPortDatabaseAndUser_ButNotThePassword()
    {
        var description = MySqlConnectionInfo.Describe(
            $"Server=db.internal;Port=3307;Database=orders;User ID=app;Password={Secret};SslMode=None");

        Assert.Equal("Server=db.internal;Port=3307;User ID=app;Database=orders", description);
    }

    [Fact]
    public void Describe_RejectsUnknownKey_NamingTheKey()
    {
        var error = Assert.Throws<SchemaTasksException>(
            () => MySqlConnectionInfo.Describe($"Server=localhost;Prot=3306;Password={Secret}"));

        Assert.Equal(DiagnosticCodes.InvalidConnectionString, error.Code);
        Assert.Equal("ST5010", error.Code);
        Assert.Contains("'Prot'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_RejectsInvalidValue_NamingTheKeyButNotTheValue()
    {
        var error = Assert.Throws<SchemaTasksException>(
            () => MySqlConnectionInfo.Describe("Server=localhost;Port=not-a-port"));

        Assert.Equal("ST5010", error.Code);
        Assert.Contains("'Port'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-a-port", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Server=localhost;Password=" + Secret + ";Port")]
    [InlineData("Server=localhost;Password='" + Secret)]
    public void Describe_RejectsMalformedString_WithoutEchoingThePassword(string connectionString)
    {
        var error = Assert.Throws<SchemaTasksException>(() => MySqlConnectionInfo.Describe(connectionString));

        Assert.Equal("ST5010", error.Code);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_DoesNotEchoAPasswordFragment_WhenAnUnquotedSemicolonSplitsThePassword()
    {
        var error = Assert.Throws<SchemaTasksException>(
            () => MySqlConnectionInfo.Describe("Server=localhost;Password=abc;tail=fragment"));

        Assert.Contains("quote", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tail", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fragment", error.ToString(), StringComparison.Ordinal);
    }

    [MySqlFact]
    public async Task Describe_OfTheTestServer_MatchesWhatTheServerReports()
    {
        var server = TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.MySqlVariable);
        var builder = new MySqlConnectionStringBuilder(server);

        var description = MySqlConnectionInfo.Describe(server);

        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT DATABASE(), SUBSTRING_INDEX(CURRENT_USER(), '@', 1)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(
            $"Server={builder.Server};Port={builder.Port};User ID={reader.GetString(1)};Database={reader.GetString(0)}",
            description);
        Assert.DoesNotContain("Password", description, StringComparison.OrdinalIgnoreCase);
    }
}
