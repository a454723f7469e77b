namespace SchemaTasks.Json;

/// <summary>
/// Passes bytes on to another stream without the carriage returns, so JSON written on Windows
/// ends its lines as it does everywhere else (see <see cref="DeterministicJson"/>).
/// </summary>
internal sealed class LineFeedStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // Only the array overload: it is the one .NET Framework's Stream has (the task compiles this
    // file there too), and the span overload's default implementation calls it.
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

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
