using BenchmarkDotNet.Attributes;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Testing;

namespace SchemaTasks.Benchmarks;

/// <summary>
/// How the engine's cost grows along each dimension of the input, one at a time, doubling it:
/// linear growth shows as a ratio close to <see cref="Scale"/>. The same shapes feed the guard
/// test (LinearGrowthTests), which fails when four times the input costs six times the time.
/// </summary>
[MemoryDiagnoser]
public class GrowthBenchmarks
{
    private MigrationSet _set = null!;

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "";

    [Params(1, 2, 4, 8)]
    public int Scale { get; set; }

    public static IEnumerable<string> Shapes => GrowthShapes.Names;

    [GlobalSetup]
    public void Setup()
    {
        // Half the guard test's small size, doubled three times: Scale 8 is the test's large size.
        var size = GrowthShapes.BaseSize(Shape) / 2 * Scale;
        _set = GrowthShapes.Create(Shape, size);
    }

    [Benchmark(Description = "SchemaEngine.Build")]
    public Catalog Build() => SchemaEngine.Build(_set, GrowthShapes.Dialect(Shape)).Final;
}
