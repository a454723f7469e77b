using SchemaTasks.ValueSets;

namespace SchemaTasks.Core.Tests.ValueSets;

public sealed class ObjectReferenceTests
{
    [Theory]
    [InlineData("JobStatus", new[] { "JobStatus" })]
    [InlineData("app.job_tracking.job_type", new[] { "app", "job_tracking", "job_type" })]
    [InlineData(" jobs . state ", new[] { "jobs", "state" })]
    [InlineData("\"my.status\"", new[] { "my.status" })]
    [InlineData("\"a.b\".mode", new[] { "a.b", "mode" })]
    [InlineData("`t.x`.`c``y`", new[] { "t.x", "c`y" })]
    [InlineData("\"say \"\"hi\"\"\"", new[] { "say \"hi\"" })]
    [InlineData(" \" padded \" ", new[] { " padded " })]
    public void Split_KeepsADotInsideQuotesInItsPart(string reference, string[] parts)
        => Assert.Equal(parts, ObjectReference.Split(reference));

    [Theory]
    [InlineData(new[] { "JobStatus" }, "JobStatus")]
    [InlineData(new[] { "jobs", "state" }, "jobs.state")]
    [InlineData(new[] { "my.status" }, "\"my.status\"")]
    [InlineData(new[] { "a\"b", "c" }, "\"a\"\"b\".c")]
    public void Format_QuotesOnlyPartsThatWouldNotReadBack(string[] parts, string expected)
    {
        Assert.Equal(expected, ObjectReference.Format(parts));
        Assert.Equal(parts, ObjectReference.Split(expected));
    }
}
