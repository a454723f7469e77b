using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaTasks.Analyzers;

namespace SchemaTasks.Benchmarks.Analyzer;

/// <summary>
/// What the analyzer adds to compiling a whole application of 2,000 files (SolutionCorpus):
/// parse, bind and emit, with the operation-based analyzers every build runs (a stand-in for
/// the SDK's default rules), with and without SchemaTasks', in the same run; and plain
/// compilation for scale. Each call starts from the source text, so nothing is cached between
/// iterations.
/// </summary>
[MemoryDiagnoser]
[GcConcurrent(false)] // A background collection competing for the second core spread the runs by a fifth.
public class SolutionAnalyzerBenchmarks
{
    private (string Path, SourceText Text)[] _sources = [];
    private ImmutableArray<MetadataReference> _references;
    private AnalyzerOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var attributes = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SchemaTasks.Attributes.cs"));
        _sources = SolutionCorpus.Sources()
            .Append((Path: "SchemaTasks.Attributes.cs", Text: attributes))
            .Select(s => (s.Path, SourceText.From(s.Text)))
            .ToArray();
        // The framework's assemblies, as a project references them.
        _references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" || Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        _options = new AnalyzerOptions([new InMemoryText("obj/schematasks/schematasks.valuesets", SolutionCorpus.ValueSets())]);

