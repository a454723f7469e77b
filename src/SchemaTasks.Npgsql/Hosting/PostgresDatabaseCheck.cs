using SchemaTasks.Checking;
using SchemaTasks.Hosting;
using SchemaTasks.Npgsql.Checking;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Hosting;

/// <summary>The start-up check's PostgreSQL database.</summary>
internal sealed class PostgresDatabaseCheck(string connectionString) : ISchemaDatabaseCheck
{
    public string Target { get; } = PostgresConnectionInfo.Describe(connectionString);

    public Task<VerificationReport> RunAsync(ExpectedSchema expected, SchemaCheckOptions options, CancellationToken cancellationToken) =>
        PostgresSchemaCheck.VerifyAsync(expected, connectionString, options, cancellationToken);
}
