using SchemaTasks.Checking;

namespace SchemaTasks.Hosting;

/// <summary>Options of the check <c>AddSchemaTasksCheck</c> runs when the host starts.</summary>
public sealed class SchemaStartupCheckOptions
{
    /// <summary>What to do when the check finds errors; <see cref="SchemaCheckPolicy.FailFast"/> by default.</summary>
    public SchemaCheckPolicy Policy { get; set; } = SchemaCheckPolicy.FailFast;

    /// <summary>Which history table to read, and whether to compare the live schema.</summary>
    public SchemaCheckOptions Check { get; } = new();

    /// <summary>
    /// How long the health check reuses the last result before checking the database again
    /// (default one minute), so frequent probes cost the database nothing.
    /// </summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
