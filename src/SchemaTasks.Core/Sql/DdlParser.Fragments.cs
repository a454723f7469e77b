using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// Entry points for SQL fragments that do not come from migrations but from a live database's
// catalog (a column type, a default, a CHECK definition). They go through the same lexer,
// type reader and CHECK reader as migration text, so both sides normalise identically. A
// caller parsing many fragments passes one token list to reuse; nothing returned refers to it.
internal sealed partial class DdlParser
{
    /// <summary>Reads a whole text as one data type, such as <c>character varying(20)</c> or <c>momentum."Kind"[]</c>.</summary>
    /// <exception cref="SqlParseException">The text is not exactly one data type.</exception>
    public static TypeSpec ParseDataType(string text, IdentifierRules rules, List<SqlToken>? tokens = null)
    {
        var parser = ForFragment(text, rules, tokens);
        var type = parser.DataType();
        parser._c.ExpectEnd();
        return type;
    }

    /// <summary>
    /// Reads a CHECK definition as <c>pg_get_constraintdef</c> shows it (<c>CHECK ((expr)) NOT VALID</c>)
    /// or a bare expression as MySQL's <c>CHECK_CLAUSE</c> holds it.
    /// </summary>
    /// <exception cref="SqlParseException">The text is empty or its parentheses do not balance.</exception>
    public static CheckSpec ParseCheckDefinition(string text, IdentifierRules rules, List<SqlToken>? tokens = null)
    {
        var parser = ForFragment(text, rules, tokens);
        if (parser._c.IsWord("CHECK")) return parser.CheckClause();
        var start = parser._c.Position;
        if (parser._c.AtEnd) throw parser._c.Error("expected an expression");
        var end = parser._c.Tokens.Count;
        if (CheckValueSetReader.TryRead(text, parser._c.Tokens, start, end, rules, out var column, out var values))
        {
            return new CheckSpec(ValueSetText(rules, column, values), column, values) { WrittenExpression = parser._mySql ? null : parser.Render(start, end) };
        }

        return new CheckSpec(parser.Render(start, end), null, []);
    }

    /// <summary>An expression (a default) normalised as migration defaults are.</summary>
    public static string RenderExpression(string text, IdentifierRules rules, List<SqlToken>? tokens = null)
    {
        var parser = ForFragment(text, rules, tokens);
        var (start, end) = (0, parser._c.Tokens.Count);
        parser.UnwrapParentheses(ref start, ref end);
        return parser.Render(start, end);
    }

    private static DdlParser ForFragment(string text, IdentifierRules rules, List<SqlToken>? tokens)
    {
        tokens ??= [];
        var diagnostics = SqlLexer.LexInto(text, rules.Dialect, tokens);
        if (diagnostics.Count > 0 || tokens.Count == 0)
        {
            throw new ArgumentException($"'{text}' is not a complete SQL fragment.", nameof(text));
        }

        return new DdlParser(new TokenCursor(text, tokens, new SqlStatementRange(0, tokens.Count), rules));
    }
}
