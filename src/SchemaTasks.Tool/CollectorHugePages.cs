using System.Globalization;
using System.Runtime.InteropServices;

namespace SchemaTasks.Tool;

/// <summary>
/// Asks Linux to back the collector's heap with 2 MB pages. A cold run touches every page of
/// its heap for the first time (a 1,000-migration snapshot: about 10,000 page faults, a third of
/// its time in the kernel, docs/benchmarks.md); with 2 MB pages one fault serves 512 of them.
/// Linux does this by itself only where transparent huge pages are "always"; most distributions
/// set "madvise", where a range must ask. The collector does not ask, so the tool asks for it:
/// it finds the collector's reservation (the run of anonymous mappings holding a fresh object)
/// and advises it before the first region is committed whole. Best effort: where the kernel
/// says no, or the reservation cannot be found, the run goes on as before.
/// </summary>
internal static class CollectorHugePages
{
    private const int AdviceHugePage = 14; // MADV_HUGEPAGE

    public static void Advise()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            var probe = new byte[64];
            var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
            var address = (ulong)handle.AddrOfPinnedObject();
            handle.Free();
            if (FindReservation(File.ReadLines("/proc/self/maps"), address) is { } reservation)
            {
                _ = madvise((nint)reservation.Start, (nuint)(reservation.End - reservation.Start), AdviceHugePage);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException or DllNotFoundException or EntryPointNotFoundException)
        {
            // No /proc to read, a line it cannot read, or no libc to ask: the pages stay 4 KB, as they were.
        }
    }

    /// <summary>
    /// The contiguous anonymous private mappings around <paramref name="address"/>, read from
    /// the lines of <c>/proc/self/maps</c>: the collector reserves its whole heap as one mapping
    /// and commits parts of it, which splits it into neighbours differing only in access.
    /// Anonymous mappings made just before it and touching it (the collector's bookkeeping, a
    /// thread's stack) are taken too, as the system-wide "always" setting would take them:
    /// telling them apart from the heap would need the collector's own bounds, which it does not
    /// publish.
    /// </summary>
    internal static (ulong Start, ulong End)? FindReservation(IEnumerable<string> maps, ulong address)
    {
        var mappings = new List<(ulong Start, ulong End)>();
        var found = -1;
        foreach (var line in maps)
        {
            // "start-end perms offset dev inode [path]"; an anonymous mapping has inode 0 and no path.
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var dash = fields[0].IndexOf('-');
            var start = ulong.Parse(fields[0].AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var end = ulong.Parse(fields[0].AsSpan(dash + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var anonymousPrivate = fields.Length == 5 && fields[4] == "0" && fields[1].EndsWith('p');
            if (!anonymousPrivate || (mappings.Count > 0 && mappings[^1].End != start))
            {
                if (found >= 0)
                {
                    break;
                }

                mappings.Clear();
                if (!anonymousPrivate)
                {
                    continue;
                }
            }

            mappings.Add((start, end));
            if (start <= address && address < end)
            {
                found = mappings.Count - 1;
            }
        }

        return found >= 0 ? (mappings[0].Start, mappings[^1].End) : null;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int madvise(nint address, nuint length, int advice);
}
