using System.Globalization;
using System.Text;

namespace SchemaTasks.Schema;

/// <summary>
/// The text PostgreSQL shows for a <c>jsonb</c> value: the value is stored parsed, so its text
/// is rebuilt: object keys sorted by their UTF-8 length and then bytewise, a repeated key keeps
/// its last value, <c>": "</c> and <c>", "</c> between items, numbers as <c>numeric</c> prints
/// them (<c>1e2</c> is <c>100</c>), strings with only the escapes JSON requires.
/// </summary>
internal static class JsonbText
{
    /// <summary>The canonical text, or <see langword="null"/> when the text is not JSON this reader handles.</summary>
    public static string? Canonical(string json)
    {
        var reader = new Reader(json);
        try
        {
            var builder = new StringBuilder(json.Length + 8);
            reader.SkipSpace();
            reader.Value(builder);
            reader.SkipSpace();
            return reader.AtEnd ? builder.ToString() : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class Reader(string text)
    {
        private int _at;

        public bool AtEnd => _at == text.Length;

        public void SkipSpace()
        {
            while (_at < text.Length && text[_at] is ' ' or '\t' or '\n' or '\r') _at++;
        }

        public void Value(StringBuilder output)
        {
            if (AtEnd) throw new FormatException();
            switch (text[_at])
            {
                case '{': Object(output); break;
                case '[': Array(output); break;
                case '"': WriteString(output, ReadString()); break;
                default:
                    if (Word("true") || Word("false") || Word("null")) output.Append(text, _at - WordLength, WordLength);
                    else output.Append(Number());
                    break;
            }
        }

        private int WordLength { get; set; }

        private bool Word(string word)
        {
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) != 0) return false;
            _at += word.Length;
            WordLength = word.Length;
            return true;
        }

        private void Object(StringBuilder output)
        {
            _at++;
            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            SkipSpace();
            if (!TryTake('}'))
            {
                do
                {
                    SkipSpace();
                    if (AtEnd || text[_at] != '"') throw new FormatException();
                    var key = ReadString();
                    SkipSpace();
                    if (!TryTake(':')) throw new FormatException();
                    SkipSpace();
                    var value = new StringBuilder();
                    Value(value);
                    members[key] = value.ToString(); // A repeated key keeps its last value.
                    SkipSpace();
                }
                while (TryTake(','));
                if (!TryTake('}')) throw new FormatException();
            }

            output.Append('{');
            var first = true;
            foreach (var (key, value) in members.OrderBy(m => m.Key, KeyOrder.Instance))
            {
                if (!first) output.Append(", ");
                first = false;
                WriteString(output, key);
                output.Append(": ").Append(value);
            }

            output.Append('}');
        }

        private void Array(StringBuilder output)
        {
            _at++;
            output.Append('[');
            SkipSpace();
            if (TryTake(']'))
            {
                output.Append(']');
                return;
            }

            var first = true;
            do
            {
                if (!first) output.Append(", ");
                first = false;
                SkipSpace();
                Value(output);
                SkipSpace();
            }
            while (TryTake(','));
            if (!TryTake(']')) throw new FormatException();
            output.Append(']');
        }

        private bool TryTake(char c)
        {
            if (AtEnd || text[_at] != c) return false;
            _at++;
            return true;
        }

        private string ReadString()
        {
            _at++;
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw new FormatException();
                var c = text[_at++];
                if (c == '"') return value.ToString();
                if (c < ' ') throw new FormatException();
                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (AtEnd) throw new FormatException();
                var escape = text[_at++];
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_at + 4 > text.Length || !int.TryParse(text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || code == 0)
                        {
                            throw new FormatException(); // jsonb refuses \u0000.
                        }

                        _at += 4;
                        value.Append((char)code);
                        break;
                    default: throw new FormatException();
                }
            }
        }

        /// <summary>A JSON number as PostgreSQL's numeric type prints it.</summary>
        private string Number()
        {
            var start = _at;
            var negative = TryTake('-');
            var digitsStart = _at;
            while (!AtEnd && char.IsAsciiDigit(text[_at])) _at++;
            var integer = text[digitsStart.._at];
            if (integer.Length == 0 || (integer.Length > 1 && integer[0] == '0')) throw new FormatException();
            var fraction = string.Empty;
            if (TryTake('.'))
            {
                var fractionStart = _at;
                while (!AtEnd && char.IsAsciiDigit(text[_at])) _at++;
                fraction = text[fractionStart.._at];
                if (fraction.Length == 0) throw new FormatException();
            }

            var exponent = 0;
            if (!AtEnd && text[_at] is 'e' or 'E')
            {
                _at++;
                var sign = TryTake('-') ? -1 : TryTake('+') ? 1 : 1;
                var expStart = _at;
                while (!AtEnd && char.IsAsciiDigit(text[_at])) _at++;
                if (expStart == _at || _at - expStart > 3) throw new FormatException();
                exponent = sign * int.Parse(text.Substring(expStart, _at - expStart), CultureInfo.InvariantCulture);
            }

            if (_at == start) throw new FormatException();

            // numeric keeps the written scale less the exponent: 1.50e1 is 15.0, 1e-2 is 0.01.
            var digits = integer + fraction;
            var point = integer.Length + exponent;
            var scale = Math.Max(0, fraction.Length - exponent);
            if (point < 0)
            {
                digits = new string('0', -point) + digits;
                point = 0;
            }

            if (digits.Length < point + scale) digits += new string('0', point + scale - digits.Length);
            var whole = digits[..point].TrimStart('0');
            if (whole.Length == 0) whole = "0";
            var decimals = digits.Substring(point, scale);
            var result = scale == 0 ? whole : whole + "." + decimals;
            var isZero = result.All(c => c is '0' or '.');
            return negative && !isZero ? "-" + result : result;
        }

        private static void WriteString(StringBuilder output, string value)
        {
            output.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': output.Append("\\\""); break;
                    case '\\': output.Append("\\\\"); break;
                    case '\b': output.Append("\\b"); break;
                    case '\f': output.Append("\\f"); break;
                    case '\n': output.Append("\\n"); break;
                    case '\r': output.Append("\\r"); break;
                    case '\t': output.Append("\\t"); break;
                    default:
                        if (c < ' ') output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else output.Append(c);
                        break;
                }
            }

            output.Append('"');
        }
    }

    /// <summary>jsonb's key order: shorter UTF-8 first, then bytewise.</summary>
    private sealed class KeyOrder : IComparer<string>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Encoding.UTF8.GetBytes(x ?? string.Empty);
            var b = Encoding.UTF8.GetBytes(y ?? string.Empty);
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.AsSpan().SequenceCompareTo(b);
        }
    }
}
