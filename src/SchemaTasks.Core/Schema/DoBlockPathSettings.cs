using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The statements of a <c>DO</c> block that mention search_path, when every one of them is
/// <c>ALTER ROLE | USER | DATABASE ... SET | RESET search_path</c>, written out or run by
/// <c>EXECUTE</c> with only the role or database known at run time (supabase storage's
/// <c>EXECUTE 'ALTER USER ' || super_user || ' SET search_path = "storage"'</c>). Such a statement
/// gives the path to the sessions that start later; the session running the block keeps its own
/// (PostgreSQL 15: <c>SHOW search_path</c> after it is unchanged), so the block changes nothing
/// the engine follows for the statements after it.
/// </summary>
internal static class DoBlockPathSettings
{
    private const string Word = "search_path";

    /// <summary>
    /// The block's statements that set the path of later sessions, each as its own SQL (located in
    /// the file); <see langword="null"/> when search_path is mentioned anywhere else, or the block
    /// cannot be read.
    /// </summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The DO statement's tokens, DO first.</param>
    public static IReadOnlyList<(string Text, List<SqlToken> Tokens)>? LaterSessionsOnly(string sql, List<SqlToken> tokens)
    {
        if (DoBlockBody.Read(sql, tokens) is not { } body) return null;
        PlpgsqlBlock block;
        try
        {
            block = PlpgsqlParser.ParseBody(body);
        }
        catch (SqlParseException)
        {
            return null;
        }

        var found = new List<(string, List<SqlToken>)>();
        var accounted = 0;
        foreach (var statement in PlpgsqlStatementTree.All([block]))
        {
            switch (statement)
            {
                case PlpgsqlSql plain when DynamicStatementShape.SetsPathForLaterSessions(body.Text, body.Tokens, plain.Range.Start, plain.Range.End, out _):
                    accounted += Mentions(body.Text, body.Tokens, plain.Range);
                    found.Add((body.Text, body.Tokens.GetRange(plain.Range.Start, plain.Range.End - plain.Range.Start)));
                    break;
                case PlpgsqlExecute execute:
                    var shape = DynamicStatementShape.Read(body.Text, body.Tokens, execute.Expression, bound: null);
                    var text = shape?.Sql ?? PlpgsqlConstantText.Evaluate(body.Text, body.Tokens, execute.Expression).Value?.Lex([]);
                    if (text is null || !DynamicStatementShape.SetsPathForLaterSessions(text.Text, text.Tokens, 0, text.Tokens.Count, out _)) break;
                    if (shape is not null && !shape.LaterSessionsPath) break; // A value known only at run time in the path itself.
                    accounted += Mentions(body.Text, body.Tokens, execute.Expression);
                    found.Add((text.Text, text.Tokens.Where(t => t.Kind != SqlTokenKind.Semicolon).ToList()));
                    break;
            }
        }

        return accounted == Count(body.Text) ? found : null;
    }

    private static int Mentions(string text, List<SqlToken> tokens, SqlStatementRange range)
        => range.End > range.Start ? Count(text.Substring(tokens[range.Start].Start, tokens[range.End - 1].End - tokens[range.Start].Start)) : 0;

    // Written in any case, as AsciiWords finds it in the block.
    private static int Count(string text)
    {
        var count = 0;
        for (var at = text.IndexOf(Word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(Word, at + Word.Length, StringComparison.OrdinalIgnoreCase)) count++;
        return count;
    }
}
