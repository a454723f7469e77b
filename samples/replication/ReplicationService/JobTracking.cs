using SchemaTasks;

namespace ReplicationService;

/// <summary>A row of job_tracking. Every job type the code stores is checked against the ENUM column at build time.</summary>
public sealed class JobTracking
{
    public required string Id { get; init; }

    [DbEnum("job_tracking.job_type")]
    public string? JobType { get; set; }

    public string Status { get; set; } = "pending";
}
