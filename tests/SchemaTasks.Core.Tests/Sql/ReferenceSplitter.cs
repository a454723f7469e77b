using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

/// <summary>
/// The list-based statement splitter the engine used before it streamed statements
/// (<see cref="SqlStatementReader"/>), kept as the oracle the streaming reader is compared
/// with. Splits a token stream into statements at terminators, keeping routine bodies whole:
/// PostgreSQL <c>BEGIN ATOMIC ... END</c> and MySQL <c>CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT
/// ... BEGIN ... END</c> written without a <c>DELIMITER</c> change. Dollar-quoted bodies are
/// already single tokens.
/// </summary>
internal static class ReferenceSplitter
{
    public static List<SqlStatementRange> Split(string source, List<SqlToken> tokens, SqlDialect dialect, List<SqlLexDiagnostic> diagnostics)
    {
        var statements = new List<SqlStatementRange>();
        var start = 0;
        var depth = 0;
        var bodyAllowed = false;
        SqlToken? bodyStart = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.Delimiter || (token.Kind == SqlTokenKind.Semicolon && depth == 0))
            {
                if (i > start) statements.Add(new SqlStatementRange(start, i));
                start = i + 1;
                depth = 0;
                bodyAllowed = false;
                bodyStart = null;
                continue;
            }

            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            if (i == start)
            {
                bodyAllowed = dialect == SqlDialect.MySql ? SqlTokenText.IsWord(source, token, "CREATE") : true;
                continue;
            }

            if (!bodyAllowed)
            {
                continue;
            }

            if (depth == 0)
            {
                if (OpensBody(source, tokens, i, start, dialect))
                {
                    depth = 1;
                    bodyStart = token;
                }

                continue;
            }

            if (SqlTokenText.IsWord(source, token, "BEGIN") || SqlTokenText.IsWord(source, token, "CASE"))
            {
                depth++;
            }
            else if (SqlTokenText.IsWord(source, token, "END") && !ClosesLoopOrIf(source, tokens, i + 1))
            {
                depth--;
                if (i + 1 < tokens.Count && SqlTokenText.IsWord(source, tokens[i + 1], "CASE")) i++; // END CASE closes, not opens.
            }
        }

        if (start < tokens.Count)
        {
            statements.Add(new SqlStatementRange(start, tokens.Count));
        }

        if (depth > 0 && bodyStart is { } open)
        {
            diagnostics.Add(new SqlLexDiagnostic(
                DiagnosticCodes.UnterminatedBody,
                "This BEGIN block is never closed with END, so the rest of the file is read as its body. Add the missing END (and terminator).",
                open.Line,
                open.Column));
        }

        return statements;
    }

    private static bool OpensBody(string source, List<SqlToken> tokens, int i, int start, SqlDialect dialect)
    {
        if (!SqlTokenText.IsWord(source, tokens[i], "BEGIN"))
        {
            return false;
        }

        if (dialect == SqlDialect.Postgres)
        {
            return i + 1 < tokens.Count && SqlTokenText.IsWord(source, tokens[i + 1], "ATOMIC");
        }

        // MySQL: only routine definitions have compound bodies.
        for (var j = start + 1; j < i; j++)
        {
            var t = tokens[j];
            if (SqlTokenText.IsWord(source, t, "PROCEDURE") || SqlTokenText.IsWord(source, t, "FUNCTION")
                || SqlTokenText.IsWord(source, t, "TRIGGER") || SqlTokenText.IsWord(source, t, "EVENT"))
            {
                return true;
            }
        }

        return false;
    }

    // END IF / END LOOP / END WHILE / END REPEAT close blocks whose openings are not counted.
    private static bool ClosesLoopOrIf(string source, List<SqlToken> tokens, int next)
        => next < tokens.Count
           && (SqlTokenText.IsWord(source, tokens[next], "IF") || SqlTokenText.IsWord(source, tokens[next], "LOOP")
               || SqlTokenText.IsWord(source, tokens[next], "WHILE") || SqlTokenText.IsWord(source, tokens[next], "REPEAT"));
}
