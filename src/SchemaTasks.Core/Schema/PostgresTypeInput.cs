using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a string is refused by the input function of a PostgreSQL built-in type whose input
/// rules are simple and certain (integers, boolean, uuid, numeric, an ISO date, json, bit strings), in every supported version:
/// a form only newer versions read (PostgreSQL 16's <c>0x1F</c>, <c>1_000</c>) is taken. Other
/// types are not judged.
/// </summary>
internal static class PostgresTypeInput
{
    // int2in/int4in/int8in once the spaces around are trimmed, 12 to 15 and 16's prefixes and underscores.
    private static readonly Regex IntegerInput = new(@"^[+-]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|[0-9](_?[0-9])*)$", RegexOptions.CultureInvariant);

    // numeric_in once trimmed: a decimal with an optional exponent (16 adds underscores and the
    // integer prefixes), NaN and the infinities in any case (15 reads inf too). Exponents out of
    // numeric's range are not judged.
    private static readonly Regex NumericInput = new(
        @"^[+-]?((0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+)|(([0-9](_?[0-9])*)(\.([0-9](_?[0-9])*)?)?|\.[0-9](_?[0-9])*)([eE][+-]?[0-9](_?[0-9])*)?|nan|inf|infinity)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // uuid_in: 32 hex digits, a hyphen allowed after any group of four but the last, the whole
    // optionally in braces; no spaces.
    private static readonly Regex UuidInput = new(@"^([0-9a-fA-F]{4}(-?[0-9a-fA-F]{4}){7}|\{[0-9a-fA-F]{4}(-?[0-9a-fA-F]{4}){7}\})$", RegexOptions.CultureInvariant);

    // An ISO date once the spaces around are trimmed.
    private static readonly Regex IsoDateInput = new(@"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$", RegexOptions.CultureInvariant);

    private const int JsonDepthRead = 1000;

    /// <summary>Why the input function of <paramref name="type"/> refuses <paramref name="text"/> (the server's message and SQLSTATE), or <see langword="null"/> when it reads it or the type is not judged.</summary>
    /// <param name="type">A normalised built-in type text (<c>integer</c>, <c>numeric(10,2)</c>, ...).</param>
    /// <param name="text">The string's value.</param>
    public static string? Refusal(string type, string text)
    {
        switch (type)
        {
            case "smallint" or "integer" or "bigint":
                var trimmed = Trim(text);
                if (!IntegerInput.IsMatch(trimmed)) return $"invalid input syntax for type {type}, SQLSTATE 22P02";
                return OutOfRange(type, trimmed) ? $"value out of range for type {type}, SQLSTATE 22003" : null;
            case "boolean":
                return StoredDefaults.PostgresBoolean(text) is null ? "invalid input syntax for type boolean, SQLSTATE 22P02" : null;
            case "uuid":
                return UuidInput.IsMatch(text) ? null : "invalid input syntax for type uuid, SQLSTATE 22P02";
            case "date":
                return IsoDateOutOfRange(text) ? "date/time field value out of range, SQLSTATE 22008" : null;
            case "json" or "jsonb":
                return IsJson(text) ? null : "invalid input syntax for type json, SQLSTATE 22P02";
            case "bit" or "bit varying":
            case var bits when bits.StartsWith("bit(", StringComparison.Ordinal) || bits.StartsWith("bit varying(", StringComparison.Ordinal):
                return PostgresBitText.Refusal(text);
            default:
                // numeric's typmod (numeric(3,1)) is applied when a row is written, not to the default.
                return (type == "numeric" || type.StartsWith("numeric(", StringComparison.Ordinal)) && !NumericInput.IsMatch(Trim(text))
                    ? "invalid input syntax for type numeric, SQLSTATE 22P02"
                    : null;
        }
    }

    // A date in the ISO form year-month-day (four digits first: the same under every DateStyle)
    // whose month or day does not exist, or year 0; other forms are not judged.
    private static bool IsoDateOutOfRange(string text)
    {
        var match = IsoDateInput.Match(text);
        if (!match.Success) return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return year == 0 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month);
    }

    // json_in and jsonb_in read RFC 8259 JSON: one value, with space, tab, CR and LF around. The
    // reader refuses what they refuse (a bad token, a trailing comma, text after the value,
    // nothing at all); what it takes and they may not (a \u0000 in jsonb, a lone surrogate
    // escape) is not judged, nor is nesting deeper than it reads.
    private static bool IsJson(string text)
    {
        if (text.AsSpan().Trim(" \t\r\n").IsEmpty) return false;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = JsonDepthRead });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException) when (reader.CurrentDepth < JsonDepthRead - 1)
        {
            return false;
        }
        catch (JsonException)
        {
            return true; // Too deep to tell.
        }
    }

    // Only a plain decimal is measured; the prefixed and underscored forms are left alone.
    private static bool OutOfRange(string type, string trimmed)
    {
        var digits = trimmed.TrimStart('+', '-').TrimStart('0');
        if (!digits.All(c => c is >= '0' and <= '9')) return false;
        if (digits.Length > 20) return true;
        var value = decimal.Parse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return type switch
        {
            "smallint" => value is < short.MinValue or > short.MaxValue,
            "integer" => value is < int.MinValue or > int.MaxValue,
            _ => value is < long.MinValue or > long.MaxValue,
        };
    }

    // The input functions skip the C locale's white space around the value.
    private static string Trim(string text) => text.Trim(' ', '\t', '\n', '\r', '\v', '\f');
}
