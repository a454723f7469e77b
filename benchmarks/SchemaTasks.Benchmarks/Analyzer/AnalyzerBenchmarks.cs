using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaTasks.Analyzers;

namespace SchemaTasks.Benchmarks.Analyzer;

/// <summary>
/// What the DbEnum analyzer adds to a build: full compilation diagnostics (binding every
/// method body, as a build does) with and without the analyzer, on 200 mapped enums and
/// 2,000 checked string literals. A fresh compilation per call, so nothing is cached between
/// iterations.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private SyntaxTree[] _trees = null!;
    private ImmutableArray<MetadataReference> _references;
    private AnalyzerOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var attributes = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SchemaTasks.Attributes.cs"));
        _trees =
        [
            CSharpSyntaxTree.ParseText(attributes, path: "SchemaTasks.Attributes.cs"),
            CSharpSyntaxTree.ParseText(AnalyzerCorpus.Source(), path: "App.cs"),
        ];
        _references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        _options = new AnalyzerOptions([new InMemoryText("obj/schematasks/schematasks.valuesets", AnalyzerCorpus.ValueSets())]);

        var errors = Compilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var findings = WithAnalyzer();
        if (errors.Count > 0 || findings > 0)
        {
            throw new InvalidOperationException($"The generated application is not clean: {errors.Count} compile errors, {findings} analyzer findings. {errors.FirstOrDefault()}");
        }
    }

    [Benchmark(Baseline = true, Description = "Compile")]
    public int WithoutAnalyzer() => Compilation().GetDiagnostics().Length;

    [Benchmark(Description = "Compile + DbEnumAnalyzer")]
    public int WithAnalyzer()
    {
        var analyzed = Compilation().WithAnalyzers([new DbEnumAnalyzer()], _options);
        return analyzed.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Count(d => d.Id.StartsWith("ST", StringComparison.Ordinal));
    }

    private CSharpCompilation Compilation() => CSharpCompilation.Create(
        "App",
        _trees,
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
}
