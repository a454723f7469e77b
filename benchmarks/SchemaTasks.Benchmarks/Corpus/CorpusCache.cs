using System.Collections.Concurrent;
using SchemaTasks.Migrations;

namespace SchemaTasks.Benchmarks.Corpus;

/// <summary>
/// One generated corpus per (dialect, noise): the benchmarks and the MB/s column (which runs
/// in the host process, not the benchmark process) must see the same text.
/// </summary>
internal static class CorpusCache
{
    private static readonly ConcurrentDictionary<(SqlDialect, int), (MigrationSet Set, long Bytes)> Sets = new();

    public static (MigrationSet Set, long Bytes) Get(SqlDialect dialect, int noise)
        => Sets.GetOrAdd((dialect, noise), key =>
        {
            var set = CorpusGenerator.Create(key.Item1, noise: key.Item2);
            return (set, CorpusGenerator.SizeInBytes(set));
        });
}
