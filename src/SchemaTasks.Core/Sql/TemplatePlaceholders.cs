using System.Text.RegularExpressions;

namespace SchemaTasks.Sql;

/// <summary>
/// Finds a Go template action (<c>{{ index .Options "Namespace" }}</c>, <c>{{.Schema}}</c>) in a
/// migration: some tools render their migrations with a program before running them, so the file's
/// SQL is not what runs. Comments do not count. String literals count, as the program renders them
/// too, except in a statement that only reads or writes rows (<c>INSERT</c>, <c>UPDATE</c>, ...):
/// rendered or not, such a string is data, and tools that render nothing (golang-migrate) run
/// files that keep message templates in their rows. A PostgreSQL array of arrays
/// (<c>'{{1,2},{3,4}}'</c>, <c>'{{a}}'</c>) is not an action.
/// </summary>
internal static class TemplatePlaceholders
{
    /// <summary>Where the first placeholder is, with its text.</summary>
    internal readonly record struct Placeholder(string Text, int Line, int Column);

    // Go's builtin functions and the keywords that take arguments: `{{ index .Options "x" }}`.
    private static readonly HashSet<string> GoWords = new(StringComparer.Ordinal)
    {
        "and", "block", "call", "define", "eq", "ge", "gt", "html", "if", "index", "js", "le", "len", "lt", "ne", "not", "or",
        "print", "printf", "println", "range", "slice", "template", "urlquery", "with",
    };

    // Statements whose strings are data: whatever a renderer makes of them, the schema is the same.
    private static readonly string[] DataStatementWords = ["INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE", "VALUES", "COPY"];

    /// <summary>The first placeholder outside comments, or <see langword="null"/>.</summary>
    /// <param name="sql">The migration's SQL.</param>
    /// <param name="dialect">Its dialect, whose comments and quotes apply.</param>
    /// <param name="firstLine">The file line <paramref name="sql"/> starts on.</param>
    public static Placeholder? Find(string sql, SqlDialect dialect, int firstLine)
    {
        if (!sql.Contains("{{", StringComparison.Ordinal)) return null; // Most files: no lexing at all.
        List<SqlToken>? tokens = null;
        foreach (Match match in Action.Matches(sql))
        {
            if (!IsGoAction(match.Groups["body"].Value)) continue;
            tokens ??= SqlLexer.Lex(sql, dialect, firstLine).Tokens;
            if (TokenAt(tokens, match.Index) is not { } at) continue; // In a comment.
            var token = tokens[at];
            if (token.Kind == SqlTokenKind.String && InDataStatement(sql, tokens, at)) continue;
            var (line, column) = (token.Line, token.Column);
            for (var i = token.Start; i < match.Index; i++)
            {
                (line, column) = sql[i] == '\n' ? (line + 1, 1) : (line, column + 1);
            }

            return new Placeholder(match.Value, line, column);
        }

        return null;
    }

    // What follows `{{` (and Go's `-` trim marker) in an action: a field or the dot (`.Options`,
    // `.`), a variable (`$x`), a comment (`/* */`), or a function or keyword with arguments (Go's
    // own, or any other applied to a field, variable or string). A lone word is left alone:
    // `'{{a}}'` is an array of arrays in PostgreSQL.
    private static bool IsGoAction(string body)
    {
        if (body.StartsWith("/*", StringComparison.Ordinal)) return true;
        if (body.Length > 0 && body[0] is '.' or '$') return body.Length == 1 || char.IsAsciiLetter(body[1]) || body[1] is '_' or ' ' or '\t';
        var word = Word.Match(body);
        if (!word.Success) return false;
        var arguments = body[word.Length..].TrimStart(' ', '\t');
        if (arguments.Length == 0 || arguments.Length == body.Length - word.Length) return false; // No argument, or not one apart from the word.
        return GoWords.Contains(word.Value) || arguments[0] is '.' or '$' or '"' or '(';
    }

    /// <summary>
    /// Whether the schema depends on the text at <paramref name="index"/>: it is in a token (not a
    /// comment), and not a string of a data statement, whatever a renderer makes of it.
    /// </summary>
    internal static bool ShapesSchema(string sql, List<SqlToken> tokens, int index)
    {
        if (TokenAt(tokens, index) is not { } at) return false;
        return !(tokens[at].Kind == SqlTokenKind.String && InDataStatement(sql, tokens, at));
    }

    // Whether the statement holding tokens[at] starts with a word of a data statement.
    internal static bool InDataStatement(string sql, List<SqlToken> tokens, int at)
    {
        var first = at;
        while (first > 0 && tokens[first - 1].Kind is not (SqlTokenKind.Semicolon or SqlTokenKind.Delimiter)) first--;
        var word = tokens[first];
        return word.Kind == SqlTokenKind.Word && Array.Exists(DataStatementWords, w => SqlTokenText.IsWord(sql, word, w));
    }

    // The index of the token that holds `index`, or null when it is between tokens (in a comment or white space).
    internal static int? TokenAt(List<SqlToken> tokens, int index)
    {
        var (low, high) = (0, tokens.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var token = tokens[middle];
            if (index < token.Start) high = middle - 1;
            else if (index >= token.End) low = middle + 1;
            else return middle;
        }

        return null;
    }

    // `{{`, an optional trim marker, the action's text without braces on one line, and `}}`.
    // Built when first used (only a file holding `{{` gets here), and not source-generated: the
    // .NET Framework task compiles these sources too.
    private static Regex Action => field ??= new(@"\{\{-?[ \t]*(?<body>[^{}\r\n]*?)[ \t]*-?\}\}", RegexOptions.CultureInvariant);

    private static Regex Word => field ??= new(@"^[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant);
}
