using System.Text;

namespace SchemaTasks.Schema;

/// <summary>
/// A bytea constant as PostgreSQL shows it under the default bytea_output (hex): <c>\x</c> and
/// the bytes in lower-case hexadecimal. Input in hex form (<c>'\xDEADbeef'</c>, spaces allowed
/// between bytes) or escape form (<c>'abc'</c> is <c>\x616263</c>, <c>''</c> is <c>\x</c>,
/// <c>\\</c> a backslash, <c>\000</c> an octal byte) is read; a character outside ASCII, whose
/// bytes depend on the database's encoding, is not (checked on PostgreSQL 15).
/// </summary>
internal static class PostgresByteaText
{
    /// <summary>The shown text of bytea input <paramref name="text"/>, or <see langword="null"/> when it is not read here.</summary>
    public static string? Hex(string text)
    {
        var shown = new StringBuilder(2 + (text.Length * 2)).Append(@"\x");
        if (text.StartsWith(@"\x", StringComparison.Ordinal))
        {
            for (var i = 2; i < text.Length; i++)
            {
                var c = text[i];
                if (c is ' ' or '\t' or '\n' or '\r') continue;
                if (i + 1 >= text.Length || !char.IsAsciiHexDigit(c) || !char.IsAsciiHexDigit(text[i + 1])) return null;
                shown.Append(char.ToLowerInvariant(c)).Append(char.ToLowerInvariant(text[++i]));
            }

            return shown.ToString();
        }

        for (var i = 0; i < text.Length; i++)
        {
            int value = text[i];
            if (value > 0x7f) return null;
            if (value == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] == '\\')
                {
                    i++;
                }
                else if (i + 3 < text.Length && text[i + 1] is >= '0' and <= '3' && text[i + 2] is >= '0' and <= '7' && text[i + 3] is >= '0' and <= '7')
                {
                    value = ((text[i + 1] - '0') << 6) | ((text[i + 2] - '0') << 3) | (text[i + 3] - '0');
                    i += 3;
                }
                else
                {
                    return null; // The server refuses it (22P02).
                }
            }

            shown.Append(value.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return shown.ToString();
    }
}
