using System.Diagnostics;

namespace SchemaTasks.Benchmarks;

/// <summary>Counts what Npgsql sends: its tracing starts one activity per command or batch.</summary>
internal static class NpgsqlRoundTrips
{
    public static int Count(Action run)
    {
        var count = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = _ => Interlocked.Increment(ref count),
        };
        ActivitySource.AddActivityListener(listener);
        run();
        return count;
    }
}
