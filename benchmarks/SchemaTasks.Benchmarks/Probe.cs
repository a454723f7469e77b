using System.Diagnostics;
using SchemaTasks.Benchmarks.Corpus;
using SchemaTasks.Schema;
using SchemaTasks.Sql;

namespace SchemaTasks.Benchmarks;

/// <summary>
/// A quick Stopwatch loop for iterating on the parser (seconds, not minutes): corpus sizes,
/// best-of-N time and allocation per phase. The numbers that count come from BenchmarkDotNet.
/// </summary>
internal static class Probe
{
    public static void Run(int rounds)
    {
        foreach (var dialect in new[] { SqlDialect.Postgres, SqlDialect.MySql })
        {
            foreach (var noise in new[] { 1, 10 })
            {
                var (set, bytes) = CorpusCache.Get(dialect, noise);
                var diagnostics = SchemaEngine.Build(set, dialect).Diagnostics;
                Console.WriteLine($"{dialect} noise={noise}: {set.Migrations.Count} migrations, {bytes / 1e6:F2} MB, {diagnostics.Count} diagnostics{(diagnostics.Count > 0 ? " first: " + diagnostics[0] : "")}");
                Measure("  lex  ", bytes, rounds, () => { foreach (var m in set.Migrations) { var lexer = new SqlLexer(m.Sql, dialect, 1, []); while (lexer.Next(out _)) { } } });
                Measure("  read ", bytes, rounds, () => { foreach (var m in set.Migrations) { var r = new SqlStatementReader(m.Sql, dialect, 1, []); while (r.Read()) { } } });
                Measure("  parse", bytes, rounds, () => Parse(set, dialect));
                ApplyByKind(set, dialect);
                Measure("  build", bytes, rounds, () => SchemaEngine.Build(set, dialect));
            }
        }
    }

    // Reading and parsing without applying: what the catalog costs is the rest of Build.
    private static void Parse(SchemaTasks.Migrations.MigrationSet set, SqlDialect dialect)
    {
        var rules = IdentifierRules.For(dialect);
        foreach (var m in set.Migrations)
        {
            var reader = new SqlStatementReader(m.Sql, dialect, 1, []);
            while (reader.Read())
            {
                if (reader.IsTracked) DdlParser.Parse(m.Sql, reader.Tokens, new SqlStatementRange(0, reader.Tokens.Count), rules);
            }
        }
    }

    // Where applying spends its time, by statement kind (all statements parsed up front).
    private static void ApplyByKind(SchemaTasks.Migrations.MigrationSet set, SqlDialect dialect)
    {
        var rules = IdentifierRules.For(dialect);
        var parsed = new List<SqlStatement>();
        foreach (var m in set.Migrations)
        {
            var reader = new SqlStatementReader(m.Sql, dialect, 1, []);
            while (reader.Read())
            {
                if (reader.IsTracked && DdlParser.Parse(m.Sql, reader.Tokens, new SqlStatementRange(0, reader.Tokens.Count), rules) is { } s) parsed.Add(s);
            }
        }

        var times = new Dictionary<string, (double Ms, int Count)>();
        for (var round = 0; round < 5; round++)
        {
            times.Clear();
            var catalog = Catalog.Empty(dialect);
            var context = new ApplyContext(rules, null, [], toolTables: []);
            foreach (var statement in parsed)
            {
                var watch = Stopwatch.StartNew();
                catalog = CatalogApplier.Apply(catalog, statement, context);
                var kind = statement.GetType().Name;
                times[kind] = (times.GetValueOrDefault(kind).Ms + watch.Elapsed.TotalMilliseconds, times.GetValueOrDefault(kind).Count + 1);
            }
        }

        foreach (var (kind, (ms, count)) in times) Console.WriteLine($"    apply {kind}: {ms:F1} ms for {count}");
    }

    private static void Measure(string label, long bytes, int rounds, Action action)
    {
        action();
        var best = double.MaxValue;
        long allocated = 0;
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{label}: {best * 1000:F1} ms, {bytes / best / 1e6:F1} MB/s, {allocated / 1e6:F1} MB allocated");
    }
}
