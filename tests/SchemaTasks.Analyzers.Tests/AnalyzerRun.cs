using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SchemaTasks.Analyzers.Tests;

/// <summary>Compiles source with the real compiler and the analyzer, as a build would.</summary>
internal static class AnalyzerRun
{
    /// <summary>The framework assemblies of the running runtime that test sources compile against (no reference package is downloaded).</summary>
    internal static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll" or "System.Console.dll" or "System.Linq.Expressions.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>The analyzer's findings; the one-line summary (ST4000) and the count of SQL strings it could not read (ST4007) only when asked for.</summary>
    /// <param name="generatedAttributes">Whether the compilation has the attributes the package adds (<c>SchemaGenerateAttributes</c>).</param>
    public static async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(string source, string? valueSets, bool scaffold = false, bool includeSummary = false, bool generatedAttributes = true)
    {
        var attributes = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "SchemaTasks.Attributes.cs"));
        SyntaxTree[] trees = generatedAttributes
            ? [CSharpSyntaxTree.ParseText(attributes, path: "SchemaTasks.Attributes.cs"), CSharpSyntaxTree.ParseText(source, path: "Code.cs")]
            : [CSharpSyntaxTree.ParseText(source, path: "Code.cs")];
        var compilation = CSharpCompilation.Create(
            "Fixture",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, string.Join("\n", compileErrors));

        var additionalFiles = valueSets is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryText("obj/Debug/net10.0/schematasks/schematasks.valuesets", valueSets));
        var globalOptions = new BuildProperties(scaffold ? new Dictionary<string, string> { ["build_property.SchemaScaffold"] = "true" } : []);
        var analyzed = compilation.WithAnalyzers([new DbEnumAnalyzer()], new AnalyzerOptions(additionalFiles, globalOptions));
        return (await analyzed.GetAnalyzerDiagnosticsAsync())
            .Where(d => includeSummary || d.Id is not ("ST4000" or "ST4007"))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
    }

    /// <summary>The MSBuild properties a build makes visible to analyzers.</summary>
    private sealed class BuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => values.TryGetValue(key, out value);
        }
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
