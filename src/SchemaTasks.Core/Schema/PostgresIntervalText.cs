using System.Globalization;
using System.Text;

namespace SchemaTasks.Schema;

/// <summary>
/// An interval default as PostgreSQL stores and shows it (interval_in, then interval_out under
/// the default IntervalStyle, postgres): <c>'90 minutes'</c> is <c>01:30:00</c>, <c>'2 weeks'</c>
/// <c>14 days</c>, <c>'P1DT2H'</c> <c>1 day 02:00:00</c>, <c>'@ 1 hour ago'</c> <c>-01:00:00</c>.
/// A column's fields and precision are applied to the stored value (<c>interval hour to minute</c>
/// drops the seconds, <c>interval(0)</c> rounds half away from zero), as the server applies them to
/// an interval constant. Read here: signed numbers with a unit, a bare number where the unit
/// follows from its place, <c>h:mm[:ss[.f]]</c>, <c>@</c> and a final <c>ago</c>, and the ISO 8601
/// designator form; anything else (SQL-standard <c>1-2</c>, units glued to numbers, a unit given
/// twice) is <see langword="null"/>, and the caller keeps the written text. Checked on PostgreSQL 15.
/// </summary>
internal static class PostgresIntervalText
{
    private const long MicrosPerSecond = 1_000_000;
    private const long MicrosPerMinute = 60 * MicrosPerSecond;
    private const long MicrosPerHour = 60 * MicrosPerMinute;
    private const long MicrosPerDay = 24 * MicrosPerHour;

    // Digits of a whole number read here: with nine, no sum of the units can leave 64 bits.
    private const int MaxDigits = 9;

    // The unit kinds, one bit each: each may be given once (the server refuses a repeat).
    [Flags]
    private enum Unit
    {
        None = 0,
        Microsecond = 1,
        Millisecond = 2,
        Second = 4,
        Minute = 8,
        Hour = 16,
        Day = 32,
        Week = 64,
        Month = 128,
        Year = 256,
        Decade = 512,
        Century = 1024,
        Millennium = 2048,
    }

    // The fields of an interval type's modifier, as the type text names them.
    [Flags]
    private enum Fields
    {
        All = 0,
        Year = 1,
        Month = 2,
        Day = 4,
        Hour = 8,
        Minute = 16,
        Second = 32,
    }

    /// <summary>The text interval_out shows for <paramref name="text"/> as a default of <paramref name="type"/>, or <see langword="null"/> when it is not read here.</summary>
    /// <param name="text">The string's value.</param>
    /// <param name="type">The column's normalised type: <c>interval</c>, <c>interval(3)</c>, <c>interval hour to minute</c>, <c>interval day to second(1)</c>.</param>
    public static string? Stored(string text, string type)
    {
        if (!TypeModifier(type, out var fields, out var precision)) return null;
        var value = new Value();
        var read = text.Length > 0 && text[0] == 'P' ? ReadIso(text, ref value) : ReadPostgres(text, fields, ref value);
        // The server keeps months and days in 32 bits and refuses more (interval out of range); not judged here.
        if (!read || value.Months is < int.MinValue or > int.MaxValue || value.Days is < int.MinValue or > int.MaxValue) return null;
        Restrict(ref value, fields, precision);
        return Show(value);
    }

    // The accumulated interval: months, days and microseconds, as the server keeps them.
    private struct Value
    {
        public long Months;
        public long Days;
        public long Micros;
        public Unit Seen;

        public bool Take(Unit unit)
        {
            if ((Seen & unit) != 0) return false;
            Seen |= unit;
            return true;
        }
    }

