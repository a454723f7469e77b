using System.Diagnostics;
using System.Globalization;

namespace SchemaTasks.Benchmarks.Migrator;

/// <summary>
/// <c>--migrator-probe N</c>: N rounds, each running the four tools once in turn on a fresh
/// database. BenchmarkDotNet measures one tool after the other, minutes apart, so on a shared
/// machine whose load changes the ratios drift; taking turns puts every tool under the same
/// load. Also counts the commands each Npgsql-based tool sends (Npgsql's tracing: one activity
/// per command or batch; a transaction's COMMIT sent by NpgsqlTransaction is not one).
/// </summary>
internal static class MigratorProbe
{
    public static void Run(int rounds)
    {
        var bench = new MigratorBenchmarks();
        bench.SetupPsql();
        bench.SetupSchemaTasks();
        bench.SetupDbUp();
        bench.SetupEvolve();
        var tools = new (string Name, Action Run)[]
        {
            ("psql (floor)", bench.Psql),
            ("SchemaTasks", () => bench.SchemaTasks().GetAwaiter().GetResult()),
            ("DbUp", bench.DbUp),
            ("Evolve", bench.Evolve),
        };
        var times = tools.ToDictionary(t => t.Name, _ => new List<double>());
        var commands = new Dictionary<string, int>();
        Console.WriteLine($"load average at the start: {LoadAverage()}");
        try
        {
            // Round 0 warms up (JIT, the server's caches) and is not counted.
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var (name, run) in tools)
                {
                    bench.CreateEmptyDatabase();
                    var (seconds, sent) = Measure(run);
                    if (round == 0)
                    {
                        commands[name] = sent;
                        continue;
                    }

                    times[name].Add(seconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} {name}: {seconds:F3} s (load {LoadAverage()})"));
                }
            }
        }
        finally
        {
            bench.CleanupEvolve();
        }

        var floor = Median(times[tools[0].Name]);
        foreach (var (name, _) in tools)
        {
            var list = times[name];
            var sent = name == tools[0].Name ? "n/a" : commands[name].ToString(CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-14} min {list.Min():F3} s  median {Median(list):F3} s  ratio of medians {Median(list) / floor:F2}  Npgsql commands {sent}"));
        }
    }

    private static (double Seconds, int Commands) Measure(Action run)
    {
        var clock = Stopwatch.StartNew();
        var count = NpgsqlRoundTrips.Count(run);
        return (clock.Elapsed.TotalSeconds, count);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
