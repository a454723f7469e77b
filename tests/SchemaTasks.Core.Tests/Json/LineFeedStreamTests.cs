using System.Text;
using SchemaTasks.Json;

namespace SchemaTasks.Core.Tests.Json;

/// <summary>JSON written where the newline is CRLF still ends its lines with LF alone.</summary>
public sealed class LineFeedStreamTests
{
    [Theory]
    [InlineData("{\r\n  \"a\": 1\r\n}", "{\n  \"a\": 1\n}")]
    [InlineData("\r\n\r\n", "\n\n")]
    [InlineData("no line ends", "no line ends")]
    [InlineData("\r", "")]
    [InlineData("", "")]
    public void Write_DropsCarriageReturns_AcrossAnySplitOfTheInput(string input, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        for (var split = 0; split <= bytes.Length; split++)
        {
            using var inner = new MemoryStream();
            using (var stream = new LineFeedStream(inner))
            {
                stream.Write(bytes, 0, split);
                stream.Write(bytes.AsSpan(split));
            }

            Assert.Equal(expected, Encoding.UTF8.GetString(inner.ToArray()));
        }
    }
}
