using System.Diagnostics;
using System.Globalization;

namespace SchemaTasks.Benchmarks.SelfCheck;

/// <summary>
/// <c>--roundtrips</c>: how many commands each self-check sends, counted from Npgsql's own
/// tracing (one activity per command or batch, so per round trip). Setup runs first, uncounted.
/// </summary>
internal static class RoundTripCount
{
    public static void Run()
    {
        var bench = new SelfCheckBenchmarks();
        bench.SetupSchemaTasks();
        bench.SetupDbUp();
        bench.SetupEvolve();
        try
        {
            Report("SchemaTasks full check", () => bench.SchemaTasksFullCheck().GetAwaiter().GetResult());
            Report("SchemaTasks history only", () => bench.SchemaTasksHistoryOnly().GetAwaiter().GetResult());
            Report("DbUp GetScriptsToExecute", () => bench.DbUpPendingScripts());
            Report("Evolve Validate", bench.EvolveValidate);
        }
        finally
        {
            bench.CleanupEvolve();
        }
    }

    private static void Report(string name, Action check)
    {
        var count = NpgsqlRoundTrips.Count(check);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {count} round trips"));
    }
}
