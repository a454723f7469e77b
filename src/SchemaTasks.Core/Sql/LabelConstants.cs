namespace SchemaTasks.Sql;

/// <summary>
/// Whether a PostgreSQL statement holds a string constant that may spell an enum label: the
/// constant itself, an element of an array literal <c>'{...}'</c>, or a constant in the body of
/// a <c>LANGUAGE sql</c> function, which CREATE FUNCTION parses. Only such a statement can read
/// a label its transaction added (SQLSTATE 55P04), so the build reads no other further, and
/// SchemaTasks' migrator, which has no catalog to tell a column's type, runs a file with one
/// after the ADD VALUE statement by statement.
/// </summary>
internal static class LabelConstants
{
    /// <summary>Whether a constant of the statement may spell a label <paramref name="spells"/> knows.</summary>
    /// <param name="sql">The text the tokens index.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="spells">The labels looked for.</param>
    /// <param name="functionBody">The body of a <c>LANGUAGE sql</c> function that may hold one, when none of the statement's own constants does.</param>
    public static bool MayHold(string sql, List<SqlToken> tokens, ILabelSpellings spells, out SqlToken? functionBody)
    {
        functionBody = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != SqlTokenKind.String || CannotSpell(sql, token, spells)) continue;
            var value = SqlTokenText.Unquote(sql, token);
            if (spells.Spells(value) || (value.StartsWith('{') && ArrayMayHold(value, spells))) return true;
        }

        functionBody = SqlFunctionBody(sql, tokens) is { } body && BodyMayHold(sql, body, spells) ? body : null;
        return functionBody is not null;
    }

    // Most constants are plainly quoted: their text is what lies between the quotes, and one of a
    // length no label has is passed over without unquoting it (an array literal is read whole).
    private static bool CannotSpell(string sql, SqlToken token, ILabelSpellings spells)
    {
        if (token.Style != SqlQuoteStyle.Doubling || token.PrefixLength != 0 || token.Unterminated || token.Length < 2) return false;
        var content = sql.AsSpan(token.Start + 1, token.Length - 2);
        return (content.Length == 0 || content[0] != '{') && content.IndexOf(sql[token.Start]) < 0 && !spells.MayHaveLength(content.Length);
    }

    // An array literal '{a,b}' holds a label when one of its elements is one; one that cannot be
    // read exactly is taken as possibly holding one.
    private static bool ArrayMayHold(string literal, ILabelSpellings spells)
    {
        if (literal.IndexOf('"') < 0 && literal.IndexOf('\\') < 0 && literal.IndexOf('{', 1) < 0)
        {
            foreach (var element in literal.Trim('{', '}').Split(','))
            {
                if (spells.Spells(element.Trim())) return true;
            }

            return false;
        }

        return Schema.PostgresArrayLiteral.TryRead(literal) is not { } items || AnyElement(items, spells);
    }

    private static bool AnyElement(IReadOnlyList<Schema.PostgresArrayLiteral.Element> items, ILabelSpellings spells)
    {
        foreach (var item in items)
        {
            if (item.Items is { } nested ? AnyElement(nested, spells) : item.Value is { } value && spells.Spells(value)) return true;
        }

        return false;
    }

    // CREATE [OR REPLACE] FUNCTION | PROCEDURE ... LANGUAGE sql ... AS 'body': the body. A
    // BEGIN ATOMIC body is tokens of the statement already; other languages' bodies are not
    // read until the routine runs.
    private static SqlToken? SqlFunctionBody(string sql, List<SqlToken> tokens)
    {
        if (tokens.Count < 6 || !SqlTokenText.IsWord(sql, tokens[0], "CREATE")) return null;
        var kind = SqlTokenText.IsWord(sql, tokens[1], "OR") ? 3 : 1;
        if (kind >= tokens.Count || !(SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE"))) return null;
        SqlToken? body = null;
        var isSql = false;
        for (var i = kind + 1; i + 1 < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "LANGUAGE"))
            {
                var language = tokens[i + 1];
                var name = language.Kind == SqlTokenKind.Word ? SqlTokenText.Raw(sql, language)
                    : language.Kind is SqlTokenKind.String or SqlTokenKind.QuotedIdentifier ? SqlTokenText.Unquote(sql, language)
                    : null;
                isSql = string.Equals(name, "sql", StringComparison.OrdinalIgnoreCase);
            }
            else if (SqlTokenText.IsWord(sql, tokens[i], "AS") && tokens[i + 1].Kind == SqlTokenKind.String && body is null)
            {
                body = tokens[i + 1];
            }
        }

        return isSql ? body : null;
    }

    // Cheap before lexing: a body without a quote holds no constant.
    private static bool BodyMayHold(string sql, SqlToken body, ILabelSpellings spells)
    {
        var text = SqlTokenText.Unquote(sql, body);
        if (text.IndexOf('\'') < 0) return false;
        var (tokens, _) = SqlLexer.Lex(text, SqlDialect.Postgres);
        return MayHold(text, tokens, spells, out _);
    }
}
