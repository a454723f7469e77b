using System.Globalization;
using System.Text;

namespace SchemaTasks.Sql;

/// <summary>A PostgreSQL string literal the server refuses while reading it, and why.</summary>
/// <param name="SqlState">The server's SQLSTATE.</param>
/// <param name="Reason">The server's message, and what to write instead.</param>
internal readonly record struct PostgresStringRefusal(string SqlState, string Reason);

/// <summary>
/// Decodes PostgreSQL's escaped literals as its scanner does (<c>scan.l</c>, with a UTF8 database):
/// <c>E'...'</c> strings with backslash escapes, and <c>U&amp;'...'</c> / <c>U&amp;"..."</c> with
/// Unicode escapes and an optional <c>UESCAPE 'c'</c> clause, which the lexer keeps in the token.
/// A plain <c>'...'</c> needs none of this: with <c>standard_conforming_strings</c> on (the default
/// since 9.1) a backslash in it is just a backslash.
/// </summary>
internal static class PostgresStringEscapes
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Whether the token is an <c>E'...'</c> string, or a string that reads as one (standard_conforming_strings off).</summary>
    public static bool IsEscapeString(string source, SqlToken token)
        => token.Style == SqlQuoteStyle.NonStandardBackslash
           || (token.PrefixLength == 1 && token.Style == SqlQuoteStyle.Backslash && source[token.Start] is 'E' or 'e');

    /// <summary>Whether the token is a <c>U&amp;'...'</c> string or <c>U&amp;"..."</c> name.</summary>
    public static bool IsUnicodeLiteral(string source, SqlToken token)
        => token.PrefixLength == 2 && token.Style == SqlQuoteStyle.Doubling && source[token.Start] is 'U' or 'u' && source[token.Start + 1] == '&';

    /// <summary>
    /// Where a <c>UESCAPE 'c'</c> clause after a Unicode literal closed at <paramref name="from"/>
    /// ends; <paramref name="from"/> when none follows. White space may stand around the keyword.
    /// </summary>
    public static int UescapeClauseEnd(string text, int from)
    {
        var p = SkipSpace(text, from);
        if (p == from || string.Compare(text, p, "UESCAPE", 0, 7, StringComparison.OrdinalIgnoreCase) != 0) return from;
        p += 7;
        if (p < text.Length && (char.IsLetterOrDigit(text[p]) || text[p] is '_' or '$')) return from;
        p = SkipSpace(text, p);
        if (p >= text.Length || text[p] != '\'') return from;
        for (var i = p + 1; i < text.Length; i++)
        {
            if (text[i] != '\'') continue;
            if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
                continue;
            }

            return i + 1;
        }

        return from;
    }

    /// <summary>The value of an <c>E'...'</c> token, and the server's refusal of it, if any.</summary>
    public static string DecodeEscapeString(string source, SqlToken token, out PostgresStringRefusal? refusal)
    {
        PostgresStringRefusal? found = null;
        var text = new StringBuilder(token.Length);
        var bytes = new List<byte>();
        var end = token.End - 1;
        for (var i = token.Start + token.PrefixLength + 1; i < end; i++)
        {
            var c = source[i];
            if (c == '\'' && i + 1 < end && source[i + 1] == '\'')
            {
                Flush();
                text.Append('\'');
                i++;
                continue;
            }

            if (c != '\\' || i + 1 >= end)
            {
                Flush();
                text.Append(c);
                continue;
            }

            var e = source[++i];
            switch (e)
            {
                case >= '0' and <= '7':
                {
                    var value = 0;
                    var digits = 0;
                    while (digits < 3 && i < end && source[i] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (source[i] - '0');
                        i++;
                        digits++;
                    }

                    i--;
                    bytes.Add((byte)(value & 0xFF)); // The scanner keeps the low byte: \400 is 0x00.
                    continue;
                }

                case 'x' when i + 1 < end && IsHex(source[i + 1]):
                {
                    var value = Hex(source[++i]);
                    if (i + 1 < end && IsHex(source[i + 1])) value = (value * 16) + Hex(source[++i]);
                    bytes.Add((byte)value);
                    continue;
                }

                case 'u' or 'U':
                {
                    var width = e == 'u' ? 4 : 8;
                    if (!HexRun(source, i + 1, end, width, out var value))
                    {
                        found ??= new("22025", "invalid Unicode escape: write \\uXXXX (4 hex digits) or \\UXXXXXXXX (8)");
                        continue;
                    }

                    i += width;
                    if (!IsCodePoint(value))
                    {
                        found ??= InvalidValue();
                        continue;
                    }

                    if (value is >= 0xD800 and <= 0xDBFF)
                    {
                        // The high half of a surrogate pair: the low half must follow as the next escape.
                        if (i + 2 < end && source[i + 1] == '\\' && source[i + 2] is 'u' or 'U'
                            && HexRun(source, i + 3, end, source[i + 2] == 'u' ? 4 : 8, out var low) && low is >= 0xDC00 and <= 0xDFFF)
                        {
                            i += 2 + (source[i + 2] == 'u' ? 4 : 8);
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
                        }
                        else
                        {
                            found ??= InvalidPair();
                            continue;
                        }
                    }
                    else if (value is >= 0xDC00 and <= 0xDFFF)
                    {
                        found ??= InvalidPair();
                        continue;
                    }

                    Flush();
                    text.Append(char.ConvertFromUtf32(value));
                    continue;
                }

                default:
                    Flush();
                    text.Append(e switch
                    {
                        'b' => '\b',
                        'f' => '\f',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        var other => other,
                    });
                    continue;
            }
        }

        Flush();
        refusal = found;
        return text.ToString();

        // Octal and hex escapes are bytes: the server checks that they spell UTF-8 where the
        // literal's run of them ends, and refuses a zero byte.
        void Flush()
        {
            if (bytes.Count == 0) return;
            var run = bytes.ToArray();
            bytes.Clear();
            if (Array.IndexOf(run, (byte)0) >= 0)
            {
                found ??= InvalidBytes(0);
                return;
            }

            try
            {
                text.Append(StrictUtf8.GetString(run));
            }
            catch (DecoderFallbackException failure)
            {
                found ??= InvalidBytes(failure.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : run[0]);
            }
        }
    }

    /// <summary>The value of a <c>U&amp;'...'</c> or <c>U&amp;"..."</c> token (its <c>UESCAPE</c> clause included), and the server's refusal of it, if any.</summary>
    public static string DecodeUnicodeLiteral(string source, SqlToken token, out PostgresStringRefusal? refusal)
    {
        refusal = null;
        var quote = source[token.Start + 2];
        var close = token.Start + 3;
        while (close < token.End && !(source[close] == quote && !(close + 1 < token.End && source[close + 1] == quote))) close += source[close] == quote ? 2 : 1;
        var escape = '\\';
        if (close + 1 < token.End)
        {
            // The clause's string: exactly one character, none the escapes could be confused with.
            var open = source.IndexOf('\'', close + 1);
            var written = source.Substring(open + 1, token.End - open - 2).Replace("''", "'");
            if (written.Length != 1 || IsHex(written[0]) || written[0] is '+' or '\'' or '"' || char.IsWhiteSpace(written[0]))
            {
                refusal = new("42601", $"invalid Unicode escape character '{written}': UESCAPE takes one character that is not a hex digit, '+', a quote or white space");
                return source.Substring(token.Start + 3, close - token.Start - 3);
            }

            escape = written[0];
        }

        var text = new StringBuilder(close - token.Start);
        for (var i = token.Start + 3; i < close; i++)
        {
            var c = source[i];
            if (c == quote)
            {
                text.Append(quote);
                i++;
                continue;
            }

            if (c != escape)
            {
                text.Append(c);
                continue;
            }

            if (i + 1 < close && source[i + 1] == escape)
            {
                text.Append(escape);
                i++;
                continue;
            }

            if (!UnicodeEscape(source, i, close, out var value, out var width))
            {
                refusal ??= new("42601", $"invalid Unicode escape: write {escape}XXXX (4 hex digits) or {escape}+XXXXXX (6), and {escape}{escape} for the escape character itself");
                continue;
            }

            i += width;
            if (!IsCodePoint(value))
            {
                refusal ??= InvalidValue();
                continue;
            }

            if (value is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 1 < close && source[i + 1] == escape && UnicodeEscape(source, i + 1, close, out var low, out var lowWidth) && low is >= 0xDC00 and <= 0xDFFF)
                {
                    i += 1 + lowWidth;
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
                }
                else
                {
                    refusal ??= InvalidPair();
                    continue;
                }
            }
            else if (value is >= 0xDC00 and <= 0xDFFF)
            {
                refusal ??= InvalidPair();
                continue;
            }

            text.Append(char.ConvertFromUtf32(value));
        }

        return text.ToString();
    }

    // An escape at 'at' (the escape character): 4 hex digits, or '+' and 6; the width after the escape character.
    private static bool UnicodeEscape(string source, int at, int end, out int value, out int width)
    {
        width = source.Length > at + 1 && source[at + 1] == '+' ? 7 : 4;
        return HexRun(source, at + (width == 7 ? 2 : 1), end, width == 7 ? 6 : 4, out value);
    }

    private static bool HexRun(string source, int from, int end, int count, out int value)
    {
        value = 0;
        if (from + count > end) return false;
        long total = 0;
        for (var i = from; i < from + count; i++)
        {
            if (!IsHex(source[i])) return false;
            total = (total * 16) + Hex(source[i]);
        }

        value = total > int.MaxValue ? int.MaxValue : (int)total;
        return true;
    }

    private static bool IsCodePoint(int value) => value is > 0 and <= 0x10FFFF;

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static int SkipSpace(string text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') p++;
        return p;
    }

    private static PostgresStringRefusal InvalidValue() => new("42601", "invalid Unicode escape value: a code point is from 1 to 10FFFF");

    private static PostgresStringRefusal InvalidPair() => new("42601", "invalid Unicode surrogate pair: a D800-DBFF escape must be followed at once by a DC00-DFFF escape, or write the code point itself");

    private static PostgresStringRefusal InvalidBytes(byte first)
        => new("22021", $"invalid byte sequence for encoding \"UTF8\": 0x{first.ToString("x2", CultureInfo.InvariantCulture)}: octal and hex escapes are bytes, and together they must spell UTF-8 with no zero byte");
}
