using SchemaTasks;

namespace JobService.Model;

/// <summary>
/// The states of a job, as the enum type "JobStatus" of the migrations declares them. The build
/// fails if a member has no label (scenario 1: CANCELLED was written but never migrated).
/// </summary>
[DbEnum("JobStatus", Naming = DbNaming.UpperSnakeCase)]
public enum JobStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