        var compilation = Compilation();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var findings = compilation.WithAnalyzers([new DbEnumAnalyzer()], _options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id != "ST4000")
            .ToList();
        if (errors.Count > 0 || findings.Count > 0)
        {
            throw new InvalidOperationException($"The generated application is not clean: {errors.Count} compile errors, {findings.Count} analyzer findings. {errors.Concat(findings).FirstOrDefault()}");
        }
    }

    [Benchmark(Description = "Compile")]
    public bool Compile() => Compilation().Emit(Stream.Null).Success;

    [Benchmark(Baseline = true, Description = "Compile + operation analyzer")]
    public bool WithoutAnalyzer() => Analyzed(new OperationAnalyzerStandIn());

    [Benchmark(Description = "Compile + operation analyzer + SchemaTasks")]
    public bool WithAnalyzer() => Analyzed(new OperationAnalyzerStandIn(), new DbEnumAnalyzer());

    /// <summary>
    /// For iterating (minutes, not BenchmarkDotNet's half hour): the cases in turn, in
    /// alternating order, <paramref name="rounds"/> times, with the best and median of each and the ratios; the
    /// plain compile only when <paramref name="withPlainCompile"/>, as a scale.
    /// </summary>
    public static void Probe(int rounds, bool withPlainCompile = true)
    {
        var benchmarks = new SolutionAnalyzerBenchmarks();
        benchmarks.Setup();
        var cases = new (string Name, Func<bool> Run, List<double> Times)[]
        {
            ("compile", benchmarks.Compile, []),
            ("compile + operation analyzer", benchmarks.WithoutAnalyzer, []),
            ("compile + operation analyzer + SchemaTasks", benchmarks.WithAnalyzer, []),
        }[(withPlainCompile ? 0 : 1)..];
        for (var round = 0; round < rounds + 1; round++)
        {
            var line = new System.Text.StringBuilder($"round {round}:");
            // Odd rounds run the cases in reverse, so neither always runs first in a round.
            foreach (var (name, run, times) in round % 2 == 0 ? cases : cases.Reverse())
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                run();
                if (round > 0) times.Add(watch.Elapsed.TotalMilliseconds); // the first round loads and jits
                line.Append(System.Globalization.CultureInfo.InvariantCulture, $" {name} {watch.Elapsed.TotalMilliseconds:F0} ms;");
            }

            // A heap that grows from round to round would make later rounds slower whatever they run.
            line.Append(System.Globalization.CultureInfo.InvariantCulture, $" heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576} MB, gen2 collections {GC.CollectionCount(2)}");
            Console.WriteLine(line);
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        foreach (var (name, _, times) in cases)
        {
            Console.WriteLine($"{name}: best {times.Min():F0} ms, median {Median(times):F0} ms");
        }

        var (baseline, with) = (cases[^2].Times, cases[^1].Times);
        Console.WriteLine($"SchemaTasks / operation analyzer: best {with.Min() / baseline.Min():F3}, median {Median(with) / Median(baseline):F3}");

        // The machine's speed drifts over minutes; the two cases of one round run seconds apart,
        // so the ratio within each round is the measure least moved by the drift.
        var paired = with.Zip(baseline, (w, b) => w / b).Order().ToList();
        var (low, high) = MedianInterval(paired.Count);
        Console.WriteLine($"paired by round: median {Median(paired):F3}, 95% interval for the median {paired[low]:F3} to {paired[high]:F3}, all {string.Join(' ', paired.Select(r => r.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    // A distribution-free interval for the median of n sorted values: the values at 0-based
    // indexes k and n-1-k, with k the largest j for which P(X <= j) <= 2.5%, X ~ Binomial(n, 1/2)
    // (for 20 rounds, the 6th and 15th values: 95.9%). Too few rounds give the extremes.
    private static (int Low, int High) MedianInterval(int n)
    {
        var k = 0;
        double tail = 0, term = Math.Pow(0.5, n); // P(X = 0)
        for (var j = 0; j < n / 2; j++)
        {
            tail += term;
            if (tail > 0.025) break;
            k = j;
            term = term * (n - j) / (j + 1);
        }

        return (k, n - 1 - k);
    }

    /// <summary>
    /// The compiler's own account of each analyzer's time (its execution-time log, as
    /// <c>-p:ReportAnalyzer=true</c> shows it), with SchemaTasks' actions one by one: where the
    /// analyzer spends its time, <paramref name="rounds"/> times, after one round to load and jit.
    /// </summary>
    public static void Telemetry(int rounds)
    {
        var benchmarks = new SolutionAnalyzerBenchmarks();
        benchmarks.Setup();
        for (var round = 0; round <= rounds; round++)
        {
            var standIn = new OperationAnalyzerStandIn();
            var schemaTasks = new DbEnumAnalyzer();
            var analyzers = benchmarks.Compilation().WithAnalyzers(
                [standIn, schemaTasks],
                new CompilationWithAnalyzersOptions(benchmarks._options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var ours = analyzers.GetAnalyzerTelemetryInfoAsync(schemaTasks, CancellationToken.None).GetAwaiter().GetResult();
            var theirs = analyzers.GetAnalyzerTelemetryInfoAsync(standIn, CancellationToken.None).GetAwaiter().GetResult();
            if (round == 0) continue;
            Console.WriteLine($"round {round}: SchemaTasks {ours.ExecutionTime.TotalMilliseconds:F0} ms, stand-in {theirs.ExecutionTime.TotalMilliseconds:F0} ms; "
                + $"SchemaTasks actions: symbol {ours.SymbolActionsCount}, operation {ours.OperationActionsCount}, compilation end {ours.CompilationEndActionsCount}");
        }
    }

    /// <summary>
    /// The analysis pass alone (no emit), alternating: the stand-in, the stand-in with an analyzer
    /// that registers SchemaTasks' actions with empty bodies (what the registrations cost the
    /// driver), and the stand-in with SchemaTasks.
    /// </summary>
    public static void Shapes(int rounds)
    {
        var benchmarks = new SolutionAnalyzerBenchmarks();
        benchmarks.Setup();
        var cases = new (string Name, Func<DiagnosticAnalyzer[]> Analyzers, List<double> Times, List<double> Allocated)[]
        {
            ("stand-in", () => [new OperationAnalyzerStandIn()], [], []),
            ("stand-in + SchemaTasks' registrations, empty", () => [new OperationAnalyzerStandIn(), new RegistrationShape()], [], []),
            ("stand-in + SchemaTasks", () => [new OperationAnalyzerStandIn(), new DbEnumAnalyzer()], [], []),
        };
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (_, analyzers, times, allocated) in cases)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                benchmarks.Compilation().WithAnalyzers([.. analyzers()], benchmarks.SingleThreaded).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                if (round == 0) continue;
                times.Add(watch.Elapsed.TotalMilliseconds);
                allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0);
            }
        }

        foreach (var (name, _, times, allocated) in cases)
        {
            Console.WriteLine($"{name}: best {times.Min():F0} ms, median {times.Order().ElementAt(times.Count / 2):F0} ms, allocated {allocated.Average():F0} MB");
        }
    }

    // One thread, no timing of each action (a build times them only with ReportAnalyzer=true):
    // the whole of each analyzer's work lands in the elapsed time, none of it hidden on the
    // second core.
    private bool Analyzed(params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = Compilation();
        compilation.WithAnalyzers([.. analyzers], SingleThreaded).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return compilation.Emit(Stream.Null).Success;
    }

    private CompilationWithAnalyzersOptions SingleThreaded => new(_options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    private CSharpCompilation Compilation() => CSharpCompilation.Create(
        "App",
        _sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, path: s.Path)),
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false, nullableContextOptions: NullableContextOptions.Enable));

    // Stands in for the analyzers every build already runs (the SDK's default rules register
    // operation actions on these kinds): Roslyn then binds each method body for analyzers and
    // builds its operation tree, once, shared by all analyzers of the compilation. What is left
    // to SchemaTasks is its own work on top.
#pragma warning disable RS1036, RS2008, RS1026 // a measuring aid, never shipped
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationAnalyzerStandIn : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("XX0001", "x", "x", "x", DiagnosticSeverity.Info, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment, OperationKind.Argument, OperationKind.Binary, OperationKind.Invocation);
        }
    }

    // SchemaTasks' registrations with nothing done in them.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class RegistrationShape : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("XX0002", "x", "x", "x", DiagnosticSeverity.Info, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
                start.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(_ => { }, OperationKind.Argument);
                start.RegisterOperationAction(_ => { }, OperationKind.Binary);
                start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                start.RegisterOperationAction(_ => { }, OperationKind.Switch);
                start.RegisterOperationAction(_ => { }, OperationKind.SwitchExpression);
                start.RegisterOperationAction(_ => { }, OperationKind.IsPattern);
                start.RegisterOperationAction(_ => { }, OperationKind.PropertyInitializer, OperationKind.FieldInitializer, OperationKind.ParameterInitializer);
                start.RegisterCompilationEndAction(_ => { });
            });
        }
    }
#pragma warning restore RS1036, RS2008, RS1026
}
