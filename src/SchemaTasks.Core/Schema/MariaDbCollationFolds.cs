namespace SchemaTasks.Schema;

/// <summary>
/// Which values MariaDB's <c>general_ci</c> and <c>unicode_ci</c> collations compare as one, for the
/// characters U+0020 to U+017F (Basic Latin, Latin-1 Supplement, Latin Extended-A): each folds to
/// the first character of its weight (<c>WEIGHT_STRING</c> on MariaDB 10.11, the same for the
/// utf8mb4, utf8mb3 and utf8 collations of each name). <c>general_ci</c> folds case and accents
/// one character to one (<c>'ß'</c> is <c>'s'</c>); <c>unicode_ci</c> also expands
/// (<c>'ß'</c> is <c>'ss'</c>, <c>'Œ'</c> <c>'oe'</c>) and weighs a no-break space as a space.
/// Control characters, the vulgar fractions and <c>'ŉ'</c> (whose weights are not one character's)
/// and any character past U+017F have no fold here, so a value holding one is not judged.
/// </summary>
internal static class MariaDbCollationFolds
{
    private const char First = '\u0020';
    private const char Unknown = '\u0000';
    private const char Expands = '\uFFFF';

    // The fold of each character from First on; Unknown where not known.
    private const string GeneralCi =
        " !\"#$%&'()*+,-./" // U+0020
        + "0123456789:;<=>?" // U+0030
        + "@ABCDEFGHIJKLMNO" // U+0040
        + "PQRSTUVWXYZ[\\]^_" // U+0050
        + "`ABCDEFGHIJKLMNO" // U+0060
        + "PQRSTUVWXYZ{|}~\u0000" // U+0070
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" // U+0080
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" // U+0090
        + "\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF" // U+00A0
        + "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF" // U+00B0
        + "AAAAAA\u00C6CEEEEIIII" // U+00C0
        + "\u00D0NOOOOO\u00D7\u00D8UUUUY\u00DES" // U+00D0
        + "AAAAAA\u00C6CEEEEIIII" // U+00E0
        + "\u00D0NOOOOO\u00F7\u00D8UUUUY\u00DEY" // U+00F0
        + "AAAAAACCCCCCCCDD" // U+0100
        + "\u0110\u0110EEEEEEEEEEGGGG" // U+0110
        + "GGGGHH\u0126\u0126IIIIIIII" // U+0120
        + "II\u0132\u0132JJKK\u0138LLLLLL\u013F" // U+0130
        + "\u013F\u0141\u0141NNNNNN\u0149\u014A\u014AOOOO" // U+0140
        + "OO\u0152\u0152RRRRRRSSSSSS" // U+0150
        + "SSTTTT\u0166\u0166UUUUUUUU" // U+0160
        + "UUUUWWYYYZZZZZZS"; // U+0170

    private const string UnicodeCi =
        " !\"#$%&'()*+,-./" // U+0020
        + "0123456789:;<=>?" // U+0030
        + "@ABCDEFGHIJKLMNO" // U+0040
        + "PQRSTUVWXYZ[\\]^_" // U+0050
        + "`ABCDEFGHIJKLMNO" // U+0060
        + "PQRSTUVWXYZ{|}~\u0000" // U+0070
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" // U+0080
        + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" // U+0090
        + " \u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9A\u00AB\u00AC\u00AD\u00AE\u00AF" // U+00A0
        + "\u00B0\u00B123\u00B4\u00B5\u00B6\u00B7\u00B81O\u00BB\u0000\u0000\u0000\u00BF" // U+00B0
        + "AAAAAA\u00C6CEEEEIIII" // U+00C0
        + "\u00D0NOOOOO\u00D7\u00D8UUUUY\u00DE\uFFFF" // U+00D0
        + "AAAAAA\u00C6CEEEEIIII" // U+00E0
        + "\u00D0NOOOOO\u00F7\u00D8UUUUY\u00DEY" // U+00F0
        + "AAAAAACCCCCCCCDD" // U+0100
        + "\u0110\u0110EEEEEEEEEEGGGG" // U+0110
        + "GGGGHH\u0126\u0126IIIIIIII" // U+0120
        + "I\u0131\uFFFF\uFFFFJJKK\u0138LLLLLL\uFFFF" // U+0130
        + "\uFFFF\u0141\u0141NNNNNN\u0000\u014A\u014AOOOO" // U+0140
        + "OO\uFFFF\uFFFFRRRRRRSSSSSS" // U+0150
        + "SSTTTT\u0166\u0166UUUUUUUU" // U+0160
        + "UUUUWWYYYZZZZZZS"; // U+0170

    /// <summary>
    /// The fold of <paramref name="value"/> under <paramref name="collation"/>: two values MariaDB
    /// compares as one have the same fold. <see langword="null"/> when the collation is not one of
    /// those above or the value holds a character without a fold.
    /// </summary>
    public static string? Fold(string value, string collation)
    {
        var unicode = IsUnicodeCi(collation);
        if (!unicode && !IsGeneralCi(collation)) return null;
        var table = unicode ? UnicodeCi : GeneralCi;
        var folded = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            var at = c - First;
            if (at < 0 || at >= table.Length || table[at] == Unknown) return null;
            if (table[at] == Expands) folded.Append(UnicodeExpansion(c));
            else folded.Append(table[at]);
        }

        // Not trimmed: the server strips the values' trailing spaces, then compares them without
        // padding, so a trailing no-break space counts though unicode_ci weighs it as a space.
        return folded.ToString();
    }

    /// <summary>Whether <paramref name="collation"/> is one whose folds are known here.</summary>
    public static bool IsKnown(string collation) => IsGeneralCi(collation) || IsUnicodeCi(collation);

    private static bool IsGeneralCi(string collation)
        => collation.Equals("utf8mb4_general_ci", System.StringComparison.OrdinalIgnoreCase)
           || collation.Equals("utf8mb3_general_ci", System.StringComparison.OrdinalIgnoreCase)
           || collation.Equals("utf8_general_ci", System.StringComparison.OrdinalIgnoreCase);

    private static bool IsUnicodeCi(string collation)
        => collation.Equals("utf8mb4_unicode_ci", System.StringComparison.OrdinalIgnoreCase)
           || collation.Equals("utf8mb3_unicode_ci", System.StringComparison.OrdinalIgnoreCase)
           || collation.Equals("utf8_unicode_ci", System.StringComparison.OrdinalIgnoreCase);

    private static string UnicodeExpansion(char c) => c switch
    {
        '\u00DF' => "SS",
        '\u0132' => "IJ",
        '\u0133' => "IJ",
        '\u013F' => "L\u00B7",
        '\u0140' => "L\u00B7",
        '\u0152' => "OE",
        '\u0153' => "OE",
        _ => throw new System.ArgumentOutOfRangeException(nameof(c)),
    };
}
