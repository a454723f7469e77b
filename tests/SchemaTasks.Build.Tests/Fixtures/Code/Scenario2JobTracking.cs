using SchemaTasks;

namespace Replication;

// Scenario 2: the service stores a job type the ENUM column does not list.
public sealed class JobTracking
{
    public string Id { get; set; } = "";

    [DbEnum("job_tracking.job_type")]
    public string? JobType { get; set; }
}

public static class ProtectionFlows
{
    public static JobTracking Start(string id) => new() { Id = id, JobType = "protection_flow" };
}
