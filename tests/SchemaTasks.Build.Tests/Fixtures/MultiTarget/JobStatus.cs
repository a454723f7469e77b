using SchemaTasks;

namespace Library;

[DbEnum("JobStatus", Naming = DbNaming.UpperSnakeCase)]
public enum JobStatus
{
    Pending,
    Cancelled,
}
