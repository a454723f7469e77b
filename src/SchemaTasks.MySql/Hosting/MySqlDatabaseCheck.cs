using SchemaTasks.Checking;
using SchemaTasks.Hosting;
using SchemaTasks.MySql.Checking;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Hosting;

/// <summary>The start-up check's MySQL or MariaDB database.</summary>
internal sealed class MySqlDatabaseCheck(string connectionString) : ISchemaDatabaseCheck
{
    public string Target { get; } = MySqlConnectionInfo.Describe(connectionString);

    public Task<VerificationReport> RunAsync(ExpectedSchema expected, SchemaCheckOptions options, CancellationToken cancellationToken) =>
        MySqlSchemaCheck.VerifyAsync(expected, connectionString, options, cancellationToken);
}
