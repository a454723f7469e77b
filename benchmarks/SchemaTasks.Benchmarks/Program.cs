using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SchemaTasks.Benchmarks;

if (args.Length > 1 && args[0] == "--write-solution")
{
    SchemaTasks.Benchmarks.Analyzer.SolutionCorpus.Write(args[1]);
    return;
}

if (args.Length > 0 && args[0] == "--analyzer-probe")
{
    // --analyzer-probe <rounds> [--pairs]: --pairs leaves out the plain compile, for more rounds in the time.
    SchemaTasks.Benchmarks.Analyzer.SolutionAnalyzerBenchmarks.Probe(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        withPlainCompile: !args.Contains("--pairs"));
    return;
}

if (args.Length > 0 && args[0] == "--analyzer-shapes")
{
    SchemaTasks.Benchmarks.Analyzer.SolutionAnalyzerBenchmarks.Shapes(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.Length > 0 && args[0] == "--analyzer-telemetry")
{
    SchemaTasks.Benchmarks.Analyzer.SolutionAnalyzerBenchmarks.Telemetry(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

if (args.Length > 0 && args[0] == "--probe")
{
    Probe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 1 && args[0] == "--build-probe")
{
    BuildProbe.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 0 && args[0] == "--selfcheck-probe")
{
    SchemaTasks.Benchmarks.SelfCheck.SelfCheckProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 0 && args[0] == "--roundtrips")
{
    SchemaTasks.Benchmarks.SelfCheck.RoundTripCount.Run();
    return;
}

if (args.Length > 0 && args[0] == "--migrator-probe")
{
    SchemaTasks.Benchmarks.Migrator.MigratorProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 1 && args[0] == "--first-read")
{
    FirstReadProbe.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 1 && args[0] == "--write-corpus")
{
    SchemaTasks.Benchmarks.Corpus.CorpusWriter.Run(args[1], args.Length > 2 ? args[2] : "postgres");
    return;
}

var config = DefaultConfig.Instance.AddColumn(new ThroughputColumn());
BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args, config);
