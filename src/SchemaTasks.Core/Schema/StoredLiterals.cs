using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Reads a stored default that is one string literal, as the default checks and the retype of a default need it.</summary>
internal static class StoredLiterals
{
    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    /// <summary>
    /// The text of <paramref name="stored"/> when it is one string literal without a prefix (no
    /// <c>E'...'</c>, no character set introducer), quotes removed; otherwise <see langword="null"/>.
    /// </summary>
    public static string? PlainString(string stored, IdentifierRules rules)
    {
        // Most stored defaults are a plain 'text' or no string at all: read those without lexing.
        if (stored.Length == 0 || char.IsAsciiLetterOrDigit(stored[0]) || stored[0] is '(' or '_') return null; // A number, a call, a prefixed string.
        if (stored.Length >= 2 && stored[0] == '\'' && stored[^1] == '\'' && stored.AsSpan(1, stored.Length - 2).IndexOfAny('\'', '\\') < 0) return stored[1..^1];
        var tokens = t_tokens ??= new List<SqlToken>(4); // Nothing below calls back here.
        return SqlLexer.LexesCleanly(stored, rules.Dialect, tokens) && tokens.Count == 1 && tokens[0].Kind == SqlTokenKind.String && tokens[0].PrefixLength == 0
            ? SqlTokenText.Unquote(stored, tokens[0])
            : null;
    }
}
