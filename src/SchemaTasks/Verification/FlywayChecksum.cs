using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace SchemaTasks.Verification;

/// <summary>
/// The checksum Flyway records for a SQL migration. Flyway reads the file line by line
/// (<c>BufferedReader.readLine</c>, which drops <c>\n</c>, <c>\r</c> and <c>\r\n</c>), strips a
/// byte-order mark from the first line, feeds each line's UTF-8 bytes to
/// <c>java.util.zip.CRC32</c> and stores the value as a signed 32-bit integer. Feeding the lines
/// one after another equals one CRC32 over their concatenation, so the checksum is the CRC32
/// (IEEE) of the text with every line break removed.
/// </summary>
internal static class FlywayChecksum
{
    /// <summary>The checksum as Flyway stores it in <c>flyway_schema_history.checksum</c>.</summary>
    public static int Compute(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var withoutBreaks = new StringBuilder(text.Length);
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n')) withoutBreaks.Append(text[i]);
        }

        // java.util.zip.CRC32 is the IEEE polynomial, the one System.IO.Hashing.Crc32 computes.
        return unchecked((int)Crc32.HashToUInt32(Encoding.UTF8.GetBytes(withoutBreaks.ToString())));
    }

    /// <summary><see cref="Compute"/> as the text <see cref="AppliedMigration.Checksum"/> holds.</summary>
    public static string ComputeText(string text) => Compute(text).ToString(CultureInfo.InvariantCulture);
}