    private static bool TypeModifier(string type, out Fields fields, out int precision)
    {
        fields = Fields.All;
        precision = -1;
        if (!type.StartsWith("interval", StringComparison.Ordinal)) return false;
        var rest = type.AsSpan("interval".Length);
        var open = rest.IndexOf('(');
        if (open >= 0)
        {
            if (rest[^1] != ')' || !int.TryParse(rest[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out precision) || precision > 6) return false;
            rest = rest[..open];
        }

        rest = rest.Trim();
        if (rest.IsEmpty) return true;
        fields = rest switch
        {
            "year" => Fields.Year,
            "month" => Fields.Month,
            "day" => Fields.Day,
            "hour" => Fields.Hour,
            "minute" => Fields.Minute,
            "second" => Fields.Second,
            "year to month" => Fields.Year | Fields.Month,
            "day to hour" => Fields.Day | Fields.Hour,
            "day to minute" => Fields.Day | Fields.Hour | Fields.Minute,
            "day to second" => Fields.Day | Fields.Hour | Fields.Minute | Fields.Second,
            "hour to minute" => Fields.Hour | Fields.Minute,
            "hour to second" => Fields.Hour | Fields.Minute | Fields.Second,
            "minute to second" => Fields.Minute | Fields.Second,
            _ => (Fields)(-1),
        };
        return fields != (Fields)(-1);
    }

    // DecodeInterval's forms: [@] then numbers with units, times, a bare number last (in the
    // modifier's last field, seconds without one) or before a time (days), then [ago].
    private static bool ReadPostgres(string text, Fields fields, ref Value value)
    {
        var words = text.AsSpan().Trim();
        if (words.IsEmpty) return false;
        if (words[0] == '@') words = words[1..].TrimStart();
        var ago = false;
        var at = 0;
        var any = false;
        while (NextWord(words, ref at) is { IsEmpty: false } word)
        {
            if (ago) return false; // ago comes last.
            if (word.Equals("ago", StringComparison.OrdinalIgnoreCase))
            {
                ago = any;
                if (!ago) return false;
                continue;
            }

            any = true;
            if (word.IndexOf(':') >= 0)
            {
                if (!ReadTime(word, fields, ref value)) return false;
                continue;
            }

            if (!Number(word, out var whole, out var fraction)) return false;
            var after = at;
            var next = NextWord(words, ref after);
            Unit unit;
            if (!next.IsEmpty && UnitOf(next) is var named && named != Unit.None)
            {
                unit = named;
                at = after;
            }
            else if (!next.IsEmpty && next.IndexOf(':') >= 0)
            {
                unit = Unit.Day;
            }
            else if (next.IsEmpty || next.Equals("ago", StringComparison.OrdinalIgnoreCase))
            {
                unit = LastField(fields);
            }
            else
            {
                return false;
            }

            if (!value.Take(unit) || !Add(ref value, unit, whole, fraction)) return false;
        }

        if (!any) return false;
        if (ago) (value.Months, value.Days, value.Micros) = (-value.Months, -value.Days, -value.Micros);
        return true;
    }

    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        var start = at;
        while (at < text.Length && !char.IsWhiteSpace(text[at])) at++;
        return text[start..at];
    }

    // A bare number's unit: the modifier's last field, seconds for a plain interval.
    private static Unit LastField(Fields fields)
        => fields switch
        {
            Fields.Year => Unit.Year,
            Fields.Month or (Fields.Year | Fields.Month) => Unit.Month,
            Fields.Day => Unit.Day,
            Fields.Hour or (Fields.Day | Fields.Hour) => Unit.Hour,
            Fields.Minute or (Fields.Hour | Fields.Minute) or (Fields.Day | Fields.Hour | Fields.Minute) => Unit.Minute,
            _ => Unit.Second,
        };

    // The unit words interval_in knows, in any case.
    private static Unit UnitOf(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[16];
        if (word.Length > lower.Length) return Unit.None;
        word.ToLowerInvariant(lower);
        return lower[..word.Length] switch
        {
            "us" or "usec" or "usecs" or "usecond" or "useconds" or "microsecond" or "microseconds" => Unit.Microsecond,
            "ms" or "msec" or "msecs" or "msecond" or "mseconds" or "millisecond" or "milliseconds" => Unit.Millisecond,
            "s" or "sec" or "secs" or "second" or "seconds" => Unit.Second,
            "m" or "min" or "mins" or "minute" or "minutes" => Unit.Minute,
            "h" or "hr" or "hrs" or "hour" or "hours" => Unit.Hour,
            "d" or "day" or "days" => Unit.Day,
            "w" or "week" or "weeks" => Unit.Week,
            "mon" or "mons" or "month" or "months" => Unit.Month,
            "y" or "yr" or "yrs" or "year" or "years" => Unit.Year,
            "dec" or "decs" or "decade" or "decades" => Unit.Decade,
            "c" or "cent" or "century" or "centuries" => Unit.Century,
            "mil" or "mils" or "millennium" or "millennia" => Unit.Millennium,
            _ => Unit.None,
        };
    }

