using Microsoft.CodeAnalysis;
using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// An enum property EF Core stores by name (<c>HasConversion&lt;string&gt;()</c>) is checked against
/// its table's column, named by <c>ToTable</c>, <c>HasColumnName</c>, <c>[Table]</c>, <c>[Column]</c>
/// or the property's name.
/// </summary>
public sealed class EfCoreMappingTests
{
    private const string PostgresTables = """
        CREATE TABLE jobs (id serial PRIMARY KEY, status text NOT NULL CHECK (status IN ('Queued', 'Running', 'Done')));
        CREATE SCHEMA ops;
        CREATE TABLE ops.job_runs (id serial PRIMARY KEY, run_state text CHECK (run_state IN ('Queued', 'Running', 'Done')));
        """;

    private const string MySqlTables = """
        CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('Queued', 'Running', 'Done') NOT NULL);
        """;

    private const string Entities = """
        using System.ComponentModel.DataAnnotations.Schema;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;
        using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

        public enum JobStatus { Queued, Running, Done, Failed }
        public class Job { public int Id { get; set; } public JobStatus Status { get; set; } public JobStatus? Previous { get; set; } public string Name { get; set; } = ""; }
        [Table("jobs")] public class AnnotatedJob { [Column("status")] public JobStatus State { get; set; } }
        [Table("job_runs", Schema = "ops")] public class JobRun { [Column("run_state")] public JobStatus State { get; set; } }
        public static class Converters { public static readonly ValueConverter Names = new EnumToStringConverter<JobStatus>(); }

        """;

    [Theory]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion<string>();")]
    [InlineData("m.Entity<Job>(b => { b.ToTable(\"jobs\"); b.Property(j => j.Status).HasConversion<string>().IsRequired(); });")]
    [InlineData("m.Entity<Job>().ToTable(\"job_runs\", \"ops\").Property(j => j.Status).HasColumnName(\"run_state\").HasConversion<string>();")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Previous).HasConversion<string>().HasColumnName(\"status\");")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property<JobStatus>(\"Status\").HasConversion<string>();")]
    [InlineData("m.Entity<AnnotatedJob>().Property(j => j.State).HasConversion<string>();")]
    [InlineData("m.Entity<JobRun>().Property(j => j.State).HasConversion<string>();")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion<EnumToStringConverter<JobStatus>>();")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion(new EnumToStringConverter<JobStatus>());")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion(new EnumToStringConverter<JobStatus>(null)).IsRequired();")]
    public async Task MemberTheColumnLacks_IsReportedAtTheMember(string configuration)
    {
        var source = Source(configuration);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(PostgresTables));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.StartsWith("enum member JobStatus.Failed maps to 'Failed', which column ", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(SourcePosition.Of(source, "Failed }"), error.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public async Task EntityTypeConfiguration_ReadsToTableOnTheSameBuilder()
    {
        var source = Source("", """
            public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
            {
                public void Configure(EntityTypeBuilder<Job> builder)
                {
                    builder.ToTable("jobs");
                    builder.Property(j => j.Status).HasConversion<string>();
                }
            }
            """);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(PostgresTables));

        Assert.Equal(SourcePosition.Of(source, "Failed }"), Assert.Single(diagnostics).Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public async Task PomeloMySqlEnumColumn_FailsWithTheWholeModifyColumn()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion<string>();"), MySql(MySqlTables));

        var error = Assert.Single(diagnostics);
        Assert.EndsWith("Fix: add a migration with: ALTER TABLE jobs MODIFY COLUMN status ENUM('Queued', 'Running', 'Done', 'Failed') NOT NULL;", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnValueNoMemberMaps_IsAWarningAtTheConversion()
    {
        var source = Source("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion<string>();")
            .Replace("Queued, Running, Done, Failed", "Queued, Running", StringComparison.Ordinal);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(PostgresTables));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("ST4003", warning.Id);
        Assert.StartsWith("column jobs.status (CHECK jobs_status_check) allows 'Done', which no member of enum JobStatus (HasConversion<string>() of Job.Status) maps to", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(SourcePosition.Of(source, "HasConversion<string>"), warning.Location.GetLineSpan().StartLinePosition);
    }

    [Theory]
    [InlineData("m.Entity<Job>().Property(j => j.Status).HasConversion<string>();", "the table of Job comes from EF Core's conventions")]
    [InlineData("m.Entity<Job>().ToTable(table).Property(j => j.Status).HasConversion<string>();", "its table name is known only at run time")]
    public async Task TableTheCodeDoesNotName_IsAWarningWithTheReason(string configuration, string reason)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(configuration), Postgres(PostgresTables));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("ST4006", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("HasConversion<string>() of Job.Status maps enum JobStatus, which cannot be checked: " + reason, warning.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m.Entity<Job>().ToTable(\"job_notes\").Property(j => j.Status).HasConversion<string>();")] // a text column with no CHECK
    [InlineData("m.Entity<Job>().ToTable(\"jbos\").Property(j => j.Status).HasConversion<string>();")]
    public async Task ColumnWithoutAValueSet_IsNotReported(string configuration)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(configuration), Postgres(PostgresTables + "CREATE TABLE job_notes (id serial PRIMARY KEY, status text);"));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Name).HasConversion<string>();")] // not an enum
    [InlineData("m.Entity<Job>().Property(j => j.Id).HasConversion<string>();")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion<int>();")] // stored as numbers
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion<EnumToNumberConverter<JobStatus, int>>();")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion(new EnumToNumberConverter<JobStatus, int>());")]
    [InlineData("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion(Converters.Names);")] // made elsewhere: not followed
    public async Task ConversionThatIsNotEnumToString_IsNotRead(string configuration)
    {
        Assert.Empty(await AnalyzerRun.DiagnosticsAsync(Source(configuration), Postgres(PostgresTables)));
    }

    [Fact]
    public async Task EnumWhoseMembersTheColumnAllows_IsNotReported()
    {
        var source = Source("m.Entity<Job>().ToTable(\"jobs\").Property(j => j.Status).HasConversion<string>(); m.Entity<JobRun>().Property(j => j.State).HasConversion<string>();")
            .Replace("Queued, Running, Done, Failed", "Queued, Running, Done", StringComparison.Ordinal);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(PostgresTables));

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    private static string Source(string configuration, string more = "") => Entities + EfCoreApiStub.Source + $$"""
        public static class Model
        {
            public static void Configure(ModelBuilder m, string table)
            {
                {{configuration}}
            }
        }
        {{more}}

        """;
}
