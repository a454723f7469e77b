using System.Diagnostics;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>
/// Counts the commands Npgsql sends to one database, from Npgsql's own tracing (its
/// <c>ActivitySource</c>): what the driver really executed, not what our code says it did.
/// Other tests run in parallel against other databases, so activities are filtered by name.
/// </summary>
internal sealed class CommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private int _count;

    public CommandCounter(string database)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("db.name"), database)) Interlocked.Increment(ref _count);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
