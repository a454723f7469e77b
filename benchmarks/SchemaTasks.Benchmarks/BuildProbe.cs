using System.Diagnostics;
using System.Diagnostics.Tracing;
using SchemaTasks.Benchmarks.Corpus;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Benchmarks;

/// <summary>
/// <c>--build-probe postgres|mysql [rounds]</c>: loops <see cref="SchemaEngine.Build"/> on the
/// 1,000-migration corpus alone, so a profiler (perf) sees nothing else, and prints what the
/// garbage collector pays for: collections per build, what one result keeps alive (and what
/// <see cref="SchemaEngine.BuildFinal(MigrationSet, SqlDialect)"/> keeps, with the two timed in alternation), the types
/// allocated most (sampled by the runtime's allocation events), and what making and writing the
/// snapshot of the result allocates.
/// </summary>
internal static class BuildProbe
{
    private static object? s_kept;

    public static void Run(string dialectName, int rounds)
    {
        var dialect = dialectName == "mysql" ? SqlDialect.MySql : SqlDialect.Postgres;
        var (set, bytes) = CorpusCache.Get(dialect, 1);
        using var allocations = new AllocationSampler();
        SchemaEngine.Build(set, dialect);

        var best = double.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            SchemaEngine.Build(set, dialect);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"build: best of {rounds} {best * 1000:F1} ms, {bytes / best / 1e6:F1} MB/s");

        // The same work keeping only the last schema, as the snapshot command and the build task
        // do, in alternation with Build so a drift of the machine falls on both.
        var (keeping, final) = (new List<double>(), new List<double>());
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            SchemaEngine.Build(set, dialect);
            keeping.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            SchemaEngine.BuildFinal(set, dialect);
            final.Add(watch.Elapsed.TotalMilliseconds);
        }

        keeping.Sort();
        final.Sort();
        Console.WriteLine($"Build against BuildFinal, {rounds} alternating rounds, medians: {keeping[rounds / 2]:F1} ms, {final[rounds / 2]:F1} ms");

        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        // Every thread's: the engine's read-ahead lexes and parses on a thread of its own.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var built = SchemaEngine.Build(set, dialect);
        Console.WriteLine($"one build: {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6:F1} MB allocated; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");

        var live = GC.GetTotalMemory(forceFullCollection: true);
        s_kept = SchemaEngine.Build(set, dialect); // Kept in a static so the collection below cannot free it.
        Console.WriteLine($"kept alive by one result (the catalog after every migration): {(GC.GetTotalMemory(forceFullCollection: true) - live) / 1e6:F1} MB");
        s_kept = null;
        live = GC.GetTotalMemory(forceFullCollection: true);
        s_kept = SchemaEngine.BuildFinal(set, dialect).Catalog;
        Console.WriteLine($"kept alive by BuildFinal (the last catalog): {(GC.GetTotalMemory(forceFullCollection: true) - live) / 1e6:F1} MB");
        GC.KeepAlive(s_kept);

        Thread.Sleep(500); // Allocation events arrive on another thread.
        Console.WriteLine("most allocated types, per build:");
        foreach (var (type, amount) in allocations.Totals().Take(25))
        {
            Console.WriteLine($"{amount / 1e6 / (3 * rounds + 4),8:F2} MB  {type}");
        }

        // After the types above, which are per build only.
        before = GC.GetTotalAllocatedBytes(precise: true);
        SnapshotJson.Write(SchemaSnapshot.Create(set, built.Final), Stream.Null);
        Console.WriteLine($"the snapshot of one result, made and written: {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6:F2} MB allocated");
    }

    /// <summary>Sums the runtime's allocation-tick events (one per ~100 KB allocated) by type.</summary>
    private sealed class AllocationSampler : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);

        public IEnumerable<(string Type, long Amount)> Totals()
        {
            lock (_byType) return _byType.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value)).ToList();
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "GCAllocationTick_V4" || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names) return;
            var type = payload[names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (_byType) _byType[type] = _byType.GetValueOrDefault(type) + amount;
        }
    }
}
