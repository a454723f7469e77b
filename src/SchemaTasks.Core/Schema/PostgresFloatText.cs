using System.Globalization;
using System.Text;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A real or double precision constant read from a string as PostgreSQL shows it (12 on, with
/// extra_float_digits 1): the shortest digits that read back to the same value, in fixed notation
/// for a decimal exponent from -4 up to 5 (real) or 14 (double precision), otherwise as
/// <c>1.5e+20</c>, <c>1e-05</c>; <c>'NaN'</c>, <c>'Infinity'</c> and <c>'-Infinity'</c> in that
/// spelling (checked on PostgreSQL 15). The live reader shows a number .NET's decimal reads
/// without its quotes and cast, and any other text quoted; so does this.
/// </summary>
internal static class PostgresFloatText
{
    private const double MinNormal = 2.2250738585072014E-308;

    private const float MinNormalSingle = 1.17549435E-38f;

    /// <summary>The stored text of the string <paramref name="text"/> on a float column, or <see langword="null"/> when it is not read here.</summary>
    public static string? Stored(string text, bool single, IdentifierRules rules)
    {
        var trimmed = text.AsSpan().Trim(" \t\n\r\v\f");
        var unsigned = trimmed.Length > 0 && trimmed[0] is '+' or '-' ? trimmed[1..] : trimmed;
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase)) return trimmed.Length == unsigned.Length ? "'NaN'" : null;
        if (unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed[0] == '-' ? "'-Infinity'" : "'Infinity'";
        }

        foreach (var c in unsigned)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')) return null;
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsInfinity(number)) return null;
        if (single && (float.IsInfinity((float)number) || (number != 0 && (float)number == 0))) return null; // Out of real's range: 22003.
        if (number != 0 && (single ? Math.Abs((float)number) < MinNormalSingle : Math.Abs(number) < MinNormal)) return null; // Subnormals: not checked.
        var shortest = single ? ((float)number).ToString("R", CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);
        var shown = Shown(shortest, single ? 6 : 15);
        return decimal.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? shown : rules.QuoteString(shown);
    }

    // .NET's shortest round-trip text (1E+20, 1.5E-05, 123.25) in PostgreSQL's notation.
    private static string Shown(string shortest, int fixedBelow)
    {
        var negative = shortest[0] == '-';
        var body = negative ? shortest[1..] : shortest;
        var e = body.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? body : body[..e];
        var exponent = e < 0 ? 0 : int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var pointAt = (point < 0 ? mantissa.Length : point) + exponent; // Digits before the point.
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0) return negative ? "-0" : "0";
        pointAt -= leading;
        var decimalExponent = pointAt - 1;
        var shown = new StringBuilder(digits.Length + 8);
        if (negative) shown.Append('-');
        if (decimalExponent >= -4 && decimalExponent < fixedBelow)
        {
            if (pointAt <= 0) shown.Append("0.").Append('0', -pointAt).Append(digits);
            else if (pointAt >= digits.Length) shown.Append(digits).Append('0', pointAt - digits.Length);
            else shown.Append(digits, 0, pointAt).Append('.').Append(digits, pointAt, digits.Length - pointAt);
            return shown.ToString();
        }

        shown.Append(digits[0]);
        if (digits.Length > 1) shown.Append('.').Append(digits, 1, digits.Length - 1);
        shown.Append('e').Append(decimalExponent < 0 ? '-' : '+').Append(Math.Abs(decimalExponent).ToString("D2", CultureInfo.InvariantCulture));
        return shown.ToString();
    }
}
