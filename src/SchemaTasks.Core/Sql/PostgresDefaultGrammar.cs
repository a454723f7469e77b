using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// PostgreSQL's grammar gives the DEFAULT of a column definition (CREATE TABLE, ADD COLUMN) and of
/// CREATE DOMAIN a restricted expression (gram.y's b_expr), so that the clauses after it read
/// unambiguously: no NOT, AND, OR, IS (but IS [NOT] DISTINCT FROM and IS [NOT] DOCUMENT), ISNULL,
/// NOTNULL, LIKE, ILIKE, SIMILAR TO, IN, BETWEEN, AT TIME ZONE or an operator with ANY, ALL or SOME
/// outside parentheses; the server stops with a syntax error (42601) at the word (each checked on
/// PostgreSQL 15). <c>ALTER ... SET DEFAULT</c> takes any expression.
/// </summary>
internal static class PostgresDefaultGrammar
{
    private static readonly string[] Operators = ["AND", "OR", "LIKE", "ILIKE", "SIMILAR", "IN", "BETWEEN", "ISNULL", "NOTNULL"];
    private static readonly string[] Quantifiers = ["ANY", "ALL", "SOME"];

    /// <summary>The word at the cursor the server refuses in a restricted default, or <see langword="null"/>.</summary>
    /// <param name="cursor">At a word token outside brackets and CASE.</param>
    /// <param name="first">Whether the word starts the expression.</param>
    public static string? Refuses(TokenCursor cursor, bool first)
    {
        if (first) return cursor.IsWord("NOT") ? "NOT" : null;
        foreach (var word in Operators)
        {
            if (cursor.IsWord(word)) return word;
        }

        if (cursor.IsWord("IS"))
        {
            var after = cursor.IsWord("NOT", 1) ? 2 : 1;
            return cursor.IsWord("DISTINCT", after) || cursor.IsWord("DOCUMENT", after) ? null : "IS";
        }

        if (cursor.IsWord("AT") && cursor.IsWord("TIME", 1)) return "AT";
        if (cursor.Position == 0 || cursor.Tokens[cursor.Position - 1].Kind != SqlTokenKind.Symbol || !cursor.IsSymbol('(', 1)) return null;
        foreach (var word in Quantifiers)
        {
            if (cursor.IsWord(word)) return word;
        }

        return null;
    }

    public static SqlParseException Error(string owner, string word, SqlToken at)
        => new(
            DiagnosticCodes.SyntaxError,
            $"PostgreSQL refuses the DEFAULT of {owner} (42601, syntax error at or near \"{word}\"): the DEFAULT of a column or domain definition takes no {word} outside parentheses. Wrap the expression in parentheses, as in DEFAULT (NOT false)",
            at);
}
