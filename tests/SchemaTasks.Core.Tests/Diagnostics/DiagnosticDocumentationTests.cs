using System.Reflection;
using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;
using SchemaTasks.Testing;

namespace SchemaTasks.Core.Tests.Diagnostics;

/// <summary>Every code a user can meet has a section in docs/diagnostics.md.</summary>
public sealed class DiagnosticDocumentationTests
{
    [Fact]
    public void EveryCode_HasAHeadingInTheDiagnosticsPage()
    {
        var root = RepositoryRoot.Path;
        var headings = File.ReadAllLines(Path.Combine(root, "docs", "diagnostics.md")).Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToList();
        var coreCodes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
        var analyzerCodes = Regex.Matches(File.ReadAllText(Path.Combine(root, "src", "SchemaTasks.Analyzers", "Descriptors.cs")), "\"(ST\\d{4})\"").Select(m => m.Groups[1].Value);

        var undocumented = coreCodes.Concat(analyzerCodes).Distinct().Where(code => !headings.Any(h => h.Contains(code, StringComparison.Ordinal))).Order().ToList();

        Assert.True(undocumented.Count == 0, "Not documented in docs/diagnostics.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Codes_AreUnique()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
