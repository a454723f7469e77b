namespace SchemaTasks.Json;

/// <summary>
/// A stream that only takes bytes, for the writers that pass JSON on as it is written
/// (<see cref="LineFeedStream"/>, <see cref="SameTextStream"/>): everything but writing is
/// refused.
/// </summary>
/// <remarks>
/// Subclasses override only the array overload of <c>Write</c>: it is the one .NET Framework's
/// Stream has (the build task compiles these files there too), and the span overload's default
/// implementation calls it.
/// </remarks>
internal abstract class WriteOnlyStream : Stream
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

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
