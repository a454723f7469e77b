using SchemaTasks.Verification;
using SchemaTasks.Migrator;

namespace SchemaTasks.Hosting;

/// <summary>A provider's one-call check and migrator, bound to a connection string or a data source; registered by <c>UseNpgsql</c> / <c>UseMySql</c>.</summary>
internal interface ISchemaDatabaseCheck
{
    /// <summary>Where the check connects, safe to log: host, port, database, user; never the password.</summary>
    string Target { get; }

    Task<VerificationReport> RunAsync(ExpectedSchema expected, SchemaCheckOptions options, CancellationToken cancellationToken);

    /// <summary>Applies the pending migrations with the provider's migrator, under its lock.</summary>
    /// <exception cref="SchemaTasksException"><c>ST5014</c> when the migrations are of another dialect (nothing runs), and the migrator's errors.</exception>
    Task<MigrateResult> MigrateAsync(ExpectedSchema expected, MigrateOptions options, CancellationToken cancellationToken);
}
