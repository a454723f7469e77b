using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether an expression (a default, a CHECK) casts to a type: <c>x::t</c>, <c>x::s.t[]</c>,
/// <c>CAST(x AS t)</c>. PostgreSQL records such an expression as depending on the type, so
/// DROP TYPE refuses while it exists and DROP TYPE ... CASCADE drops it.
/// </summary>
internal static class CastTypes
{
    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    /// <summary>Whether a CHECK casts to <paramref name="type"/>, as written: a value set's canonical text has no casts.</summary>
    public static bool Names(CatalogCheck check, QualifiedName type, IdentifierRules rules)
        => Names(check.WrittenExpression ?? check.Expression, type, rules);

    public static bool Names(string? expression, QualifiedName type, IdentifierRules rules)
    {
        if (expression is null) return false;
        if (!type.Name.Contains('"', StringComparison.Ordinal) && !expression.Contains(type.Name, StringComparison.OrdinalIgnoreCase)) return false; // Most expressions name no type.
        var tokens = t_tokens ??= new List<SqlToken>(16); // Nothing below calls back here.
        if (!SqlLexer.LexesCleanly(expression, rules.Dialect, tokens)) return false;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            var isCast = (token.Kind == SqlTokenKind.Symbol && expression.AsSpan(token.Start, token.Length) is "::")
                         || SqlTokenText.IsWord(expression, token, "AS");
            if (isCast && TypeAt(expression, tokens, i + 1, rules) == type) return true;
        }

        return false;
    }

    // The type name starting at token i: name or schema.name, unqualified names in the default schema.
    private static QualifiedName? TypeAt(string text, List<SqlToken> tokens, int i, IdentifierRules rules)
    {
        var first = Identifier(text, tokens, i, rules);
        if (first is null) return null;
        if (i + 2 < tokens.Count && SqlTokenText.IsSymbol(text, tokens[i + 1], '.') && Identifier(text, tokens, i + 2, rules) is { } second)
        {
            return new QualifiedName(first, second);
        }

        return new QualifiedName(rules.DefaultSchema, first);
    }

    private static string? Identifier(string text, List<SqlToken> tokens, int i, IdentifierRules rules) => tokens[i].Kind switch
    {
        SqlTokenKind.Word => rules.FoldUnquoted(SqlTokenText.Raw(text, tokens[i])),
        SqlTokenKind.QuotedIdentifier => SqlTokenText.Unquote(text, tokens[i]),
        _ => null,
    };
}
