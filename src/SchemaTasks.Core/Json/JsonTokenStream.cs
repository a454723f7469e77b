using System.Text;
using System.Text.Json;

namespace SchemaTasks.Json;

/// <summary>
/// Reads JSON one token at a time from text that arrives in pieces, holding a piece at a time.
/// </summary>
/// <remarks>
/// The build task reads only the first part of a committed snapshot, which may be megabytes
/// long. Reading it whole would put the text, its UTF-8 bytes and a parsed document on the
/// large object heap of MSBuild's process, and such allocations start a full collection of
/// everything MSBuild holds, which cost the task more than the rest of its work.
/// </remarks>
internal sealed class JsonTokenStream
{
    private const int CharsPerPiece = 4096;

    // UTF-8 takes at most three bytes for a UTF-16 code unit, and the encoder may still hold the
    // first half of a surrogate pair from the piece before.
    private const int MostBytesPerPiece = 3 * CharsPerPiece + 4;

    private readonly TextReader _text;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private readonly char[] _chars = new char[CharsPerPiece];
    private byte[] _bytes = new byte[4 * MostBytesPerPiece];
    private int _start;
    private int _end;
    private bool _textEnded;
    private JsonReaderState _state;

    public JsonTokenStream(TextReader text)
    {
        _text = text;
    }

    /// <summary>The kind of the token <see cref="Read"/> last read.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>The text of the last token when it is a property name or a string; otherwise <see langword="null"/>.</summary>
    public string? Text { get; private set; }

    /// <summary>The value of the last token when it is a number that fits an <see cref="int"/>; otherwise <see langword="null"/>.</summary>
    public int? Int32 { get; private set; }

    /// <summary>Reads the next token; <see langword="false"/> after the last one.</summary>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_bytes, _start, _end - _start), _textEnded, _state);
            var read = reader.Read();
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (read)
            {
                TokenType = reader.TokenType;
                Text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                Int32 = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
                return true;
            }

            if (_textEnded)
            {
                return false;
            }

            ReadPiece();
        }
    }

    /// <summary>Reads past the value that starts with the next token, however deeply it nests.</summary>
    /// <exception cref="JsonException">The text is not valid JSON, or ends inside the value.</exception>
    public void SkipValue()
    {
        var depth = 0;
        do
        {
            if (!Read())
            {
                throw new JsonException("The text ends inside a value.");
            }

            if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
            }
        }
        while (depth > 0);
    }

    private void ReadPiece()
    {
        // The bytes not read yet move to the front; a token longer than the buffer grows it.
        var pending = _end - _start;
        if (_bytes.Length - pending < MostBytesPerPiece)
        {
            var larger = new byte[2 * _bytes.Length];
            Buffer.BlockCopy(_bytes, _start, larger, 0, pending);
            _bytes = larger;
        }
        else
        {
            Buffer.BlockCopy(_bytes, _start, _bytes, 0, pending);
        }

        _start = 0;
        _end = pending;
        var chars = _text.Read(_chars, 0, _chars.Length);
        _textEnded = chars == 0;
        _end += _encoder.GetBytes(_chars, 0, chars, _bytes, _end, flush: _textEnded);
    }
}
