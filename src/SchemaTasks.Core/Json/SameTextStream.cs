using System.Text;

namespace SchemaTasks.Json;

/// <summary>
/// Takes UTF-8 bytes as a stream and tells whether they spell the text a reader holds, line
/// endings aside: a CRLF or a lone CR in the reader's text counts as LF, and a byte order mark
/// at its start is ignored, as <see cref="Migrations.MigrationChecksum.NormaliseLineEndings"/>
/// treats a committed file. Nothing is held beyond a piece of each side.
/// </summary>
/// <remarks>
/// The build task compares the snapshot it would write with the committed one at every build that
/// reads the migrations. Both texts whole are megabytes for a long history, and in MSBuild's
/// process such allocations start full collections of everything MSBuild holds.
/// </remarks>
internal sealed class SameTextStream(TextReader expected) : WriteOnlyStream
{
    private const int PieceLength = 4096;

    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly char[] _expected = new char[PieceLength];
    private char[] _written = new char[PieceLength];
    private int _expectedAt;
    private int _expectedEnd;
    private bool _expectedStarted;
    private bool _expectedEnded;

    /// <summary>
    /// Whether everything written so far matches the reader's text; after <see cref="Finish"/>,
    /// whether the two texts are the same.
    /// </summary>
    public bool Same { get; private set; } = true;

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Same)
        {
            Compare(buffer, offset, count, flush: false);
        }
    }

    /// <summary>Ends the written text; <see langword="true"/> when it is the reader's whole text.</summary>
    public bool Finish()
    {
        if (Same)
        {
            Compare([], 0, 0, flush: true);
        }

        Same = Same && NextExpected() < 0;
        return Same;
    }

    public override void Flush()
    {
    }

    private void Compare(byte[] buffer, int offset, int count, bool flush)
    {
        var most = Encoding.UTF8.GetMaxCharCount(count);
        if (_written.Length < most)
        {
            _written = new char[most];
        }

        var chars = _decoder.GetChars(buffer, offset, count, _written, 0, flush);
        for (var i = 0; i < chars; i++)
        {
            if (NextExpected() != _written[i])
            {
                Same = false;
                return;
            }
        }
    }

    /// <summary>The reader's next character with line endings made LF; -1 at its end.</summary>
    private int NextExpected()
    {
        var next = ReadExpected();
        if (!_expectedStarted)
        {
            _expectedStarted = true;
            if (next == '\uFEFF')
            {
                next = ReadExpected();
            }
        }

        if (next != '\r')
        {
            return next;
        }

        if (PeekExpected() == '\n')
        {
            ReadExpected();
        }

        return '\n';
    }

    private int ReadExpected()
    {
        var next = PeekExpected();
        if (next >= 0)
        {
            _expectedAt++;
        }

        return next;
    }

    private int PeekExpected()
    {
        if (_expectedAt == _expectedEnd && !_expectedEnded)
        {
            _expectedEnd = expected.Read(_expected, 0, _expected.Length);
            _expectedAt = 0;
            _expectedEnded = _expectedEnd == 0;
        }

        return _expectedAt < _expectedEnd ? _expected[_expectedAt] : -1;
    }
}
