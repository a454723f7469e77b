using System.Buffers;
using System.Text;

namespace SchemaTasks.Migrations;

/// <summary>
/// Reads a migration file's text as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a
/// byte order mark says otherwise, the mark itself dropped, invalid bytes replaced), from one
/// read of its bytes. A folder of a thousand small files is read at every build and every cold
/// tool run, and a reader per file costs more there than the decoding does.
/// </summary>
internal static class MigrationFileText
{
    // Most migrations are a few kilobytes; a larger one doubles the buffer as it is read.
    private const int InitialBuffer = 64 * 1024;

    // The largest array .NET allocates (Array.MaxLength, which .NET Framework lacks).
    private const int LargestBuffer = 0x7FFFFFC7;

    /// <summary>A file's text and its checksum (<see cref="MigrationChecksum"/>).</summary>
    public sealed record Contents(string Text, string Checksum);

    /// <summary>
    /// The text and its checksum, hashed from the bytes just read where they are the text's own
    /// (<see cref="MigrationChecksum.ComputeFromBytes"/>): on the threads that
    /// read the folder, rather than later on the one that builds the schema.
    /// </summary>
    public static Contents ReadWithChecksum(string path)
    {
        // The bytes are read into a rented buffer: only the text outlives the read, and a
        // thousand byte arrays of garbage would cost a cold run more collections.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            // A file that says its length is read until it has given that many bytes, without
            // one more read to learn that nothing follows (a thousand system calls for a
            // thousand files); one that says none (a pipe, a file of /proc) is read to its end.
            var length = file.CanSeek ? file.Length : 0;
            var filled = 0;
            while (length == 0 || filled < length)
            {
                if (filled == buffer.Length)
                {
                    buffer = Larger(buffer, path);
                }

                var read = file.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            var bytes = new ArraySegment<byte>(buffer, 0, filled);
            var text = Decode(bytes);
            return new Contents(text, Checksum(text, bytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Checksum(string text, ArraySegment<byte> bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Utf8Bom)) return MigrationChecksum.ComputeFromBytes(text, new ArraySegment<byte>(bytes.Array!, bytes.Offset + Utf8Bom.Length, bytes.Count - Utf8Bom.Length));
        return span.StartsWith(Utf16LittleEndianBom) || span.StartsWith(Utf16BigEndianBom) || span.StartsWith(Utf32BigEndianBom)
            ? MigrationChecksum.Compute(text)
            : MigrationChecksum.ComputeFromBytes(text, bytes);
    }

    private static byte[] Larger(byte[] buffer, string path)
    {
        if (buffer.Length >= LargestBuffer)
        {
            throw new IOException($"'{path}' is larger than the {LargestBuffer} bytes a migration can have.");
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(LargestBuffer, 2L * buffer.Length));
        Buffer.BlockCopy(buffer, 0, larger, 0, buffer.Length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>
    /// The text of a file's bytes by the same rules; the runtime decodes embedded migrations with
    /// it, so they read exactly as the build read them from disk.
    /// </summary>
    public static string Decode(ArraySegment<byte> bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Utf8Bom))
        {
            return Encoding.UTF8.GetString(bytes.Array!, bytes.Offset + Utf8Bom.Length, bytes.Count - Utf8Bom.Length);
        }

        if (span.StartsWith(Utf16LittleEndianBom) || span.StartsWith(Utf16BigEndianBom) || span.StartsWith(Utf32BigEndianBom))
        {
            // UTF-16 or UTF-32 (little-endian UTF-32 starts as UTF-16 does): rare enough for the
            // general reader, which knows every mark.
            using var reader = new StreamReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(bytes.Array!, bytes.Offset, bytes.Count);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    private static ReadOnlySpan<byte> Utf32BigEndianBom => [0x00, 0x00, 0xFE, 0xFF];
}
