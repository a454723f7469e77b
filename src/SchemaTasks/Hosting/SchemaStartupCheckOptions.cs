using SchemaTasks.Verification;
using SchemaTasks.Migrator;

namespace SchemaTasks.Hosting;

/// <summary>Options of the check <c>AddSchemaTasksCheck</c> runs when the host starts.</summary>
public sealed class SchemaStartupCheckOptions
{
    /// <summary>What to do when the check finds errors; <see cref="SchemaCheckPolicy.FailFast"/> by default.</summary>
    public SchemaCheckPolicy Policy { get; set; } = SchemaCheckPolicy.FailFast;

    /// <summary>Which history table to read, and whether to compare the live schema.</summary>
    public SchemaCheckOptions Check { get; } = new();

    /// <summary>
    /// How the migrator runs under <see cref="SchemaCheckPolicy.MigrateThenVerify"/>: how long to
    /// wait for another instance holding the migration lock (<see cref="MigrateOptions.LockTimeout"/>,
    /// one minute by default) and what the history records as <c>applied_by</c>. Unused by the other policies.
    /// </summary>
    public MigrateOptions Migrate { get; set; } = new();

    /// <summary>
    /// How long the health check reuses the last result before checking the database again
    /// (default one minute), so frequent probes cost the database nothing.
    /// </summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
