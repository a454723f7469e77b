using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SchemaTasks.Benchmarks.Corpus;

namespace SchemaTasks.Benchmarks;

/// <summary>MB/s (10^6 UTF-8 bytes per second) of migration text: corpus size over mean time.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Migration text processed per second (10^6 UTF-8 bytes); corpus size / mean";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "-";
        if (benchmarkCase.Parameters["Dialect"] is not SqlDialect dialect || benchmarkCase.Parameters["Noise"] is not int noise) return "-";
        var bytes = CorpusCache.Get(dialect, noise).Bytes;
        return (bytes / (stats.Mean / 1e9) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
