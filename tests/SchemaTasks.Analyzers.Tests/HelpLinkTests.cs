using System.Text.RegularExpressions;
using SchemaTasks.Testing;

namespace SchemaTasks.Analyzers.Tests;

public sealed class HelpLinkTests
{
    [Fact]
    public void EveryDiagnostic_LinksToItsOwnSectionOfTheDiagnosticsPage()
    {
        var headings = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics.md"))
            .Where(l => l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => l.Substring(4))
            .ToList();

        foreach (var descriptor in new DbEnumAnalyzer().SupportedDiagnostics)
        {
            var heading = Assert.Single(headings, h => h.StartsWith(descriptor.Id + ":", StringComparison.Ordinal));
            Assert.Equal("https://github.com/schematasks/schematasks/blob/main/docs/diagnostics.md#" + GitHubFragment(heading), descriptor.HelpLinkUri);
        }
    }

    // GitHub's heading anchors: lower case, punctuation other than '-' dropped, spaces to '-'.
    private static string GitHubFragment(string heading)
        => Regex.Replace(heading.ToLowerInvariant(), @"[^\p{L}\p{Nd}\- ]", "").Replace(' ', '-');
}
