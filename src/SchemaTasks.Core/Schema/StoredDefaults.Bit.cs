using System.Globalization;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

// MariaDB turns a BIT column's default into a number and shows that number as a bit literal
// without leading zeros: DEFAULT 5, DEFAULT 0x5 and DEFAULT b'00000101' are all b'101', TRUE is
// b'1', a string is its bytes ('1' is b'110001'), and a decimal rounds half away from zero (0.5
// is b'1'). A value wider than the column is error 1067 (verified on MariaDB 10.11).
internal static partial class StoredDefaults
{
    /// <summary>
    /// Whether MariaDB refuses <paramref name="stored"/> as the default of a <paramref name="type"/>
    /// column because the value does not fit in the column's bits; <paramref name="width"/> is that width.
    /// </summary>
    public static bool MariaDbBitOverflows(string stored, string type, IdentifierRules rules, out int width)
    {
        width = BitWidth(type);
        if (rules.Dialect != SqlDialect.MariaDb || width == 0) return false;
        var tokens = new List<SqlToken>(4);
        if (!SqlLexer.LexesCleanly(stored, rules.Dialect, tokens) || tokens.Count == 0) return false;
        return new Shape(stored, tokens).Bits(rules) is { } value && !value.FitsIn(width);
    }

    // The stored text of a default on a bit(n) column; null for a shape not read here.
    private static string? MariaDbBit(Shape shape, int width, IdentifierRules rules)
        => shape.Bits(rules) is { } value && value.FitsIn(width) ? "b'" + Convert.ToString(unchecked((long)value.Number), 2) + "'" : null;

    // The n of bit(n); 0 for another type.
    private static int BitWidth(string type)
        => new MySqlTypeText(type) is { Name: "bit", Length: { } width and <= int.MaxValue } ? (int)width : 0;

    /// <summary>The number a BIT default stands for; <see cref="TooWide"/> when it needs more than 64 bits.</summary>
    private readonly record struct BitNumber(ulong Number, bool TooWide)
    {
        public bool FitsIn(int width) => !TooWide && (width >= 64 || Number >> width == 0);
    }

    private sealed partial class Shape
    {
        /// <summary>
        /// The number MariaDB makes of the whole text as a BIT default, or <see langword="null"/>
        /// for a shape not read here (an expression, an exponent, a negative fraction, a string
        /// outside ASCII, whose bytes depend on the connection's charset).
        /// </summary>
        public BitNumber? Bits(IdentifierRules rules)
        {
            if (Tokens.Count == 1 && Tokens[0] is { Kind: SqlTokenKind.String, PrefixLength: 1 } prefixed)
            {
                var content = SqlTokenText.Unquote(Source, prefixed);
                return char.ToLowerInvariant(Source[prefixed.Start]) switch
                {
                    'b' => Digits(content, 1),
                    'x' => content.Length % 2 == 0 ? Digits(content, 4) : null, // X'F' is a syntax error: whole bytes only.
                    'n' => Bytes(content),
                    _ => null,
                };
            }

            if (!Literal(rules, out var value, out var castType) || castType is not null) return null;
            return value.Kind switch
            {
                LiteralKind.Boolean => new BitNumber(value.Text == "true" ? 1UL : 0UL, false),
                LiteralKind.String => Bytes(value.Text),
                _ => Number(value.Text),
            };
        }

        private static BitNumber? Number(string text)
        {
            if (text.StartsWith("0x", StringComparison.Ordinal)) return Digits(text[2..], 4);
            if (text.StartsWith("0b", StringComparison.Ordinal)) return Digits(text[2..], 1);
            var point = text.IndexOf('.', StringComparison.Ordinal);
            var whole = point < 0 ? text : text[..point];
            var fraction = point < 0 ? string.Empty : text[(point + 1)..];
            if (whole.Length == 0 || !fraction.All(char.IsAsciiDigit)) return null;
            if (whole[0] == '-')
            {
                // A negative integer is its 64-bit two's complement (-1 fills a bit(64)); a negative fraction was not checked.
                return fraction.Length == 0 && long.TryParse(whole, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var negative)
                    ? new BitNumber(unchecked((ulong)negative), false)
                    : null;
            }

            if (!whole.All(char.IsAsciiDigit)) return null;
            if (!ulong.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return new BitNumber(0, true);
            if (fraction.Length == 0 || fraction[0] < '5') return new BitNumber(number, false);
            return number == ulong.MaxValue ? new BitNumber(0, true) : new BitNumber(number + 1, false);
        }

        // Binary (1 bit a digit) or hexadecimal (4) digits; leading zeros do not count towards the width.
        private static BitNumber? Digits(string digits, int bitsPerDigit)
        {
            var radix = 1 << bitsPerDigit;
            if (!digits.All(c => char.IsAsciiHexDigit(c) && HexValue(c) < radix)) return null;
            ulong number = 0;
            foreach (var c in digits)
            {
                if (number >> (64 - bitsPerDigit) != 0) return new BitNumber(0, true); // The shift would push set bits out.
                number = (number << bitsPerDigit) | (uint)HexValue(c);
            }

            return new BitNumber(number, false);
        }

        private static int HexValue(char c) => c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;

        // A string's bytes, big-endian; only ASCII, one byte a character in every charset.
        private static BitNumber? Bytes(string text)
        {
            if (!text.All(c => c is >= '\x01' and <= '\x7f')) return null;
            if (text.Length > 8) return new BitNumber(0, true);
            ulong number = 0;
            foreach (var c in text) number = (number << 8) | c;
            return new BitNumber(number, false);
        }
    }
}
