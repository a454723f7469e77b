namespace SchemaTasks.Tool;

/// <summary>
/// Lets a run of the tool allocate its first <see cref="Budget"/> bytes without a collection.
/// A run reads a folder, builds the schema and exits: a 1,000-migration history allocates about
/// 35 MB, most of it garbage at once, and a collection in the middle of it copies the catalog
/// being built for nothing (one, then two when the history grew a little: 8 then 23 ms of a
/// 130 ms run, docs/benchmarks.md). Past the budget the runtime leaves this mode by itself and
/// collects as usual, so a larger history only pays what it paid before.
/// </summary>
internal static class CollectorStart
{
    /// <summary>Bytes a run may allocate before its first collection.</summary>
    public const long Budget = 64L * 1024 * 1024;

    public static void Defer()
    {
        try
        {
            GC.TryStartNoGCRegion(Budget);
        }
        catch (Exception error) when (error is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A runtime that cannot set the budget aside collects as usual.
        }
    }
}
