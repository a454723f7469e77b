using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// How MariaDB 10.11 takes a constant DEFAULT on a number, string or date and time column: the
/// value it stores, and the values it refuses (error 1067, Invalid default value). Checked on the
/// server in its default, strict sql_mode and without it: a default the column cannot hold is
/// refused in both, since the server converts it with warnings it treats as errors either way.
/// <list type="bullet">
/// <item>An integer column rounds a number (<c>1.5</c> is <c>2</c>, <c>'1e3'</c> is <c>1000</c>) and refuses one out of its
/// range (<c>300</c> on a TINYINT, <c>-1</c> on an UNSIGNED one) or a string that is no number (<c>'abc'</c>, <c>'12abc'</c>, <c>''</c>).</item>
/// <item>A DECIMAL(M,D) rounds to D decimals and refuses more than M - D integer digits, a negative
/// value when UNSIGNED, and a string that is no number.</item>
/// <item>A VARCHAR or VARBINARY refuses a value longer than its length, trailing spaces counted; a
/// CHAR drops them first (<c>'ab '</c> fits CHAR(2)).</item>
/// <item>A DATE, DATETIME or TIMESTAMP reads <c>YYYY-M-D[ h:m[:s[.f]]]</c>, refuses a month over 12,
/// a day past its month, an hour over 23, a minute or second over 59 (zero parts are taken, as
/// the default sql_mode has no NO_ZERO_DATE), a TIMESTAMP outside 1970 to 2038, and a text without
/// digits; it stores <c>'2020-01-01'</c>, <c>'2020-01-01 10:00:00'</c> (with the column's fractional digits).</item>
/// <item>A TIME reads <c>[-]h:m[:s[.f]]</c> up to 838:59:59 and stores <c>'01:02:03'</c>.</item>
/// </list>
/// Other forms (hex and bit literals, expressions, other date spellings, a charset other than the
/// client's) are not judged, and keep the text written.
/// </summary>
internal static class MariaDbDefaultValues
{
    // A sign, digits with an optional point, an exponent; spaces around are trimmed first.
    private const NumberStyles NumberText = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly Regex DateText = new(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<h>\d{1,2}):(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?:\.(?<f>\d{1,6}))?)?)?$", RegexOptions.CultureInvariant);

    private static readonly Regex TimeText = new(@"^(?<sign>-?)(?<h>\d{1,3}):(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?:\.(?<f>\d{1,6}))?)?$", RegexOptions.CultureInvariant);

    /// <summary>What a constant default is: a string literal's content, or a number as written.</summary>
    internal readonly record struct Constant(bool IsString, string Text);

    /// <summary>The text MariaDB shows for <paramref name="value"/> on a column of <paramref name="type"/>; <see langword="null"/> when not judged here.</summary>
    public static string? Stored(string type, Constant value, Sql.IdentifierRules rules)
    {
        var column = new MySqlTypeText(type);
        switch (column.Name)
        {
            case "tinyint" or "smallint" or "mediumint" or "int" or "bigint":
                return Number(value) is { } number && Math.Round(number, MidpointRounding.AwayFromZero) is var rounded && InIntegerRange(column.Name, column.Unsigned, rounded)
                    ? rounded.ToString(CultureInfo.InvariantCulture)
                    : null;
            case "decimal":
                return Number(value) is { } exact && !(column.Unsigned && exact < 0) && Decimal(column, exact) is { } shown ? shown : null;
            case "year":
                return Year(value) is { } year ? year : null;
            case "char" when value.IsString && value.Text.EndsWith(' '):
                return rules.QuoteString(value.Text.TrimEnd(' ')); // CHAR drops trailing spaces.
            case "date" or "datetime" or "timestamp" or "time":
                return value.IsString && Temporal(column.Name, Precision(column), value.Text) is { Refused: false, Stored: { } text } ? rules.QuoteString(text) : null;
            default:
                return null;
        }
    }

    /// <summary>Why MariaDB refuses <paramref name="stored"/> (a stored default) on a column of <paramref name="type"/>; <see langword="null"/> when it takes it or it is not judged.</summary>
    public static string? Refusal(string type, string stored, Sql.IdentifierRules rules, bool clientCharsetIsUtf8, bool allowsInvalidDates = false)
    {
        var column = new MySqlTypeText(type);
        if (column.Name is not ("tinyint" or "smallint" or "mediumint" or "int" or "bigint" or "decimal" or "float" or "double" or "year" or "varchar" or "char" or "varbinary" or "binary" or "date" or "datetime" or "timestamp" or "time")) return null;
        Constant value;
        if (stored.Length > 0 && stored[0] == '\'')
        {
            if (StoredLiterals.PlainString(stored, rules) is not { } text) return null;
            value = new Constant(true, text);
        }
        else if (Number(new Constant(false, stored)) is not null)
        {
            value = new Constant(false, stored);
        }
        else
        {
            return null;
        }

        switch (column.Name)
        {
            case "tinyint" or "smallint" or "mediumint" or "int" or "bigint":
                if (Number(value) is not { } number) return value.IsString && IsNoNumber(value.Text) ? "the text is no number" : null;
                return InIntegerRange(column.Name, column.Unsigned, Math.Round(number, MidpointRounding.AwayFromZero)) ? null : $"the value is out of the range of {type}";
            case "decimal":
                if (Number(value) is not { } exact) return value.IsString && IsNoNumber(value.Text) ? "the text is no number" : null;
                if (column.M > 28 || column.D > 28) return null; // Past decimal's digits: not judged.
                if (column.Unsigned && exact < 0) return $"the value is negative, which {type} cannot hold";
                return Decimal(column, exact) is null ? $"the value has more integer digits than {type} holds" : null;
            case "float" or "double":
                return Number(value) is null && value.IsString && IsNoNumber(value.Text) ? "the text is no number" : null;
            case "year":
                if (Number(value) is not { } year) return value.IsString && IsNoNumber(value.Text) ? "the text is no number" : null;
                return year == decimal.Truncate(year) && Year(value) is null ? "the value is no year a YEAR holds (1901 to 2155, 0, or 1 to 99 for 2001 to 2069 and 1970 to 1999)" : null;
            case "varchar" or "char" when value.IsString && clientCharsetIsUtf8 && column.M >= 0:
            {
                var isChar = column.Name is "char";
                var length = CharacterCount(isChar ? value.Text.TrimEnd(' ') : value.Text);
                return length > column.M ? $"the text has {length} characters, more than the {column.M} of {type}{(isChar ? string.Empty : " (trailing spaces count)")}" : null;
            }

            case "varbinary" or "binary" when value.IsString && clientCharsetIsUtf8 && column.M >= 0:
            {
                var bytes = Encoding.UTF8.GetByteCount(value.Text);
                return bytes > column.M ? $"the text takes {bytes} bytes, more than the {column.M} of {type}" : null;
            }

            case "date" or "datetime" or "timestamp" or "time" when value.IsString:
                return Temporal(column.Name, Precision(column), value.Text, allowsInvalidDates).Refused
                    ? $"the text is no valid {column.Name.ToString().ToUpperInvariant()} value{(column.Name is "timestamp" ? " (a TIMESTAMP holds 1970 to 2038)" : string.Empty)}"
                    : null;
            default:
                return null;
        }
    }

    // A number as the server reads it for a number column, spaces around it trimmed; null for anything else. Parsed without allocating.
    private static decimal? Number(Constant value)
    {
        var text = value.Text.AsSpan().Trim(' ');
        if (text.Length == 0 || (!char.IsAsciiDigit(text[^1]) && text[^1] != '.')) return null; // No '1e', no trailing sign.
        if (decimal.TryParse(text, NumberText, CultureInfo.InvariantCulture, out var number)) return number;

        // Past decimal's range: beyond every integer type, and every DECIMAL's 65 digits but the widest.
        return double.TryParse(text, NumberText, CultureInfo.InvariantCulture, out var large) && Math.Abs(large) >= 1e20 ? (large < 0 ? decimal.MinValue : decimal.MaxValue) : null;
    }

    // A YEAR as the server shows it: 1901 to 2155 as they are, 1 to 69 in this century and 70 to 99
    // in the last, 0 as 0000 but '0' as 2000; null for another whole number or a fraction (not judged).
    private static string? Year(Constant value)
    {
        if (Number(value) is not { } number || number != decimal.Truncate(number)) return null;
        var year = number switch
        {
            >= 1901 and <= 2155 => number,
            >= 1 and <= 69 => 2000 + number,
            >= 70 and <= 99 => 1900 + number,
            0 => value.IsString ? 2000 : 0,
            _ => -1m,
        };
        return year < 0 ? null : year == 0 ? "0000" : year.ToString(CultureInfo.InvariantCulture);
    }

    // Text the server reads as no number at all: it warns (1366, Incorrect integer value) and refuses the default.
    private static bool IsNoNumber(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~') return false; // Other white space or characters: not judged.
        }

        return true;
    }

    private static bool InIntegerRange(ReadOnlySpan<char> name, bool unsigned, decimal value)
    {
        var bits = name is "tinyint" ? 8 : name is "smallint" ? 16 : name is "mediumint" ? 24 : name is "int" ? 32 : 64;
        var (least, most) = unsigned
            ? (0m, bits == 64 ? 18446744073709551615m : (decimal)((1L << bits) - 1))
            : (bits == 64 ? -9223372036854775808m : -(decimal)(1L << (bits - 1)), bits == 64 ? 9223372036854775807m : (decimal)((1L << (bits - 1)) - 1));
        return value >= least && value <= most;
    }

    // The value a DECIMAL(M,D) shows, rounded to D places; null when it needs more than M - D integer
    // digits, is negative on an unsigned column, or has more digits than decimal keeps (not judged).
    private static string? Decimal(MySqlTypeText column, decimal value)
    {
        var precision = column.M < 0 ? 10 : (int)Math.Min(column.M, 29);
        var scale = (int)Math.Min(Math.Max(column.D ?? 0, 0), 29);
        if (scale > 28 || precision > 28) return null;
        var rounded = Math.Round(value, scale, MidpointRounding.AwayFromZero);
        if (column.Unsigned && rounded < 0) return null;
        var whole = decimal.Truncate(Math.Abs(rounded));
        var digits = whole == 0 ? 0 : whole.ToString(CultureInfo.InvariantCulture).Length;
        if (digits > precision - scale) return null;
        if (rounded == 0) rounded = 0m; // No '-0.0'.
        return rounded.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    // The fractional digits of a DATETIME, TIMESTAMP or TIME; 0 when none are written (a precision
    // over 6 is refused with the column, by MySqlTypeWidths).
    private static int Precision(MySqlTypeText column) => column.M is >= 0 and <= int.MaxValue ? (int)column.M : 0;

    private static int CharacterCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i])) count++;
        }

        return count;
    }

    /// <summary>A date or time text: refused, or the text the server stores (null when not judged).</summary>
    private readonly record struct TemporalReading(bool Refused, string? Stored);

    private static TemporalReading Temporal(ReadOnlySpan<char> name, int precision, string text, bool allowsInvalidDates = false)
    {
        if (name is "time")
        {
            if (TimeText.Match(text) is not { Success: true } t) return new(!HasDigit(text), null);
            var (hours, minutes) = (int.Parse(t.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(t.Groups["mi"].Value, CultureInfo.InvariantCulture));
            var seconds = t.Groups["s"].Success ? int.Parse(t.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 838 || minutes > 59 || seconds > 59) return new(true, null);
            var fraction = Fraction(t.Groups["f"].Value, precision);
            if (fraction is null) return new(false, null);
            return new(false, FormattableString.Invariant($"{t.Groups["sign"].Value}{hours:D2}:{minutes:D2}:{seconds:D2}{fraction}"));
        }

        if (DateText.Match(text) is not { Success: true } m) return new(!HasDigit(text), null);
        int Part(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day, hour, minute, second) = (Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"));
        if (month > 12 || day > 31 || hour > 23 || minute > 59 || second > 59) return new(true, null);
        if (year > 0 && month > 0 && day > DateTime.DaysInMonth(year, month))
        {
            // ALLOW_INVALID_DATES takes a day up to 31 in a DATE or DATETIME; the text stays as written.
            return allowsInvalidDates && name is not "timestamp" ? new(false, null) : new(true, null);
        }

        var zero = year == 0 && month == 0 && day == 0;
        if (name is "timestamp" && !zero && (year < 1970 || year > 2038)) return new(true, null);
        var date = FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}");
        if (name is "date") return new(false, date);
        if (name is "timestamp" && !zero && (month == 0 || day == 0)) return new(false, null); // Not judged.
        var fractionText = Fraction(m.Groups["f"].Value, precision);
        return fractionText is null ? new(false, null) : new(false, FormattableString.Invariant($"{date} {hour:D2}:{minute:D2}:{second:D2}{fractionText}"));
    }

    // The fractional seconds at the column's precision.
    private static string? Fraction(string digits, int precision)
    {
        // More digits than the column keeps are cut, not rounded (without TIME_ROUND_FRACTIONAL, which the default sql_mode has not).
        if (digits.Length > precision) return precision == 0 ? string.Empty : "." + digits[..precision];
        return precision == 0 ? string.Empty : "." + digits.PadRight(precision, '0');
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9') return true;
        }

        return false;
    }
}
