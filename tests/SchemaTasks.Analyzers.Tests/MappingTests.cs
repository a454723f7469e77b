using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

public sealed class MappingTests
{
    [Fact]
    public async Task DbDatabaseLabelWithoutMember_IsAWarning()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("JobStatus", Naming = DbNaming.UpperSnakeCase)]
            public enum JobStatus { Pending, Running, Completed, Failed }
            """, Postgres(JobStatus));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("ST4003", warning.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("enum type \"JobStatus\" allows 'CANCELLED', which no member of enum JobStatus maps to", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbValueAndPgName_OverrideTheNamingPolicy()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            namespace NpgsqlTypes { [System.AttributeUsage(System.AttributeTargets.Field)] public sealed class PgNameAttribute(string pgName) : System.Attribute { public string PgName { get; } = pgName; } }
            [DbEnum("job_tracking.job_type")]
            public enum JobType
            {
                Cleanup, Failover, Migration, Cloudstack, VolumeDaemon, Linstor, Virtio, Ossea, Scheduler, Discovery,
                [DbValue("bulk-operations")] BulkOperations,
                [NpgsqlTypes.PgName("group-management")] GroupManagement,
                [DbValue("conflict-detection")] ConflictDetection,
                [DbValue("phantom-detection")] PhantomDetection,
                ScheduleManagement, ScheduleControl,
            }
            """, MySql(JobType));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task MariaDbFix_EscapesBackslashesInStrings_AsMySqlDoes()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("job_tracking.job_type")]
            public static class JobTypes { public const string Odd = @"back\slash"; }
            """, MariaDb(JobType));

        var error = Assert.Single(diagnostics);
        Assert.Contains(@"'back\\slash')", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTarget_FailsWithTheNearestName()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("JobStatuss")]
            public enum JobStatus { Pending }
            """, Postgres(JobStatus, HealthStatus));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4002", error.Id);
        Assert.Contains("no enum type or table.column named 'JobStatuss'. Did you mean 'JobStatus'?", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaQualifiedTarget_Resolves()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("app.job_tracking.job_type")]
            public static class JobTypes { public const string Cleanup = "cleanup"; }
            """, Postgres(AppJobType));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task MissingValueSets_FailWithHowToProvideThem()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("JobStatus")]
            public enum JobStatus { Pending }
            """, valueSets: null);

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4004", error.Id);
        Assert.Contains("Reference SchemaTasks.Build", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValueSetsInAnotherFormatVersion_FailWithBothVersions()
    {
        var otherVersion = Postgres(JobStatus).Replace("schematasks-value-sets\t1\t", "schematasks-value-sets\t2\t", StringComparison.Ordinal);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync("""
            using SchemaTasks;
            [DbEnum("JobStatus")]
            public enum JobStatus { Pending }
            """, otherVersion);

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4004", error.Id);
        Assert.Contains("the value-set file is in format 2, and this analyzer reads format 1", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectWithoutMappings_IsNotChecked()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync("public enum Plain { A }", valueSets: null);

        Assert.Empty(diagnostics);
    }
}
