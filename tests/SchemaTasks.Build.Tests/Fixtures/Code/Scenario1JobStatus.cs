using SchemaTasks;

namespace JobService;

// Scenario 1: the code cancels jobs, so the enum must declare CANCELLED.
[DbEnum("JobStatus", Naming = DbNaming.UpperSnakeCase)]
public enum JobStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
