namespace SchemaTasks.Hosting;

/// <summary>What the service does when the start-up check finds errors.</summary>
public enum SchemaCheckPolicy
{
    /// <summary>The host does not start: <c>StartAsync</c> throws a <see cref="SchemaTasksException"/> whose message is the report.</summary>
    FailFast,

    /// <summary>The host starts; the report is logged as a warning and the health check reports it.</summary>
    Warn,
}
