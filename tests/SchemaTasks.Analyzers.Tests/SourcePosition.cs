using Microsoft.CodeAnalysis.Text;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>Where a piece of text that occurs once in a test source starts, as the compiler counts lines and columns.</summary>
internal static class SourcePosition
{
    public static LinePosition Of(string source, string text)
    {
        var index = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"{text} is not in the source");
        Assert.Equal(-1, source.IndexOf(text, index + 1, StringComparison.Ordinal));
        var line = source.AsSpan(0, index).Count('\n');
        return new LinePosition(line, index - (source.LastIndexOf('\n', index) + 1));
    }
}
