using static SchemaTasks.Analyzers.Tests.ScenarioValueSets;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// String constants reach a mapped member through conditional, switch and coalescing
/// expressions, equality calls, primary constructors and locals; each undeclared one is
/// reported at the literal itself.
/// </summary>
public sealed class LiteralFlowTests
{
    private const string Jobs = """
        CREATE TABLE jobs (id serial PRIMARY KEY, status text NOT NULL CHECK (status IN ('queued', 'running', 'done')));
        """;

    private const string Types = """
        using System;
        using System.Collections.Generic;
        using SchemaTasks;
        public class Job
        {
            [DbEnum("jobs.status")] public string Status { get; set; } = "queued";
            public static void Set([DbEnum("jobs.status")] string status) { }
        }
        public record JobRecord([property: DbEnum("jobs.status")] string Status);
        public record ParameterMappedRecord([DbEnum("jobs.status")] string Status);
        public class JobClass(string status) { [DbEnum("jobs.status")] public string Status { get; } = status; }
        public class ParameterMappedClass([DbEnum("jobs.status")] string status) { public string Status { get; } = status; }
        """;

    [Theory]
    [InlineData("j.Status = flag ? \"queued\" : \"bad\";", "the string assigned to Job.Status")]
    [InlineData("j.Status = n switch { 0 => \"done\", _ => \"bad\" };", "the string assigned to Job.Status")]
    [InlineData("j.Status = s ?? \"bad\";", "the string assigned to Job.Status")]
    [InlineData("j.Status = flag ? (n switch { 0 => \"done\", _ => s ?? \"bad\" }) : \"queued\";", "the string assigned to Job.Status")]
    [InlineData("var ok = j.Status == (flag ? \"done\" : \"bad\");", "the string compared with Job.Status")]
    [InlineData("Job.Set(flag ? \"done\" : \"bad\");", "the string passed to parameter 'status' of Job.Set")]
    [InlineData("var ok = string.Equals(j.Status, \"bad\");", "the string compared with Job.Status")]
    [InlineData("var ok = string.Equals(\"bad\", j.Status, StringComparison.Ordinal);", "the string compared with Job.Status")]
    [InlineData("var ok = j.Status.Equals(\"bad\");", "the string compared with Job.Status")]
    [InlineData("var ok = j.Status.Equals(\"bad\", StringComparison.InvariantCulture);", "the string compared with Job.Status")]
    [InlineData("var ok = j.Status.Equals(\"bad\", StringComparison.OrdinalIgnoreCase);", "the string compared with Job.Status")]
    [InlineData("var ok = \"bad\".Equals(j.Status);", "the string compared with Job.Status")]
    [InlineData("var ok = StringComparer.Ordinal.Equals(j.Status, \"bad\");", "the string compared with Job.Status")]
    [InlineData("var ok = StringComparer.OrdinalIgnoreCase.Equals(\"bad\", j.Status);", "the string compared with Job.Status")]
    [InlineData("var ok = Equals(j.Status, \"bad\");", "the string compared with Job.Status")]
    [InlineData("var r = new JobRecord(\"bad\");", "the string passed to JobRecord.Status")]
    [InlineData("var r = new JobRecord(\"done\") with { Status = \"bad\" };", "the string assigned to JobRecord.Status")]
    [InlineData("var r = new ParameterMappedRecord(\"bad\");", "the string passed to parameter 'Status' of the ParameterMappedRecord constructor")]
    [InlineData("var r = new ParameterMappedRecord(\"done\") with { Status = \"bad\" };", "the string assigned to ParameterMappedRecord.Status")]
    [InlineData("var c = new JobClass(\"bad\");", "the string passed to JobClass.Status")]
    [InlineData("var c = new ParameterMappedClass(\"bad\");", "the string passed to parameter 'status' of the ParameterMappedClass constructor")]
    [InlineData("var v = \"bad\"; j.Status = v;", "the string assigned to Job.Status")]
    [InlineData("var v = \"queued\"; if (flag) { v = \"bad\"; } j.Status = v;", "the string assigned to Job.Status")]
    [InlineData("string v; v = flag ? \"done\" : \"bad\"; j.Status = v;", "the string assigned to Job.Status")]
    [InlineData("var a = \"bad\"; var b = a; Job.Set(b);", "the string passed to parameter 'status' of Job.Set")]
    public async Task UndeclaredConstant_IsReportedAtTheLiteral(string statement, string subject)
    {
        var source = Use(statement);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(source, Postgres(Jobs));

        var error = Assert.Single(diagnostics);
        Assert.Equal("ST4001", error.Id);
        Assert.StartsWith($"{subject} maps to 'bad', which column jobs.status", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(SourcePosition.Of(source, "\"bad\""), error.Location.GetLineSpan().StartLinePosition);
    }

    [Theory]
    [InlineData("j.Status = flag ? \"queued\" : \"done\";")]
    [InlineData("j.Status = n switch { 0 => \"done\", _ => \"running\" };")]
    [InlineData("j.Status = s ?? \"done\";")]
    [InlineData("j.Status = flag ? (n switch { 0 => \"done\", _ => s ?? \"running\" }) : null!;")]
    [InlineData("var ok = string.Equals(j.Status, \"done\") || string.Equals(\"done\", j.Status, StringComparison.Ordinal);")]
    [InlineData("var ok = j.Status.Equals(\"done\") || \"done\".Equals(j.Status) || StringComparer.Ordinal.Equals(j.Status, \"done\");")]
    [InlineData("var ok = j.Status.Equals(\"DONE\", StringComparison.OrdinalIgnoreCase) || StringComparer.InvariantCultureIgnoreCase.Equals(j.Status, \"Done\");")]
    [InlineData("var ok = comparer.Equals(j.Status, \"bad\");")] // a comparer known only at run time
    [InlineData("var r = new JobRecord(\"done\") with { Status = \"queued\" }; var p = new ParameterMappedRecord(\"running\");")]
    [InlineData("var c = new JobClass(\"done\"); var d = new ParameterMappedClass(\"queued\");")]
    [InlineData("var v = \"queued\"; if (flag) { v = \"done\"; } j.Status = v;")]
    [InlineData("var v = \"bad\"; v = s!; j.Status = v;")] // also given a value known only at run time
    [InlineData("var v = \"bad\"; Change(ref v); j.Status = v;")]
    [InlineData("var v = \"bad\"; v += s; j.Status = v;")]
    [InlineData("var v = \"bad\"; Action reset = () => v = s!; j.Status = v;")]
    [InlineData("foreach (var v in names) { j.Status = v; }")]
    [InlineData("var v = \"bad\"; (v, n) = (s!, 1); j.Status = v;")]
    public async Task DeclaredOrUnknownValue_IsNotReported(string statement)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Use(statement), Postgres(Jobs));

        Assert.Empty(diagnostics);
    }

    private static string Use(string statement) => Types + $$"""

        public static class Use
        {
            public static void Run(Job j, bool flag, int n, string? s, StringComparer comparer, List<string> names)
            {
                {{statement}}
            }

            private static void Change(ref string value) => value = "queued";
        }
        """;
}
