using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>Reading many files on two threads gives what reading them one by one would.</summary>
public class FileReadsTests
{
    [Theory]
    [InlineData(10)] // one thread
    [InlineData(500)] // two
    public void EveryIndex_IsReadOnce_AndComesBackInItsPlace(int count)
    {
        var calls = new int[count];

        var outcomes = FileReads.Run(count, i =>
        {
            Interlocked.Increment(ref calls[i]);
            return $"text {i}";
        });

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"text {i}"), outcomes.Select(o => o.Read));
        Assert.All(outcomes, o => Assert.Null(o.Failure));
        Assert.All(calls, c => Assert.Equal(1, c));
    }

    [Fact]
    public void AFileThatCannotBeRead_IsItsOutcome_AndTheOthersAreRead()
    {
        var outcomes = FileReads.Run(200, i => i == 77 ? throw new FileNotFoundException("gone") : "read");

        Assert.IsType<FileNotFoundException>(outcomes[77].Failure);
        Assert.Null(outcomes[77].Read);
        Assert.Equal(199, outcomes.Count(o => o.Read == "read"));
    }

    [Fact]
    public void AnyOtherException_IsThrownToTheCaller()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => FileReads.Run(200, i => i == 150 ? throw new InvalidOperationException("a bug") : "read"));

        Assert.Equal("a bug", thrown.Message);
    }
}
