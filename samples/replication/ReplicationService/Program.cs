using ReplicationService;

// Scenario 2 of SchemaTasks: storing "protection_flow" used to fail in production with
// MySQL error 1265 (data truncated). Now the build refuses any job type the migrations do
// not declare, so this assignment compiles only because migration 000002 added it.
var job = new JobTracking { Id = Guid.NewGuid().ToString("N"), JobType = "protection_flow" };
Console.WriteLine($"ReplicationService would store job {job.Id} of type {job.JobType} ({JobTypes.BackupExecution} is declared too).");
