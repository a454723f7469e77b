using SchemaTasks;

namespace JobService;

// The database has CANCELLED; this enum cannot read such a row (a warning, not an error).
[DbEnum("JobStatus", Naming = DbNaming.UpperSnakeCase)]
public enum JobStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}
