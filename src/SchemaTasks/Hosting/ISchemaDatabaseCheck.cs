using SchemaTasks.Checking;
using SchemaTasks.Verification;

namespace SchemaTasks.Hosting;

/// <summary>A provider's one-call check, bound to a connection string; registered by <c>UseNpgsql</c> / <c>UseMySql</c>.</summary>
internal interface ISchemaDatabaseCheck
{
    /// <summary>Where the check connects, safe to log: host, port, database, user; never the password.</summary>
    string Target { get; }

    Task<VerificationReport> RunAsync(ExpectedSchema expected, SchemaCheckOptions options, CancellationToken cancellationToken);
}
