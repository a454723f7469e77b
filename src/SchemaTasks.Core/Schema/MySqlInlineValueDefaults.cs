using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A MySQL or MariaDB default that an ENUM or SET column does not list: the servers refuse it
/// (error 1067, Invalid default value). They compare by the column's collation, which the
/// default ones make case-insensitive and blind to trailing spaces (<c>'X '</c> is <c>'x'</c>),
/// but leading spaces count; a SET default is its values joined by commas, each listed, none
/// empty, with no space around the commas (<c>''</c> is the empty set). A case-sensitive
/// collation refuses more (<c>'X'</c> under utf8mb4_bin): SchemaTasks does not follow collations
/// here, so it refuses only what every collation refuses, and leaves alone a default or value
/// list with a character outside ASCII (accent-insensitive collations match <c>'e'</c> to
/// <c>'é'</c>), a number (an index, or a bit mask for SET) and an expression.
/// </summary>
internal static class MySqlInlineValueDefaults
{
    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    /// <summary>The part of <paramref name="stored"/> the column does not list, or <see langword="null"/> when it lists all of it or SchemaTasks cannot tell.</summary>
    public static string? Unlisted(InlineValueList values, string stored, IdentifierRules rules)
    {
        if (PlainString(stored, rules) is not { } text || !IsAscii(text) || values.Values.Any(v => !IsAscii(v))) return null;
        if (values.Kind == InlineValueKind.Enum) return Lists(values, text.TrimEnd(' ')) ? null : text;
        if (text.Length == 0) return null;
        return text.TrimEnd(' ').Split(',').FirstOrDefault(item => item.Length == 0 || !Lists(values, item));
    }

    private static bool Lists(InlineValueList values, string item)
        => values.Values.Any(v => string.Equals(v, item, StringComparison.OrdinalIgnoreCase));

    private static bool IsAscii(string text) => text.All(c => c < 128);

    // The text of a stored default that is one string literal, in single or double quotes, with no
    // character set introducer: the servers refuse an unlisted one however it is written, but
    // SchemaTasks reads only these exactly.
    private static string? PlainString(string stored, IdentifierRules rules)
    {
        var tokens = t_tokens ??= new List<SqlToken>(4); // Nothing below calls back here.
        return SqlLexer.LexInto(stored, rules.Dialect, tokens).Count == 0 && tokens.Count == 1 && tokens[0].Kind == SqlTokenKind.String && tokens[0].PrefixLength == 0
            ? SqlTokenText.Unquote(stored, tokens[0])
            : null;
    }
}
