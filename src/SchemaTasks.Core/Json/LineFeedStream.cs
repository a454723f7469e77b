namespace SchemaTasks.Json;

/// <summary>
/// Passes bytes on to another stream without the carriage returns, so JSON written on Windows
/// ends its lines as it does everywhere else (see <see cref="DeterministicJson"/>).
/// </summary>
internal sealed class LineFeedStream(Stream inner) : WriteOnlyStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        var end = offset + count;
        for (var at = Array.IndexOf(buffer, (byte)'\r', offset, count); at >= 0; at = Array.IndexOf(buffer, (byte)'\r', offset, end - offset))
        {
            inner.Write(buffer, offset, at - offset);
            offset = at + 1;
        }

        inner.Write(buffer, offset, end - offset);
    }

    public override void Flush() => inner.Flush();
}
