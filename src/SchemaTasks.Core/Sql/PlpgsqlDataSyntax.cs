namespace SchemaTasks.Sql;

/// <summary>
/// The first SQL statement of a PL/pgSQL body whose syntax PostgreSQL refuses, as far as
/// <see cref="PostgresDataSyntaxWatch"/> is certain of it. PL/pgSQL hands every SQL statement of
/// a body to the server's parser when it compiles the body, before any of it runs: a <c>DO</c>
/// block when it starts, a routine when <c>CREATE FUNCTION</c> runs with check_function_bodies on.
/// So one broken statement fails the whole body, on a branch never taken too, and no exception
/// handler of the body catches it (checked on PostgreSQL 15).
/// </summary>
internal static class PlpgsqlDataSyntax
{
    /// <summary>The first statement of <paramref name="block"/> (any branch, handler or loop) the server cannot parse; <see langword="null"/> when none is certain.</summary>
    public static PlpgsqlSyntaxError? Find(EmbeddedSql body, PlpgsqlBlock block)
    {
        var split = FirstSplitAgainstTheServer(body);
        foreach (var statement in PlpgsqlStatementTree.All([block]))
        {
            if (statement.At.Start > split) break; // Statements here may not be the server's.
            if (statement is not PlpgsqlSql plain || plain.Range.End <= plain.Range.Start || plain.Range.End >= body.Tokens.Count) continue;
            var terminator = body.Tokens[plain.Range.End];
            var watch = default(PostgresDataSyntaxWatch);
            watch.Start(body.Text, body.Tokens[plain.Range.Start]);
            for (var i = plain.Range.Start + 1; i < plain.Range.End && watch.Watching; i++) watch.Step(body.Text, body.Tokens[i]);
            watch.End(terminator);
            if (watch.Found is not { } found) continue;

            // PL/pgSQL passes the statement without its ';': what the server finds there it finds at the end of the input.
            if (found.At == terminator) found = found with { AtEnd = true };
            return new PlpgsqlSyntaxError(found, body.Tokens[plain.Range.Start], found.Fault == DataSyntaxFault.Unclosed && ClosesLater(body, plain.Range));
        }

        return null;
    }

    // The first ';' where PL/pgSQL does not end a statement though SchemaTasks's reading of the
    // body does: one inside parentheses (CREATE RULE's (INSERT ...; UPDATE ...)), or in a BEGIN
    // ATOMIC body. From there the statements read may be pieces of one, and are not judged.
    private static int FirstSplitAgainstTheServer(EmbeddedSql body)
    {
        var depth = 0;
        var atomic = false;
        foreach (var token in body.Tokens)
        {
            if (token.Kind == SqlTokenKind.Semicolon && (depth > 0 || atomic)) return token.Start;
            if (token.Kind == SqlTokenKind.Word) atomic |= SqlTokenText.IsWord(body.Text, token, "ATOMIC");
            if (token.Kind != SqlTokenKind.Symbol || token.Length != 1) continue;
            var symbol = body.Text[token.Start];
            if (symbol is '(' or '[') depth++;
            else if (symbol is ')' or ']') depth = Math.Max(0, depth - 1);
        }

        return int.MaxValue;
    }

    // PL/pgSQL reads a statement on past a ';' inside parentheses: when a later ')' closes those
    // still open, the statement it hands to the parser holds the ';', where the parser stops;
    // when none does, the body ends inside the statement.
    private static bool ClosesLater(EmbeddedSql body, SqlStatementRange statement)
    {
        var depth = 0;
        for (var i = statement.Start; i < body.Tokens.Count; i++)
        {
            var token = body.Tokens[i];
            if (token.Kind != SqlTokenKind.Symbol || token.Length != 1) continue;
            var symbol = body.Text[token.Start];
            if (symbol is '(' or '[') depth++;
            else if (symbol is ')' or ']' && --depth == 0 && i >= statement.End) return true;
        }

        return false;
    }
}

/// <summary>A statement of a PL/pgSQL body that the server refuses to compile (<see cref="PlpgsqlDataSyntax"/>).</summary>
/// <param name="Error">The syntax error, located in the migration file.</param>
/// <param name="Statement">The statement's first token.</param>
/// <param name="ClosedLater">For a parenthesis left open: whether a later one of the body closes it.</param>
internal readonly record struct PlpgsqlSyntaxError(DataSyntaxError Error, SqlToken Statement, bool ClosedLater)
{
    /// <summary>Where the finding is reported: the token the server names.</summary>
    public SqlToken At => Error.At;

    /// <summary>The finding's message.</summary>
    /// <param name="body">The body's text, which the tokens are of.</param>
    /// <param name="refused">What the server refuses ("DO block", "CREATE FUNCTION").</param>
    /// <param name="when">Why the statement is parsed even if it never runs, ending the message.</param>
    public string Message(string body, string refused, string when)
    {
        var server = Error.Fault != DataSyntaxFault.Unclosed ? Error.ServerText(body)
            : ClosedLater ? "syntax error at or near \";\""
            : "unexpected end of function definition at end of input";
        var statement = SqlTokenText.ForMessage(body, Statement).ToUpperInvariant();
        return $"PostgreSQL refuses this {refused} (42601, {server}): in the {statement} at line {Statement.Line}, {Error.Reason(body)}. {when}; the migration stops here.";
    }
}
