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
        var tokens = t_tokens ??= new List<SqlToken>(4); // Nothing below calls back here.
        return SqlLexer.LexInto(stored, rules.Dialect, tokens).Count == 0 && tokens.Count == 1 && tokens[0].Kind == SqlTokenKind.String && tokens[0].PrefixLength == 0
            ? SqlTokenText.Unquote(stored, tokens[0])
            : null;
    }
}
