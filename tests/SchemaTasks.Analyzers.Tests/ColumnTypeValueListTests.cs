using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// <c>[Column(TypeName = "enum('a','b')")]</c>, as a Pomelo MySQL model writes an ENUM column:
/// each value the code lists must be one the migrated column allows.
/// </summary>
public sealed class ColumnTypeValueListTests
{
    private const string Jobs = "CREATE TABLE jobs (id int PRIMARY KEY, status ENUM('queued', 'running', 'done') NOT NULL, note_kind varchar(20));";

    private static string Source(string property, string table = "[Table(\"jobs\")]") => $$"""
        using System.ComponentModel.DataAnnotations.Schema;

        public enum JobStatus { queued, running, done }
        {{table}}
        public class Job
        {
            public int Id { get; set; }
            {{property}}
        }

        """ + EfCoreApiStub.Source;

    [Fact]
    public async Task ListedValueTheColumnLacks_IsReportedAtTheValueInsideTheString()
    {
        var source = Source("[Column(\"status\", TypeName = \"enum('queued','running','done','archived')\")] public JobStatus State { get; set; }");

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, MySql(Jobs));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.True(error.GetMessage().StartsWith("[Column(TypeName)] of Job.State maps to 'archived', which column jobs.status (ENUM) does not declare", StringComparison.Ordinal), error.GetMessage());
        Assert.Equal(SourcePosition.Of(source, "archived')"), error.Location.GetLineSpan().StartLinePosition);
        Assert.Equal("archived".Length, error.Location.SourceSpan.Length);
        Assert.EndsWith("ALTER TABLE jobs MODIFY COLUMN status ENUM('queued', 'running', 'done', 'archived') NOT NULL;", error.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Column(TypeName = \"ENUM( 'queued' , 'running','done' )\")] public string Status { get; set; } = \"\";")]
    [InlineData("[Column(TypeName = \"enum('queued','running')\")] public JobStatus Status { get; set; }")] // a subset: the code never writes the rest
    [InlineData("[Column(TypeName = \"varchar(20)\")] public string Status { get; set; } = \"\";")] // no value list
    [InlineData("[Column(\"note_kind\", TypeName = \"enum('a','b')\")] public string Kind { get; set; } = \"\";")] // a column with no value set
    public async Task ListTheColumnAllows_OrNoList_IsNotReported(string property)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source(property), MySql(Jobs));

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public async Task EscapedQuotes_AreReadAsMySqlReadsThem_AndTheWholeArgumentIsPointedAt()
    {
        var source = Source("[Column(TypeName = @\"enum('queued','it''s done')\")] public string Status { get; set; } = \"\";");

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, MySql(Jobs));

        var error = Assert.Single(diagnostics);
        Assert.Contains("maps to 'it's done'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(SourcePosition.Of(source, "@\"enum("), error.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public async Task TableLeftToConventions_IsAWarningWithTheReason()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Source("[Column(TypeName = \"enum('queued')\")] public JobStatus Status { get; set; }", table: ""), MySql(Jobs));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("ST4006", warning.Id);
        Assert.StartsWith("[Column(TypeName)] of Job.Status maps enum JobStatus, which cannot be checked: the table of Job comes from EF Core's conventions", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutValueSets_NothingIsReported()
    {
        Assert.Empty(await AnalyzerRun.DiagnosticsAsync(Source("[Column(TypeName = \"enum('x')\")] public string Status { get; set; } = \"\";"), valueSets: null));
    }
}
