using System.Buffers;

namespace SchemaTasks.Json;

/// <summary>
/// Bytes written in pieces of <see cref="SegmentSize"/>, each under the 85,000 bytes from which
/// an array goes to the large object heap: what one thread writes of a large JSON file for
/// another to copy out, without one array the size of the whole (which in the build task would
/// soon start a full collection of MSBuild's memory).
/// </summary>
internal sealed class SegmentedBuffer : IBufferWriter<byte>
{
    private const int SegmentSize = 64 * 1024;

    private readonly List<(byte[] Bytes, int Used)> _full = [];
    private byte[] _current = new byte[SegmentSize];
    private int _used;

    /// <summary>How many bytes have been written.</summary>
    public long WrittenCount { get; private set; }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if (count < 0 || _used + count > _current.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _used += count;
        WrittenCount += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsMemory(_used);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsSpan(_used);
    }

    /// <summary>Writes every byte after the first <paramref name="skip"/> to <paramref name="destination"/>, in the order written.</summary>
    public void CopyTo(Stream destination, long skip)
    {
        foreach (var (bytes, used) in _full.Append((_current, _used)))
        {
            var from = (int)Math.Min(skip, used);
            skip -= from;
            if (used > from) destination.Write(bytes, from, used - from);
        }
    }

    // A new segment when the rest of this one is too small: a writer asks for room for what it
    // writes next, and each request is served by one array.
    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _used >= needed) return;
        _full.Add((_current, _used));
        _current = new byte[Math.Max(SegmentSize, needed)];
        _used = 0;
    }
}
