using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SchemaTasks.CodeFixes;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>
/// Runs the analyzer and a code fix with Roslyn's code-fix test harness, as the IDE would: the
/// diagnostics before, the fixed source, and the diagnostics after (none, unless given).
/// </summary>
internal sealed class CodeFixRun : CSharpCodeFixTest<DbEnumAnalyzer, UndeclaredValueCodeFix, DefaultVerifier>
{
    public CodeFixRun(string source, string fixedSource, string valueSets)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        var attributes = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SchemaTasks.Attributes.cs"));
        foreach (var state in new[] { TestState, FixedState })
        {
            // The same framework assemblies as the analyzer tests: no reference-assembly package is
            // downloaded, so the tests run where only the SDK is installed.
            state.AdditionalReferences.AddRange(AnalyzerRun.References.Value);
            state.Sources.Add(("SchemaTasks.Attributes.cs", attributes));
            state.AdditionalFiles.Add(("obj/Debug/net10.0/schematasks/schematasks.valuesets", valueSets));
        }

        TestState.Sources.Add(("Code.cs", source));
        FixedState.Sources.Add(("Code.cs", fixedSource));

        // The one-line summary is not a finding to fix.
        DisabledDiagnostics.Add("ST4000");
    }

    public static async Task VerifyAsync(string source, string fixedSource, string valueSets, string? equivalenceKey = null)
    {
        var run = new CodeFixRun(source, fixedSource, valueSets);
        if (equivalenceKey is not null) run.CodeActionEquivalenceKey = equivalenceKey;
        await run.RunAsync();
    }
}
