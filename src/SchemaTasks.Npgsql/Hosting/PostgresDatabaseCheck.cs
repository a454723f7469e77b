using SchemaTasks.Verification;
using SchemaTasks.Hosting;
using SchemaTasks.Migrator;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Npgsql.Migrator;

namespace SchemaTasks.Npgsql.Hosting;

/// <summary>The start-up check's PostgreSQL database, given as a connection string or a data source.</summary>
internal sealed class PostgresDatabaseCheck(PostgresConnections connections) : ISchemaDatabaseCheck
{
    public string Target => connections.Target;

    public Task<VerificationReport> RunAsync(ExpectedSchema expected, SchemaCheckOptions options, CancellationToken cancellationToken) =>
        PostgresSchemaCheck.VerifyAsync(expected, connections, options, cancellationToken);

    public Task<MigrateResult> MigrateAsync(ExpectedSchema expected, MigrateOptions options, CancellationToken cancellationToken)
    {
        // MySQL statements run on PostgreSQL would fail and be recorded as a failed migration.
        expected.RequireDialect(SqlDialect.Postgres, "PostgreSQL");
        return PostgresMigrator.MigrateAsync(expected.Applicable, connections, options, cancellationToken);
    }
}
