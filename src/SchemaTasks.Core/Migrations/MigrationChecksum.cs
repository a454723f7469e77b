using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SchemaTasks.Migrations;

/// <summary>
/// The checksum SchemaTasks records for a migration: SHA-256 of its UTF-8 text with every
/// line ending turned into <c>\n</c> and any byte-order mark removed, so a Windows checkout
/// (CRLF) and a Linux checkout (LF) of the same file agree.
/// </summary>
public static class MigrationChecksum
{
    /// <summary>Lower-case hexadecimal SHA-256 of the normalised text.</summary>
    public static string Compute(string text)
    {
        var normalised = NormaliseLineEndings(text);

        // Encoded into a rented buffer: every migration is hashed on every cold run, and its
        // UTF-8 bytes are not needed after.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetByteCount(normalised)));
        try
        {
            var length = Encoding.UTF8.GetBytes(normalised, 0, normalised.Length, buffer, 0);
            return Convert.ToHexString(SHA256.HashData(buffer.AsSpan(0, length))).ToLowerInvariant();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// As <see cref="Compute"/> for <paramref name="text"/> decoded from <paramref name="utf8"/>
    /// (a byte-order mark already left out of both), hashing the bytes themselves when they are
    /// what normalising and encoding the text would give: no carriage return, and no character
    /// that decoding put in place of an invalid sequence. A cold run hashes every migration it
    /// reads, and most are such files.
    /// </summary>
    internal static string ComputeFromBytes(string text, ArraySegment<byte> utf8)
    {
        if (text.IndexOf('\r') >= 0 || text.IndexOf('\uFFFD') >= 0 || (text.Length > 0 && text[0] == '\uFEFF')) return Compute(text);
        return Convert.ToHexString(SHA256.HashData(utf8.AsSpan())).ToLowerInvariant();
    }

    /// <summary>The text with CRLF and lone CR turned into LF and a leading BOM removed.</summary>
    public static string NormaliseLineEndings(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (text.IndexOf('\r') < 0)
        {
            return start == 0 ? text : text.Substring(start);
        }

        var result = new StringBuilder(text.Length);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                result.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
