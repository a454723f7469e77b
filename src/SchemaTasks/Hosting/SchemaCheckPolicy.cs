namespace SchemaTasks.Hosting;

/// <summary>What the service does when the start-up check finds errors.</summary>
public enum SchemaCheckPolicy
{
    /// <summary>The host does not start: <c>StartAsync</c> throws a <see cref="SchemaTasksException"/> whose message is the report.</summary>
    FailFast,

    /// <summary>The host starts; the report is logged as a warning and the health check reports it.</summary>
    Warn,

    /// <summary>
    /// Before the host serves, the provider's migrator applies the pending migrations under the
    /// database's migration lock (<see cref="SchemaStartupCheckOptions.Migrate"/>), recording them in
    /// <c>schematasks_history</c>, or in the folder's own tool's table when
    /// <see cref="Migrator.MigrateOptions.History"/> names it; then the check reads that table, runs
    /// and fails fast as <see cref="FailFast"/> does.
    /// A migration that cannot be applied stops the host too: <c>StartAsync</c> throws the
    /// migrator's <see cref="SchemaTasksException"/> (<c>ST7001</c>, <c>ST6002</c>, <c>ST6003</c>, <c>ST7002</c>).
    /// </summary>
    MigrateThenVerify,
}
