using System.Globalization;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A MySQL stored function's <c>RETURNS</c> type, as far as the value a call returns converts
/// to it: an integer type in its range, a string type within its length. Anything the server
/// would convert, round or refuse (a string into an integer, a number out of range, a text over
/// the length) is left unknown rather than guessed.
/// </summary>
internal sealed class MySqlReturnType
{
    private static readonly Dictionary<string, (long Min, long Max, long UnsignedMax)> IntegerRanges = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TINYINT"] = (sbyte.MinValue, sbyte.MaxValue, byte.MaxValue),
        ["BOOL"] = (sbyte.MinValue, sbyte.MaxValue, byte.MaxValue),
        ["BOOLEAN"] = (sbyte.MinValue, sbyte.MaxValue, byte.MaxValue),
        ["SMALLINT"] = (short.MinValue, short.MaxValue, ushort.MaxValue),
        ["MEDIUMINT"] = (-8388608, 8388607, 16777215),
        ["INT"] = (int.MinValue, int.MaxValue, uint.MaxValue),
        ["INTEGER"] = (int.MinValue, int.MaxValue, uint.MaxValue),
        ["BIGINT"] = (long.MinValue, long.MaxValue, long.MaxValue),
    };

    private static readonly HashSet<string> TextTypes = new(StringComparer.OrdinalIgnoreCase) { "CHAR", "VARCHAR", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT" };

    private static readonly HashSet<string> Modifiers = new(StringComparer.OrdinalIgnoreCase) { "UNSIGNED", "SIGNED", "ZEROFILL", "BINARY" };

    private readonly long? _length;
    private readonly bool _unsigned;

    private MySqlReturnType(string name, long? length, bool unsigned) => (Name, _length, _unsigned) = (name.ToUpperInvariant(), length, unsigned);

    /// <summary>The type's name, upper case.</summary>
    public string Name { get; }

    /// <summary>Reads <c>RETURNS type</c> from <paramref name="at"/>, leaving it on the token after the type.</summary>
    public static MySqlReturnType? Read(string sql, List<SqlToken> tokens, ref int at)
    {
        at++; // RETURNS
        if (at >= tokens.Count || tokens[at].Kind != SqlTokenKind.Word) return null;
        var name = SqlTokenText.Raw(sql, tokens[at++]);
        long? length = null;
        var understood = true;
        if (at < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[at], '('))
        {
            var close = at + 1;
            while (close < tokens.Count && !SqlTokenText.IsSymbol(sql, tokens[close], ')')) close++;
            understood = close == at + 2 && tokens[at + 1].Kind == SqlTokenKind.Number
                         && long.TryParse(SqlTokenText.Raw(sql, tokens[at + 1]), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (length = n) >= 0;
            at = close + 1;
        }

        var unsigned = false;
        while (at < tokens.Count)
        {
            if (tokens[at].Kind == SqlTokenKind.Word && Modifiers.Contains(SqlTokenText.Raw(sql, tokens[at])))
            {
                unsigned |= SqlTokenText.IsWord(sql, tokens[at], "UNSIGNED");
                at++;
            }
            else if (SqlTokenText.IsWord(sql, tokens[at], "CHARSET") || SqlTokenText.IsWord(sql, tokens[at], "COLLATE"))
            {
                at += 2;
            }
            else if (SqlTokenText.IsWord(sql, tokens[at], "CHARACTER") && at + 1 < tokens.Count && SqlTokenText.IsWord(sql, tokens[at + 1], "SET"))
            {
                at += 3;
            }
            else
            {
                break;
            }
        }

        return understood ? new MySqlReturnType(name, length, unsigned) : null;
    }

    /// <summary>The value as the function returns it, or <see langword="null"/> when the conversion is not one read here.</summary>
    public object? Convert(object value)
    {
        if (value == MySqlUserExpression.NullValue) return value;
        if (IntegerRanges.TryGetValue(Name, out var range))
        {
            return value is long n && n >= (_unsigned ? 0 : range.Min) && n <= (_unsigned ? range.UnsignedMax : range.Max) ? n : null;
        }

        if (!TextTypes.Contains(Name)) return null;
        var text = value switch
        {
            string s => s,
            long n => n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

        // CHAR without a length holds one character, and drops trailing spaces; TINYTEXT holds 255 bytes, so 63 characters of any charset.
        var most = _length ?? Name switch { "CHAR" => 1, "VARCHAR" => -1, "TINYTEXT" => 63, _ => long.MaxValue };
        return text is not null && text.Length <= most && !(Name == "CHAR" && text.EndsWith(' ')) ? text : null;
    }
}
