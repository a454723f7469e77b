using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

public class ScenarioTests
{
    [Fact]
    public void Scenario1_PrismaAddValue_AppendsCancelledAfterInit()
    {
        var set = ScenarioFixtures.Load("1-prisma-job-status");
        Assert.Equal(MigrationLayout.Prisma, set.Layout);
        Assert.Equal(SqlDialect.Postgres, set.Dialect);

        var result = SchemaEngine.Build(set, SqlDialect.Postgres);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["PENDING", "RUNNING", "COMPLETED", "FAILED"], result.Before(1).FindEnumType(Pg("JobStatus"))!.Labels.ToArray());
        Assert.Equal(["PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"], result.Final.FindEnumType(Pg("JobStatus"))!.Labels.ToArray());
        var status = result.Final.FindTable(Pg("jobs"))!.FindColumn("status", SqlDialect.Postgres)!;
        Assert.Equal("\"JobStatus\"", status.Type);
        Assert.Equal(Pg("JobStatus"), status.TypeReference);
        Assert.False(status.IsNullable);
        Assert.Equal("'PENDING'", status.Default);
        Assert.Equal(AllowedValuesSourceKind.EnumType, result.Final.GetAllowedValues("jobs.status")!.Sources.Single().Kind);
        Assert.Contains("CANCELLED", result.Final.GetAllowedValues("JobStatus")!.Values.ToArray());
    }

    [Fact]
    public void Scenario2_GolangMigrateModifyColumn_ReplacesEnumListAndIgnoresDownFiles()
    {
        var set = ScenarioFixtures.Load("2-golang-migrate-job-tracking");
        Assert.Equal(2, set.Migrations.Count);

        var result = SchemaEngine.Build(set, SqlDialect.MySql);

        Assert.Empty(result.Diagnostics);
        var before = result.Before(1).GetAllowedValues(My("job_tracking"), "job_type")!;
        Assert.Equal(16, before.Values.Length);
        Assert.Equal("cleanup", before.Values[0]);
        Assert.Equal("schedule_control", before.Values[15]);
        Assert.DoesNotContain("protection_flow", before.Values.ToArray());
        Assert.Equal(AllowedValuesSourceKind.InlineEnum, before.Sources.Single().Kind);

        var column = result.Final.FindTable(My("job_tracking"))!.FindColumn("JOB_TYPE", SqlDialect.MySql)!;
        Assert.True(column.IsNullable);
        Assert.Null(column.Default); // DEFAULT NULL is no default, as the servers report it.
        Assert.Equal(18, column.InlineValues!.Values.Length);
        Assert.Equal(["protection_flow", "backup_execution"], column.InlineValues.Values[16..].ToArray());
        Assert.StartsWith("enum('cleanup','failover',", column.Type, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario3_EnumLabels_AreExactAndFunctionBodyIsIgnored()
    {
        var result = SchemaEngine.Build(ScenarioFixtures.Load("3-plain-content-request-status"), SqlDialect.Postgres);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            ["pending", "validating", "retrieving", "generating_script", "generating_video", "processing_video", "notifying", "completed", "failed", "cancelled"],
            result.Final.GetAllowedValues("content_requests.status")!.Values.ToArray());
        Assert.Equal("timestamp with time zone", result.Final.FindTable(Pg("content_requests"))!.FindColumn("created_at", SqlDialect.Postgres)!.Type);
    }

    [Fact]
    public void Scenario4_CheckValueSet_IsReplacedWhenConstraintIsRecreated()
    {
        var result = SchemaEngine.Build(ScenarioFixtures.Load("4-check-bots-health-status"), SqlDialect.Postgres);

        Assert.Empty(result.Diagnostics);
        var first = result.Steps[0].GetAllowedValues(Pg("bots"), "health_status")!;
        Assert.Equal(["normal", "potentially_stuck"], first.Values.ToArray());
        Assert.Equal("bots_health_status_check", first.Sources.Single().Name);
        Assert.Equal(AllowedValuesSourceKind.Check, first.Sources.Single().Kind);
        Assert.Equal(["normal", "potentially_stuck", "unhealthy"], result.Final.GetAllowedValues(Pg("bots"), "health_status")!.Values.ToArray());
        var id = result.Final.FindTable(Pg("bots"))!.Columns[0];
        Assert.Equal(("integer", false, "nextval('bots_id_seq'::regclass)"), (id.Type, id.IsNullable, id.Default));
    }

    [Fact]
    public void Scenario5_StepsShowWhatTheFailedMigrationCreates()
    {
        var set = ScenarioFixtures.Load("5-prisma-momentum");
        var result = SchemaEngine.Build(set, SqlDialect.Postgres);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("20251208175358_add_scheduled_issues", set.Migrations[1].Id);
        var before = result.Before(1);
        var after = result.After(1);
        var frequency = new QualifiedName("momentum", "ScheduleFrequency");
        var issue = new QualifiedName("momentum", "mm_scheduled_issue");

        Assert.Contains("momentum", before.Schemas);
        Assert.NotNull(before.FindTable(new QualifiedName("momentum", "mm_board")));
        Assert.Null(before.FindEnumType(frequency));
        Assert.Null(before.FindTable(issue));

        Assert.Equal(["DAILY", "WEEKLY", "BIWEEKLY", "MONTHLY"], after.FindEnumType(frequency)!.Labels.ToArray());
        var table = after.FindTable(issue)!;
        Assert.Equal(["id", "board_id", "title", "frequency", "next_run_at", "created_at"], table.Columns.Select(c => c.Name));
        Assert.Equal("momentum.\"ScheduleFrequency\"", table.FindColumn("frequency", SqlDialect.Postgres)!.Type);
        Assert.Equal("character varying(255)", table.FindColumn("title", SqlDialect.Postgres)!.Type);
        Assert.Equal("timestamp(3) without time zone", table.FindColumn("next_run_at", SqlDialect.Postgres)!.Type);
        Assert.Equal(["mm_scheduled_issue_board_id_fkey", "mm_scheduled_issue_pkey"], table.OtherConstraints.ToArray());
        Assert.Equal(["DAILY", "WEEKLY", "BIWEEKLY", "MONTHLY"], after.GetAllowedValues("momentum.mm_scheduled_issue.frequency")!.Values.ToArray());
    }
}
