using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// The text MariaDB shows for a number default of a FLOAT or DOUBLE column (REAL and DOUBLE
/// PRECISION are DOUBLE), quoted or not: it stores the number and shows it again, so <c>'0'</c> is
/// <c>0</c>, <c>'1e3'</c> is <c>1000</c> and <c>'1.50'</c> is <c>1.5</c> (checked on MariaDB 10.11 over a range
/// of values). A DOUBLE shows the fewest digits that read back as the same double, a FLOAT six
/// significant digits (<c>123456789012</c> is <c>123457000000</c>); either in plain notation while
/// the decimal point is at most 15 places right or 14 places left of the first digit
/// (<c>999999999999999</c>, <c>0.000000000000001</c>), else as <c>1e15</c>, <c>1.5e-16</c>. With
/// <c>(M,D)</c> the column shows D decimals (<c>0.00</c>). A text it cannot read as such a number,
/// and a value it would round or refuse, stays as written.
/// </summary>
internal static class MariaDbFloatingDefaults
{
    // The server's plainest readings of a string as a number: spaces around, a sign, digits with
    // an optional point, an exponent. Anything else (hex, 'Infinity') it warns about or refuses.
    private static readonly Regex NumberPattern = new(@"^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex TypePattern = new(@"^(?<name>float|double)(?:\((?<m>\d+),(?<d>\d+)\))?(?<unsigned> unsigned)?$", RegexOptions.CultureInvariant);

    /// <summary>The default's text as MariaDB shows it for a column of <paramref name="type"/>, or <see langword="null"/> when it is not such a column or value.</summary>
    /// <param name="number">The default's number, unquoted (a string literal's content, or a number literal's text).</param>
    /// <param name="type">The column's normalised type text.</param>
    public static string? Text(string number, string type)
    {
        if (TypePattern.Match(type) is not { Success: true } column || !NumberPattern.IsMatch(number)) return null;
        var single = column.Groups["name"].Value == "float";
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value)) return null;
        if (single && (float.IsInfinity((float)value) || ((float)value == 0 && value != 0))) return null;
        if (value < 0 && column.Groups["unsigned"].Success) return null;
        return column.Groups["d"].Success
            ? Fixed(number, int.Parse(column.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(column.Groups["d"].Value, CultureInfo.InvariantCulture), single)
            : Shortest(single ? (float)value : value, single);
    }

    // FLOAT(M,D) and DOUBLE(M,D) show D decimals. Only a value the column holds as written: no
    // more decimals than D (the server rounds), no more integer digits than M - D (it refuses),
    // and no more significant digits than the type keeps exactly.
    private static string? Fixed(string number, int precision, int scale, bool single)
    {
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        if (value == 0) return 0m.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var plain = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var point = plain.IndexOf('.');
        var whole = point < 0 ? plain : plain[..point];
        var fraction = point < 0 ? string.Empty : plain[(point + 1)..].TrimEnd('0');
        var wholeDigits = whole == "0" ? 0 : whole.Length;
        if (fraction.Length > scale || wholeDigits > precision - scale || wholeDigits + scale > (single ? 6 : 15)) return null;
        return value.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string Shortest(double value, bool single)
    {
        if (value == 0) return "0"; // '-0' too.
        var scientific = single ? value.ToString("E5", CultureInfo.InvariantCulture) : RoundTrip(value);
        var exponentAt = scientific.IndexOf('E');
        var exponent = int.Parse(scientific[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var negative = scientific[0] == '-';
        var digits = scientific[(negative ? 1 : 0)..exponentAt].Replace(".", string.Empty).TrimEnd('0');

        // The point sits `point` digits right of the first digit (negative: left, past zeros).
        var point = exponent + 1;
        var text = new StringBuilder(digits.Length + 20);
        if (negative) text.Append('-');
        if (point > 15 || point < -14)
        {
            text.Append(digits[0]);
            if (digits.Length > 1) text.Append('.').Append(digits, 1, digits.Length - 1);
            return text.Append('e').Append(exponent.ToString(CultureInfo.InvariantCulture)).ToString();
        }

        if (point <= 0) return text.Append("0.").Append('0', -point).Append(digits).ToString();
        if (point >= digits.Length) return text.Append(digits).Append('0', point - digits.Length).ToString();
        return text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point).ToString();
    }

    // The fewest significant digits (15 to 17; fewer show as trailing zeros) that read back as
    // the same double, without relying on "R", which .NET Framework gets wrong.
    private static string RoundTrip(double value)
    {
        for (var digits = 14; ; digits++)
        {
            var text = value.ToString("E" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (digits == 16 || double.Parse(text, CultureInfo.InvariantCulture) == value) return text;
        }
    }
}
