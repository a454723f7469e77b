using System.Runtime.InteropServices;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The tool advises the collector's heap to use 2 MB pages (docs/benchmarks.md, "Huge pages
/// for the collector's heap"); what it advises is the run of anonymous mappings around an
/// object, read from <c>/proc/self/maps</c>, and nothing beyond it.
/// </summary>
public sealed class CollectorHugePagesTests
{
    private static readonly string[] Maps =
    [
        "00400000-01400000 r-xp 00000000 08:01 1234                               /usr/bin/tool",
        "7f0000000000-7f0000100000 rw-p 00000000 00:00 0",
        "7f0000200000-7f0000300000 ---p 00000000 00:00 0",
        "7f0000300000-7f0000500000 rw-p 00000000 00:00 0 ",
        "7f0000500000-7f0010000000 ---p 00000000 00:00 0",
        "7f0010000000-7f0010001000 rw-p 00000000 00:00 0",
        "7f0010001000-7f0010002000 r--p 00000000 08:01 99                         /usr/lib/libc.so.6",
        "7f0010002000-7f0010003000 rw-p 00000000 00:00 0",
        "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]",
    ];

    [Fact]
    public void TheReservationIsTheRunOfAnonymousMappingsAroundTheAddress()
    {
        // From the gap after the first mapping to the library: the committed part, the reserved
        // rest and the neighbour that touches it, whatever their access.
        Assert.Equal((0x7f0000200000UL, 0x7f0010001000UL), CollectorHugePages.FindReservation(Maps, 0x7f0000400010));
        Assert.Equal((0x7f0000200000UL, 0x7f0010001000UL), CollectorHugePages.FindReservation(Maps, 0x7f0000200000));
    }

    [Fact]
    public void AnAddressOutsideAnonymousMappingsFindsNothing()
    {
        Assert.Null(CollectorHugePages.FindReservation(Maps, 0x00500000));
        Assert.Null(CollectorHugePages.FindReservation(Maps, 0x7f0000150000)); // in the gap
        Assert.Null(CollectorHugePages.FindReservation(Maps, 0x7f0010001800)); // the library
        Assert.Null(CollectorHugePages.FindReservation(Maps, 0x7ffd00000100)); // the stack has a name
    }

    [Fact]
    public void OnLinux_TheProcesssOwnHeapIsFoundAroundAFreshObject()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var probe = new byte[64];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        var address = (ulong)handle.AddrOfPinnedObject();
        handle.Free();

        var reservation = CollectorHugePages.FindReservation(File.ReadLines("/proc/self/maps"), address);

        Assert.NotNull(reservation);
        Assert.InRange(address, reservation.Value.Start, reservation.Value.End - 1);
        // The collector reserves far more than it commits: a heap, not one small mapping.
        Assert.True(reservation.Value.End - reservation.Value.Start >= 256UL << 20, $"{reservation.Value.End - reservation.Value.Start} bytes");
    }
}
