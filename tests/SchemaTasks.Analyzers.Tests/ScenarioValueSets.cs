namespace SchemaTasks.Analyzers.Tests;

/// <summary>Value-set files for the scenarios, in the format the build writes (docs/value-sets-format.md).</summary>
internal static class ScenarioValueSets
{
    public static string Postgres(params string[] objects) => "schematasks-value-sets\t1\tpostgres\n" + string.Concat(objects);

    public static string MySql(params string[] objects) => "schematasks-value-sets\t1\tmysql\n" + string.Concat(objects);

    public static string Object(string kind, string schema, string name, string column, string description, string fix, params string[] values)
        => $"object\t{kind}\t{schema}\t{name}\t{column}\t{description}\t{fix}\n" + string.Concat(values.Select(v => $"value\t{v}\n"));

    public static readonly string JobStatus = Object(
        "enum", "public", "JobStatus", "", "enum type \"JobStatus\"", "ALTER TYPE \"JobStatus\" ADD VALUE {value};",
        "PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED");

    public static readonly string ContentRequestStatus = Object(
        "enum", "public", "content_request_status", "", "enum type content_request_status", "ALTER TYPE content_request_status ADD VALUE {value};",
        "pending", "validating", "retrieving", "generating_script", "generating_video", "processing_video", "notifying", "completed", "failed", "cancelled");

    public static readonly string JobType = Object(
        "column", "app", "job_tracking", "job_type", "column job_tracking.job_type (ENUM)",
        "ALTER TABLE job_tracking MODIFY COLUMN job_type ENUM({values}) DEFAULT NULL;",
        "cleanup", "failover", "migration", "cloudstack", "volume_daemon", "linstor", "virtio", "ossea", "scheduler",
        "discovery", "bulk-operations", "group-management", "conflict-detection", "phantom-detection", "schedule_management", "schedule_control");

    public static readonly string HealthStatus = Object(
        "column", "public", "bots", "health_status", "column bots.health_status (CHECK bots_health_status_check)",
        "ALTER TABLE bots DROP CONSTRAINT bots_health_status_check, ADD CONSTRAINT bots_health_status_check CHECK (health_status IN ({values}));",
        "normal", "potentially_stuck");
}
