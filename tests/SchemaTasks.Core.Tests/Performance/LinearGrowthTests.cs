using System.Diagnostics;
using SchemaTasks.Schema;
using SchemaTasks.Testing;
using Xunit.Abstractions;

namespace SchemaTasks.Core.Tests.Performance;

/// <summary>
/// No input shape may make the engine quadratic: four times the input must cost less than six
/// times the time. Both sizes are measured in the same run, alternately, and the best of several rounds counts, so the ratio holds on a slow or busy
/// machine where an absolute time would not; a ratio over the limit is measured again (up to
/// five times) before it fails, since noise passes and a quadratic path does not.
/// The figures themselves live in benchmarks/ (GrowthBenchmarks) and docs/benchmarks.md.
/// </summary>
[Collection(TimingCollection.Name)]
[Trait("Category", TimingCollection.Name)]
public sealed class LinearGrowthTests(ITestOutputHelper output)
{
    private const double AllowedRatio = 6.0;

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

        var (smallBest, largeBest, ratio) = (0.0, 0.0, double.MaxValue);
        for (var attempt = 0; attempt < 5 && ratio >= AllowedRatio; attempt++)
        {
            (smallBest, largeBest) = (double.MaxValue, double.MaxValue);
            for (var round = 0; round < 9; round++)
            {
                smallBest = Math.Min(smallBest, Time(small, dialect));
                largeBest = Math.Min(largeBest, Time(large, dialect));
            }

            ratio = largeBest / smallBest;
            output.WriteLine($"{shape}: n={size} {smallBest:F2} ms, 4n {largeBest:F2} ms, ratio {ratio:F2}");
        }

        Assert.True(ratio < AllowedRatio, $"{shape}: 4x the input took {ratio:F1}x the time ({smallBest:F2} ms -> {largeBest:F2} ms); something in that path grows faster than the input.");
    }

    private static double Time(SchemaTasks.Migrations.MigrationSet set, SqlDialect dialect)
    {
        var watch = Stopwatch.StartNew();
        SchemaEngine.Build(set, dialect);
        return watch.Elapsed.TotalMilliseconds;
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
