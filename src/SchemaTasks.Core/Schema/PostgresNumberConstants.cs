using System.Globalization;
using System.Text;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Number constants in a PostgreSQL default as the server stores and shows them (checked on
/// PostgreSQL 15). The parser folds a minus into the constant after it (<c>- 1</c>, <c>-(1)</c>,
/// <c>- -1</c> are the constants -1, -1 and 1), not a plus (<c>+1</c> stays an operator: <c>(+ 1)</c>);
/// a constant is int4 when it is an integer that fits, int8 when it fits that, else numeric, whose
/// text numeric_in rebuilds (<c>1e3</c> is 1000, <c>1.50e1</c> is 15.0, <c>.5</c> is 0.5). Shown,
/// a negative int4 is <c>'-1'::integer</c>, an int8 always <c>'5'::bigint</c>, a numeric
/// <c>'-1.5'::numeric</c> or <c>'1000'::numeric</c> unless it is positive with a decimal point;
/// as the whole default the reader drops that cast (<see cref="StoredDefaults"/>), so there the
/// value is bare. Constants inside other expressions are rewritten only as arguments of a call,
/// elements of an array or items in parentheses (<c>abs(-3)</c> is <c>abs('-3'::integer)</c>).
/// </summary>
internal static class PostgresNumberConstants
{
    // Exponents beyond this are left as written: the text would be long and is no one's default.
    private const int LargestExponent = 100;

    /// <summary>
    /// <paramref name="text"/> with its number constants as the server shows them, or
    /// <see langword="null"/> when nothing changes (nearly every default: only a sign, an
    /// exponent, a leading or trailing point or leading zeros start the rewrite).
    /// </summary>
    public static string? AsStored(string text, List<SqlToken> tokens)
    {
        if (!MayChange(text, tokens)) return null;
        var whole = Constant(text, tokens, 0, out var end);
        if (end == tokens.Count)
        {
            if (whole is { } value) return value.Text == text ? null : value.Text;
        }

        StringBuilder? rewritten = null;
        var copied = 0;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!IsSymbol(text, tokens[i - 1], '(') && !IsSymbol(text, tokens[i - 1], ',') && !IsSymbol(text, tokens[i - 1], '[')) continue;
            var shown = Constant(text, tokens, i, out end) is { } constant ? constant.Shown : Plus(text, tokens, i, out end);
            if (shown is null || end >= tokens.Count || !(IsSymbol(text, tokens[end], ')') || IsSymbol(text, tokens[end], ',') || IsSymbol(text, tokens[end], ']'))) continue;
            var from = tokens[i].Start;
            var to = tokens[end - 1].End;
            if (!text.AsSpan(from, to - from).SequenceEqual(shown))
            {
                rewritten ??= new StringBuilder(text.Length + 16);
                rewritten.Append(text, copied, from - copied).Append(shown);
                copied = to;
            }

            i = end; // What the constant spans is done with: "(+ 1)" holds "+ 1".
        }

        return rewritten?.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The whole default as the server shows it when it is a sign the parser keeps as an operator
    /// (<c>+1</c> is <c>(+ 1)</c>, <c>-1::bigint</c> is <c>(- (1)::bigint)</c>), without the outer
    /// parentheses, as the catalog keeps defaults (<c>+ 1</c>), or <see langword="null"/>. The
    /// text is final: read again, <c>- 1</c> would be the constant -1.
    /// </summary>
    public static string? Operator(string text, List<SqlToken> tokens, IdentifierRules rules)
    {
        if (tokens.Count < 2 || tokens[0].Kind != SqlTokenKind.Symbol || !MayChange(text, tokens)) return null;
        if (NegatedCast(text, tokens, rules) is { } negated) return negated;
        return Plus(text, tokens, 0, out var end, whole: true) is { } plus && end == tokens.Count ? plus : null;
    }

    /// <summary>A constant's value as the server prints it and the type it has.</summary>
    private readonly record struct Value(string Text, string Type)
    {
        /// <summary>As an argument shows it: with a cast when the bare text would read back otherwise.</summary>
        public string Shown => Type switch
        {
            "integer" when Text[0] != '-' => Text,
            "numeric" when Text[0] != '-' && Text.Contains('.', StringComparison.Ordinal) => Text,
            _ => $"'{Text}'::{Type}",
        };
    }

    // A sign before a number, or a number numeric_in or the integer scanner would spell otherwise.
    private static bool MayChange(string text, List<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.Number)
            {
                var first = text[token.Start];
                var last = text[token.End - 1];
                if (first == '.' || last == '.' || (first == '0' && token.Length > 1 && char.IsAsciiDigit(text[token.Start + 1]))) return true;
                if (text.AsSpan(token.Start, token.Length).IndexOfAny('e', 'E') >= 0) return true;
                continue;
            }

            if (token.Kind != SqlTokenKind.Symbol || token.Length != 1 || text[token.Start] is not ('-' or '+')) continue;
            if (i + 1 >= tokens.Count) return false;

            // The common -1 alone is already as the server shows it.
            if (tokens.Count == 2 && text[token.Start] == '-' && !tokens[1].SpaceBefore && tokens[1].Kind == SqlTokenKind.Number) continue;
            return true;
        }

        return false;
    }

    // '-' C | '(' C ')' | number, from tokens[start]; end is where it stops. Null when there is none.
    private static Value? Constant(string text, List<SqlToken> tokens, int start, out int end)
    {
        end = start;
        var negations = 0;
        var opened = 0;
        while (end < tokens.Count && (IsSymbol(text, tokens[end], '-') || IsSymbol(text, tokens[end], '(')))
        {
            if (IsSymbol(text, tokens[end], '-')) negations++;
            else opened++;
            end++;
        }

        if (end >= tokens.Count || tokens[end].Kind != SqlTokenKind.Number) return null;
        var number = tokens[end++];
        for (var closed = 0; closed < opened; closed++)
        {
            if (end >= tokens.Count || !IsSymbol(text, tokens[end], ')')) return null;
            end++;
        }

        // A cast, subscript or field binds tighter than the sign: -1::bigint is -(1::bigint).
        if (end < tokens.Count && (IsSymbol(text, tokens[end], "::") || IsSymbol(text, tokens[end], '[') || IsSymbol(text, tokens[end], '.'))) return null;

        // A minus inside parentheses after another token ("(-1)" after a minus is fine, "- (1)"
        // too); only the simple nestings are folded, as the parser folds each minus in turn.
        return Read(text.AsSpan(number.Start, number.Length), negations % 2 == 1);
    }

    // -1::bigint: the cast binds first, and the minus stays an operator on the cast constant,
    // (- (1)::bigint); a cast to a type without a minus (text) is left as written.
    private static string? NegatedCast(string text, List<SqlToken> tokens, IdentifierRules rules)
    {
        if (tokens.Count < 4 || !IsSymbol(text, tokens[0], '-') || tokens[1].Kind != SqlTokenKind.Number || !IsSymbol(text, tokens[2], "::")) return null;
        var cast = PostgresDefaultSpellings.CastNumber(text.Substring(tokens[1].Start, tokens[1].Length), text[tokens[3].Start..], rules);
        return cast is null || cast.EndsWith("::text", StringComparison.Ordinal) ? null : $"- {cast}";
    }

    // '+' C: the operator stays, around the constant as an argument shows it; in parentheses
    // when it is an argument, without them when it is the whole default (as the catalog keeps
    // every default, the server's outer parentheses dropped).
    private static string? Plus(string text, List<SqlToken> tokens, int start, out int end, bool whole = false)
    {
        end = start;
        var opened = 0;
        while (end < tokens.Count && IsSymbol(text, tokens[end], '(')) { opened++; end++; }
        if (end >= tokens.Count || !IsSymbol(text, tokens[end], '+')) return null;
        if (Constant(text, tokens, end + 1, out end) is not { } operand) return null;
        for (var closed = 0; closed < opened; closed++)
        {
            if (end >= tokens.Count || !IsSymbol(text, tokens[end], ')')) return null;
            end++;
        }

        return whole ? $"+ {operand.Shown}" : $"(+ {operand.Shown})";
    }

    // The constant the lexer and parser make of the digits, negated or not; null for a form
    // other than a plain decimal (PostgreSQL 16's 0x1F and 1_000 are left as written).
    private static Value? Read(ReadOnlySpan<char> number, bool negative)
    {
        var exponentAt = number.IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        var exponent = 0;
        if (exponentAt >= 0 && (!int.TryParse(number[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > LargestExponent)) return null;
        var point = mantissa.IndexOf('.');
        var whole = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? [] : mantissa[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || !IsDigits(whole) || !IsDigits(fraction)) return null;

        if (point < 0 && exponentAt < 0)
        {
            // An integer: int4 when it fits, else int8, else numeric (the parser's make_const).
            var digits = whole.TrimStart('0');
            var text = digits.Length == 0 ? "0" : (negative ? "-" : string.Empty) + digits.ToString();
            if (digits.Length > 19 || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return new Value(text, "numeric");
            return new Value(text, integer is >= int.MinValue and <= int.MaxValue ? "integer" : "bigint");
        }

        // numeric_in: the digits with the point moved by the exponent, and as many decimals as
        // were written less the exponent (none below zero).
        var all = string.Concat(whole, fraction);
        var pointAt = whole.Length + exponent;
        if (pointAt < 0) (all, pointAt) = (new string('0', -pointAt) + all, 0);
        if (pointAt > all.Length) all += new string('0', pointAt - all.Length);
        var integral = all[..pointAt].TrimStart('0');
        var decimals = all[pointAt..];
        var shown = (integral.Length == 0 ? "0" : integral) + (decimals.Length > 0 ? "." + decimals : string.Empty);
        var zero = all.All(c => c == '0');
        return new Value(negative && !zero ? "-" + shown : shown, "numeric");
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    private static bool IsSymbol(string text, SqlToken token, char symbol) => SqlTokenText.IsSymbol(text, token, symbol);

    private static bool IsSymbol(string text, SqlToken token, string symbol)
        => token.Kind == SqlTokenKind.Symbol && text.AsSpan(token.Start, token.Length).SequenceEqual(symbol);
}
