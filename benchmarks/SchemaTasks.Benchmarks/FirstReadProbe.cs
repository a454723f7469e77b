using System.Diagnostics;
using System.Runtime;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Benchmarks;

/// <summary>
/// <c>--first-read &lt;migrations-dir&gt; [rounds]</c>: reads and applies a migrations folder
/// the first time in this process, as the build task does in every <c>dotnet build</c> (a new
/// process each time), and then again warm; prints both, with what the JIT compiled for the
/// first. It separates a build's work on the migrations from what starting that work cold
/// costs.
/// </summary>
internal static class FirstReadProbe
{
    public static void Run(string folder, int rounds)
    {
        var watch = Stopwatch.StartNew();
        ReadAndApply(folder);
        var first = watch.Elapsed.TotalMilliseconds;
        var (methods, jit) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime().TotalMilliseconds);

        var warm = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            watch.Restart();
            ReadAndApply(folder);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }

        warm.Sort();
        Console.WriteLine($"first read and apply: {first:F1} ms ({methods} methods compiled by the JIT so far, {jit:F0} ms in the JIT)");
        Console.WriteLine($"warm, {rounds} rounds: median {warm[warm.Count / 2]:F1} ms, best {warm[0]:F1} ms");
    }

    private static void ReadAndApply(string folder)
    {
        var reading = MigrationFolderReader.Read(folder);
        if (reading.Set is null || reading.Dialect is null)
        {
            throw new InvalidOperationException($"'{folder}' does not read as a migrations folder with a dialect.");
        }

        SchemaEngine.BuildFinal(reading.Set, reading.Dialect.Value); // As the build task does.
    }
}
