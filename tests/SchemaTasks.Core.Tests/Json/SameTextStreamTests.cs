using System.Text;
using SchemaTasks.Json;

namespace SchemaTasks.Core.Tests.Json;

/// <summary>
/// The build task's comparison of the snapshot it would write with the committed file: the
/// same answer as comparing the file's text, line endings made LF, with the snapshot's text.
/// </summary>
public sealed class SameTextStreamTests
{
    [Theory]
    [InlineData("{\n  \"a\": \"ü\"\n}\n", "{\n  \"a\": \"ü\"\n}\n", true)]
    [InlineData("{\r\n  \"a\": \"ü\"\r\n}\r\n", "{\n  \"a\": \"ü\"\n}\n", true)]
    [InlineData("{\r  \"a\": 1\r}\r", "{\n  \"a\": 1\n}\n", true)]
    [InlineData("\uFEFF{}\n", "{}\n", true)]
    [InlineData("{}\n", "{}\n\n", false)]
    [InlineData("{}\n\n", "{}\n", false)]
    [InlineData("{\"a\": 1}\n", "{\"a\": 2}\n", false)]
    [InlineData("{\"a\": \"u\"}\n", "{\"a\": \"ü\"}\n", false)]
    [InlineData("", "", true)]
    [InlineData("", "{}", false)]
    [InlineData("{}", "", false)]
    public void Finish_AgreesWithComparingTheWholeTexts_AcrossAnySplitOfTheWrites(string committed, string written, bool same)
    {
        var bytes = Encoding.UTF8.GetBytes(written);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var stream = new SameTextStream(new StringReader(committed));
            stream.Write(bytes, 0, split);
            stream.Write(bytes.AsSpan(split));

            Assert.Equal(same, stream.Finish());
        }
    }

    [Fact]
    public void Finish_ComparesTextsLongerThanItsPieces()
    {
        // Many pieces on both sides, a four-byte character across most boundaries, and one
        // difference near the end.
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i} 😀\n"));
        var committed = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var changed = Encoding.UTF8.GetBytes(text.Replace("line 19999", "line 19998", StringComparison.Ordinal));

        Assert.True(WriteInChunks(committed, bytes, 1000));
        Assert.False(WriteInChunks(committed, changed, 1000));
        Assert.False(WriteInChunks(committed + "x", bytes, 1000));
    }

    private static bool WriteInChunks(string committed, byte[] bytes, int chunk)
    {
        var stream = new SameTextStream(new StringReader(committed));
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            stream.Write(bytes, at, Math.Min(chunk, bytes.Length - at));
        }

        return stream.Finish();
    }
}
