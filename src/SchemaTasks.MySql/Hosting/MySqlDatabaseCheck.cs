using SchemaTasks.Verification;
using SchemaTasks.Hosting;
using SchemaTasks.Migrator;
using SchemaTasks.MySql.Verification;
using SchemaTasks.MySql.Migrator;

namespace SchemaTasks.MySql.Hosting;

/// <summary>The start-up check's MySQL or MariaDB database, given as a connection string or a data source.</summary>
internal sealed class MySqlDatabaseCheck(MySqlConnections connections) : ISchemaDatabaseCheck
{
    public string Target => connections.Target;

    public Task<VerificationReport> RunAsync(ExpectedSchema expected, SchemaCheckOptions options, CancellationToken cancellationToken) =>
        MySqlSchemaCheck.VerifyAsync(expected, connections, options, cancellationToken);

    public Task<MigrateResult> MigrateAsync(ExpectedSchema expected, MigrateOptions options, CancellationToken cancellationToken)
    {
        // PostgreSQL statements run on MySQL would fail and be recorded as a failed migration.
        expected.RequireDialect(SqlDialect.MySql, "MySQL or MariaDB");
        return MySqlMigrator.MigrateAsync(expected.Applicable, connections, options, cancellationToken);
    }
}
