using System.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Testing;
using Xunit.Abstractions;

namespace SchemaTasks.Core.Tests.Performance;

/// <summary>
/// No input shape may make the engine quadratic: four times the input must cost less than six
/// times the time, and allocate less than six times the memory (an exact count, so a path that
/// copies what it grows is caught however noisy the clock). Both sizes are measured in the same
/// run, alternately, with as much allocated per sample, and the best of several rounds counts, so the ratio holds on a slow or busy
/// machine where an absolute time would not; a ratio over the limit is measured again (up to
/// five times) before it fails, since noise passes and a quadratic path does not.
/// The figures themselves live in benchmarks/ (GrowthBenchmarks) and docs/benchmarks.md.
/// </summary>
[Collection(TimingCollection.Name)]
[Trait("Category", TimingCollection.Name)]
public sealed class LinearGrowthTests(ITestOutputHelper output)
{
    private const double AllowedRatio = 6.0;

    private const double MinimumSampleMs = 20.0;

    public static TheoryData<string> Shapes => new(GrowthShapes.Names);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Four_times_the_input_costs_less_than_six_times_the_time(string shape)
    {
        var size = GrowthShapes.BaseSize(shape);
        var dialect = GrowthShapes.Dialect(shape);
        var small = GrowthShapes.Create(shape, size);
        var large = GrowthShapes.Create(shape, size * 4);
        Assert.Empty(SchemaEngine.Build(small, dialect).Diagnostics);
        Assert.Empty(SchemaEngine.Build(large, dialect).Diagnostics);

        // A sample of a millisecond is at the mercy of the timer and the scheduler: each larger
        // sample builds often enough to last several milliseconds, each smaller one four times as often.
        Time(large, dialect, 1);
        var builds = (int)Math.Ceiling(MinimumSampleMs / Math.Max(0.01, Time(large, dialect, 1)));
        var (smallBest, largeBest, ratio) = (0.0, 0.0, double.MaxValue);
        for (var attempt = 0; attempt < 5 && ratio >= AllowedRatio; attempt++)
        {
            (smallBest, largeBest) = (double.MaxValue, double.MaxValue);
            for (var round = 0; round < 9; round++)
            {
                smallBest = Math.Min(smallBest, Time(small, dialect, 4 * builds));
                largeBest = Math.Min(largeBest, Time(large, dialect, builds));
            }

            ratio = largeBest / smallBest;
            output.WriteLine($"{shape}: n={size} {smallBest:F2} ms, 4n {largeBest:F2} ms, ratio {ratio:F2}");
        }

        Assert.True(ratio < AllowedRatio, $"{shape}: 4x the input took {ratio:F1}x the time ({smallBest:F2} ms -> {largeBest:F2} ms); something in that path grows faster than the input.");

        var (smallBytes, largeBytes) = (Allocated(small, dialect), Allocated(large, dialect));
        var memoryRatio = (double)largeBytes / smallBytes;
        output.WriteLine($"{shape}: allocated {smallBytes / 1024.0:F0} KB, 4n {largeBytes / 1024.0:F0} KB, ratio {memoryRatio:F2}");
        Assert.True(memoryRatio < AllowedRatio, $"{shape}: 4x the input allocated {memoryRatio:F1}x the memory ({smallBytes} -> {largeBytes} bytes); something in that path copies more than the input.");
    }

    // The engine builds on the calling thread, so this thread's count is the build's.
    private static long Allocated(SchemaTasks.Migrations.MigrationSet set, SqlDialect dialect)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        SchemaEngine.Build(set, dialect);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // One build's time, as the mean of builds in a row. The smaller input is built four times as
    // often per sample, so both samples allocate as much and meet as many collections: one small build
    // alone often fits the collector's budget and is timed without any, which a build four
    // times larger never is, and that alone adds up to half to the ratio of a linear path.
    private static double Time(SchemaTasks.Migrations.MigrationSet set, SqlDialect dialect, int builds)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < builds; i++)
        {
            SchemaEngine.Build(set, dialect);
        }

        return watch.Elapsed.TotalMilliseconds / builds;
    }
}

/// <summary>
/// Timing tests run one at a time, so they do not measure each other; build/test.sh runs them
/// on their own before the rest of the suite, so they do not measure the other test projects either.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