    // A signed decimal: its whole part, and its fraction as the server reads it (strtod of the
    // digits from the point, with the number's sign).
    private static bool Number(ReadOnlySpan<char> word, out long whole, out double fraction)
    {
        whole = 0;
        fraction = 0;
        var negative = word.Length > 0 && word[0] == '-';
        var digits = word.Length > 0 && word[0] is '-' or '+' ? word[1..] : word;
        var point = digits.IndexOf('.');
        var wholeDigits = point < 0 ? digits : digits[..point];
        var fractionDigits = point < 0 ? ReadOnlySpan<char>.Empty : digits[(point + 1)..];
        if (wholeDigits.IsEmpty || wholeDigits.Length > MaxDigits || !AllDigits(wholeDigits) || !AllDigits(fractionDigits) || (point >= 0 && fractionDigits.IsEmpty)) return false;
        whole = Integer(wholeDigits);
        if (negative) whole = -whole;
        if (fractionDigits.IsEmpty) return true;
        if (fractionDigits.Length > 15) return false;
        fraction = Fraction(digits[point..]);
        if (negative) fraction = -fraction;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    // The server's Adjust* steps: a fraction spills into the next smaller unit (a month is 30
    // days, a day 24 hours), a year's into whole months; microseconds are rounded as it rounds them.
    private static bool Add(ref Value value, Unit unit, long whole, double fraction)
    {
        switch (unit)
        {
            case Unit.Microsecond: value.Micros += whole + Micros(fraction, 1); return true;
            case Unit.Millisecond: value.Micros += (whole * 1000) + Micros(fraction, 1000); return true;
            case Unit.Second: value.Micros += (whole * MicrosPerSecond) + Micros(fraction, MicrosPerSecond); return true;
            case Unit.Minute: value.Micros += (whole * MicrosPerMinute) + Micros(fraction, MicrosPerMinute); return true;
            case Unit.Hour: value.Micros += (whole * MicrosPerHour) + Micros(fraction, MicrosPerHour); return true;
            case Unit.Day: value.Days += whole; value.Micros += Micros(fraction, MicrosPerDay); return true;
            case Unit.Week: value.Days += whole * 7; FractionOfDays(ref value, fraction, 7); return true;
            case Unit.Month: value.Months += whole; FractionOfDays(ref value, fraction, 30); return true;
            case Unit.Year: value.Months += (whole * 12) + Months(fraction, 1); return true;
            case Unit.Decade: value.Months += (whole * 120) + Months(fraction, 10); return true;
            case Unit.Century: value.Months += (whole * 1200) + Months(fraction, 100); return true;
            case Unit.Millennium: value.Months += (whole * 12000) + Months(fraction, 1000); return true;
            default: return false;
        }
    }

    // AdjustFractMicroseconds: the whole microseconds, then the rest rounded half to even.
    private static long Micros(double fraction, long scale)
    {
        var micros = fraction * scale;
        var whole = (long)micros;
        return whole + (long)Math.Round(micros - whole, MidpointRounding.ToEven);
    }

    // AdjustFractYears: the fraction of scale years in months, rounded half to even.
    private static long Months(double fraction, int scale) => (long)Math.Round(fraction * scale * 12, MidpointRounding.ToEven);

    // AdjustFractDays: whole days (truncated), the rest in microseconds.
    private static void FractionOfDays(ref Value value, double fraction, int scale)
    {
        var days = fraction * scale;
        var whole = (long)days;
        value.Days += whole;
        value.Micros += Micros(days - whole, MicrosPerDay);
    }

    // Digits already checked; TryParse, as the .NET Framework task binds only that overload to spans.
    private static long Integer(ReadOnlySpan<char> digits)
        => long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException("not an integer");

    // A point and digits already checked.
    private static double Fraction(ReadOnlySpan<char> pointAndDigits)
        => double.TryParse(pointAndDigits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException("not a fraction");

    // [+-]h:mm[:ss[.f]]; for a minute to second interval two fields are minutes and seconds.
    private static bool ReadTime(ReadOnlySpan<char> word, Fields fields, ref Value value)
    {
        var negative = word[0] == '-';
        if (word[0] is '-' or '+') word = word[1..];
        var firstColon = word.IndexOf(':');
        if (firstColon < 0) return false;
        var first = word[..firstColon];
        var rest = word[(firstColon + 1)..];
        var secondColon = rest.IndexOf(':');
        var second = secondColon < 0 ? rest : rest[..secondColon];
        var third = secondColon < 0 ? ReadOnlySpan<char>.Empty : rest[(secondColon + 1)..];
        if (third.IndexOf(':') >= 0) return false;
        var count = secondColon < 0 ? 2 : 3;
        if (first.IsEmpty || first.Length > MaxDigits || !AllDigits(first) || second.Length is < 1 or > 2 || !AllDigits(second)) return false;
        long micros;
        if (count == 2)
        {
            var (big, small) = (Integer(first), Integer(second));
            if (small > 59) return false;
            var minutesAndSeconds = fields == (Fields.Minute | Fields.Second);
            micros = minutesAndSeconds ? (big * MicrosPerMinute) + (small * MicrosPerSecond) : (big * MicrosPerHour) + (small * MicrosPerMinute);
        }
        else
        {
            var point = third.IndexOf('.');
            var seconds = point < 0 ? third : third[..point];
            var digits = point < 0 ? ReadOnlySpan<char>.Empty : third[(point + 1)..];
            if (seconds.Length is < 1 or > 2 || !AllDigits(seconds) || !AllDigits(digits) || (point >= 0 && digits.IsEmpty) || digits.Length > 15) return false;
            var (hours, minutes, secs) = (Integer(first), Integer(second), Integer(seconds));
            if (minutes > 59 || secs > 59) return false;
            var fraction = digits.IsEmpty ? 0 : (long)Math.Round(Fraction(third[point..]) * MicrosPerSecond, MidpointRounding.ToEven);
            micros = (hours * MicrosPerHour) + (minutes * MicrosPerMinute) + (secs * MicrosPerSecond) + fraction;
        }

        if (!value.Take(Unit.Hour) || !value.Take(Unit.Minute) || !value.Take(Unit.Second)) return false;
        value.Micros += negative ? -micros : micros;
        return true;
    }

    // DecodeISO8601Interval's designator form: P[nY][nM][nW][nD][T[nH][nM][nS]], each n a decimal.
    private static bool ReadIso(string text, ref Value value)
    {
        var at = 1;
        var datePart = true;
        var any = false;
        while (at < text.Length)
        {
            if (text[at] == 'T' && datePart)
            {
                datePart = false;
                at++;
                continue;
            }

            var start = at;
            if (text[at] is '-' or '+') at++;
            while (at < text.Length && (char.IsAsciiDigit(text[at]) || text[at] == '.')) at++;
            if (at >= text.Length || !double.TryParse(text.AsSpan(start, at - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                || Math.Abs(number) >= 1e9)
            {
                return false;
            }

            var whole = (long)Math.Truncate(number);
            var fraction = number - whole;
            var unit = (datePart, text[at++]) switch
            {
                (true, 'Y') => Unit.Year,
                (true, 'M') => Unit.Month,
                (true, 'W') => Unit.Week,
                (true, 'D') => Unit.Day,
                (false, 'H') => Unit.Hour,
                (false, 'M') => Unit.Minute,
                (false, 'S') => Unit.Second,
                _ => Unit.None,
            };
            if (unit == Unit.None || !value.Take(unit) || !Add(ref value, unit, whole, fraction)) return false;
            any = true;
        }

        return any;
    }

    // AdjustIntervalForTypmod: the fields below the modifier's last are dropped (truncated
    // toward zero), then the seconds rounded to the precision, half away from zero.
    private static void Restrict(ref Value value, Fields fields, int precision)
    {
        switch (fields)
        {
            case Fields.Year:
                (value.Months, value.Days, value.Micros) = (value.Months / 12 * 12, 0, 0);
                break;
            case Fields.Month or (Fields.Year | Fields.Month):
                (value.Days, value.Micros) = (0, 0);
                break;
            case Fields.Day:
                value.Micros = 0;
                break;
            case Fields.Hour or (Fields.Day | Fields.Hour):
                value.Micros = value.Micros / MicrosPerHour * MicrosPerHour;
                break;
            case Fields.Minute or (Fields.Hour | Fields.Minute) or (Fields.Day | Fields.Hour | Fields.Minute):
                value.Micros = value.Micros / MicrosPerMinute * MicrosPerMinute;
                break;
        }

        if (precision is < 0 or >= 6) return;
        var scale = (long)Math.Pow(10, 6 - precision);
        value.Micros = value.Micros >= 0
            ? (value.Micros + (scale / 2)) / scale * scale
            : -((-value.Micros + (scale / 2)) / scale * scale);
    }

    // interval_out under IntervalStyle postgres: years, mons and days each when not zero (a plus
    // before a positive one that follows a negative one), then the time when not zero or alone.
    private static string Show(Value value)
    {
        var shown = new StringBuilder(32);
        var isZero = true;
        var isBefore = false;
        Part(shown, value.Months / 12, "year", ref isZero, ref isBefore);
        Part(shown, value.Months % 12, "mon", ref isZero, ref isBefore);
        Part(shown, value.Days, "day", ref isZero, ref isBefore);
        var time = value.Micros;
        if (isZero || time != 0)
        {
            if (!isZero) shown.Append(' ');
            if (time < 0) shown.Append('-');
            else if (isBefore) shown.Append('+');
            var magnitude = (ulong)Math.Abs(time);
            var hours = magnitude / MicrosPerHour;
            var minutes = magnitude / MicrosPerMinute % 60;
            var seconds = magnitude / MicrosPerSecond % 60;
            var micros = magnitude % MicrosPerSecond;
            shown.Append(hours.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append(minutes.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append(seconds.ToString("D2", CultureInfo.InvariantCulture));
            if (micros != 0) shown.Append('.').Append(micros.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return shown.ToString();
    }

    private static void Part(StringBuilder shown, long number, string unit, ref bool isZero, ref bool isBefore)
    {
        if (number == 0) return;
        if (!isZero) shown.Append(' ');
        if (isBefore && number > 0) shown.Append('+');
        shown.Append(number.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
        if (number != 1) shown.Append('s');
        isBefore = number < 0;
        isZero = false;
    }
}
