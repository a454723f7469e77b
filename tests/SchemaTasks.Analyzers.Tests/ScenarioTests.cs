using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>Scenarios 1 to 4 of the product: each undeclared value fails with the object, the value and the fix.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public async Task Scenario1_EnumMatchingTheMigratedType_HasNoDiagnostics()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("JobStatus", Naming = DbNaming.UpperSnakeCase)]
            public enum JobStatus { Pending, Running, Completed, Failed, Cancelled }
            """, Postgres(JobStatus));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Scenario2_LiteralAssignedToMappedColumn_FailsWithFullModifyColumn()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            public class JobTracking
            {
                [DbEnum("job_tracking.job_type")]
                public string? JobType { get; set; }
            }
            public static class ProtectionFlow
            {
                public static JobTracking Start() => new JobTracking { JobType = "protection_flow" };
            }
            """, MySql(JobType));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        var message = error.GetMessage();
        Assert.Contains("the string assigned to JobTracking.JobType maps to 'protection_flow', which column job_tracking.job_type (ENUM) does not declare", message, StringComparison.Ordinal);
        Assert.EndsWith(
            "Fix: add a migration with: ALTER TABLE job_tracking MODIFY COLUMN job_type ENUM('cleanup', 'failover', 'migration', 'cloudstack', 'volume_daemon', 'linstor', 'virtio', 'ossea', 'scheduler', 'discovery', 'bulk-operations', 'group-management', 'conflict-detection', 'phantom-detection', 'schedule_management', 'schedule_control', 'protection_flow') DEFAULT NULL;",
            message,
            StringComparison.Ordinal);
        Assert.Equal("\"protection_flow\"", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Fact]
    public async Task Scenario3_NearMissAndAbsentLabels_FailWithSuggestions()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("content_request_status")]
            public enum ContentRequestStatus
            {
                Pending, Validating, Retrieving, GeneratingScript, GeneratingVideo, ProcessingVideo,
                Notifying, Completed, Failed, Cancelled, Generating, ClarificationNeeded,
            }
            """, Postgres(ContentRequestStatus));

        Assert.Equal(["ST4001", "ST4001"], diagnostics.Select(d => d.Id));
        var generating = diagnostics[0].GetMessage();
        Assert.StartsWith("enum member ContentRequestStatus.Generating maps to 'generating', which enum type content_request_status does not declare", generating, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'generating_script' or 'generating_video'?", generating, StringComparison.Ordinal);
        Assert.EndsWith("Fix: add a migration with: ALTER TYPE content_request_status ADD VALUE 'generating';", generating, StringComparison.Ordinal);
        var clarification = diagnostics[1].GetMessage();
        Assert.Contains("'clarification_needed'", clarification, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", clarification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario4_ConstantOutsideCheckConstraint_FailsWithDropAndReAdd()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("bots.health_status")]
            public static class BotHealth
            {
                public const string Normal = "normal";
                public const string PotentiallyStuck = "potentially_stuck";
                public const string Unhealthy = "unhealthy";
            }
            """, Postgres(HealthStatus));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.StartsWith("constant BotHealth.Unhealthy maps to 'unhealthy'", error.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith(
            "ALTER TABLE bots DROP CONSTRAINT bots_health_status_check, ADD CONSTRAINT bots_health_status_check CHECK (health_status IN ('normal', 'potentially_stuck', 'unhealthy'));",
            error.GetMessage(),
            StringComparison.Ordinal);
    }
}
