using System.Text;

namespace SchemaTasks.Schema;

/// <summary>
/// A bit string as PostgreSQL's bit input reads it and shows it: binary digits, optionally after
/// <c>b</c>, or hexadecimal digits after <c>x</c>, each four bits (<c>'x1F'</c> is <c>00011111</c>).
/// The server stores a default on a <c>bit(n)</c> column without checking its length: an insert that
/// takes a default of another length fails then (22026), not the migration (checked on PostgreSQL 15).
/// </summary>
internal static class PostgresBitText
{
    /// <summary>The binary digits of <paramref name="text"/> as bit input reads it, or <see langword="null"/> when it refuses it.</summary>
    public static string? Digits(string text)
    {
        if (text.Length > 0 && text[0] is 'x' or 'X') return Hex(text.AsSpan(1));
        return Binary(text.Length > 0 && text[0] is 'b' or 'B' ? text.AsSpan(1) : text);
    }

    /// <summary><paramref name="digits"/> when each is 0 or 1, otherwise <see langword="null"/>.</summary>
    public static string? Binary(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (c is not ('0' or '1')) return null;
        }

        return digits.ToString();
    }

    /// <summary>The binary digits of hexadecimal <paramref name="hex"/>, or <see langword="null"/> when one is not hexadecimal.</summary>
    public static string? Hex(ReadOnlySpan<char> hex)
    {
        var bits = new StringBuilder(hex.Length * 4);
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c)) return null;
            var nibble = c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;
            for (var bit = 3; bit >= 0; bit--) bits.Append((nibble >> bit & 1) == 1 ? '1' : '0');
        }

        return bits.ToString();
    }

    /// <summary>Why bit input refuses <paramref name="text"/> (with the server's SQLSTATE), or <see langword="null"/>.</summary>
    public static string? Refusal(string text)
    {
        if (Digits(text) is not null) return null;
        var hex = text.Length > 0 && text[0] is 'x' or 'X';
        var start = hex || (text.Length > 0 && text[0] is 'b' or 'B') ? 1 : 0;
        foreach (var c in text.AsSpan(start))
        {
            if (hex ? !char.IsAsciiHexDigit(c) : c is not ('0' or '1')) return $"\"{c}\" is not a valid {(hex ? "hexadecimal" : "binary")} digit, SQLSTATE 22P02";
        }

        return null;
    }
}
