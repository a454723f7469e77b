using SchemaTasks;

namespace ReplicationService;

/// <summary>The job types this service starts; each must be a value of the job_type column.</summary>
[DbEnum("job_tracking.job_type")]
public static class JobTypes
{
    public const string Failover = "failover";
    public const string ProtectionFlow = "protection_flow";
    public const string BackupExecution = "backup_execution";
}
