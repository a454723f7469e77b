using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's <c>dblink_exec([connection,] sql [, fail_on_error])</c> runs its SQL in another
/// connection, which may be to the migration's own database (PostgreSQL 15 with dblink: a
/// <c>CREATE TABLE</c> sent to the same database is there when the migration ends). SchemaTasks
/// follows only the migration's own session, so a call whose SQL may change a tracked object, or
/// is known only at run time, is a warning (ST3175) at the call: the snapshot may lack what it
/// did. A constant SQL that changes nothing tracked (an INSERT, a GRANT) passes.
/// </summary>
internal static class DblinkExecCalls
{
    private const string Function = "dblink_exec";

    /// <summary>Reports the calls in a statement the engine reads as a query (SELECT, PERFORM, CALL ...).</summary>
    public static void Check(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (!AsciiWords.Contains(sql.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start), Function)) return;
        Scan(sql, tokens, file, diagnostics);
    }

    /// <summary>Reports the calls in the statements of a DO block's body, wherever they are in it.</summary>
    public static void CheckBlock(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (!AsciiWords.Contains(sql.AsSpan(tokens[0].Start, tokens[^1].End - tokens[0].Start), Function)) return;
        if (DoBlockBody.Read(sql, tokens) is { } body) Scan(body.Text, body.Tokens, file, diagnostics);
    }

    private static void Scan(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[i], Function) || !SqlTokenText.IsSymbol(sql, tokens[i + 1], '(')) continue;
            var arguments = Arguments(sql, tokens, i + 1);
            if (arguments.Count == 0) continue;

            // The last argument is fail_on_error when it is a boolean; the SQL is the one before it.
            var last = arguments[^1];
            if (arguments.Count > 1 && last.End - last.Start == 1 && (SqlTokenText.IsWord(sql, tokens[last.Start], "TRUE") || SqlTokenText.IsWord(sql, tokens[last.Start], "FALSE")))
            {
                arguments.RemoveAt(arguments.Count - 1);
            }

            var statement = arguments[^1];
            var constant = PlpgsqlConstantText.Evaluate(sql, tokens, statement).Value?.ToString();
            if (constant is not null && !DdlText.LooksLikeDdl(constant, SqlDialect.Postgres)) continue;

            var text = constant is null ? $"SQL known only when the migration runs ({Excerpt(sql, tokens, statement)})" : $"'{Shorten(constant)}'";
            diagnostics.Add(SchemaDiagnostic.Warning(
                DiagnosticCodes.DblinkExecNotFollowed,
                $"{Function} runs {text} over another connection, which SchemaTasks does not follow; if that connection is to this database, it may change a tracked object, and the snapshot does not show the change. Run the SQL as a statement of the migration, or, in a DO block, declare what it does with a /* schematasks:equivalent <the DDL> */ comment (docs/plpgsql.md).",
                file,
                tokens[i].Line,
                tokens[i].Column));
        }
    }

    // The ranges of the arguments of the call whose parenthesis is at open.
    private static List<SqlStatementRange> Arguments(string sql, List<SqlToken> tokens, int open)
    {
        var arguments = new List<SqlStatementRange>();
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsSymbol(sql, tokens[i], '(') || SqlTokenText.IsSymbol(sql, tokens[i], '['))
            {
                depth++;
            }
            else if (SqlTokenText.IsSymbol(sql, tokens[i], ')') || SqlTokenText.IsSymbol(sql, tokens[i], ']'))
            {
                if (depth-- > 0) continue;
                if (i > start) arguments.Add(new SqlStatementRange(start, i));
                return arguments;
            }
            else if (depth == 0 && SqlTokenText.IsSymbol(sql, tokens[i], ','))
            {
                arguments.Add(new SqlStatementRange(start, i));
                start = i + 1;
            }
        }

        return []; // No closing parenthesis: not a call the server runs.
    }

    private static string Excerpt(string sql, List<SqlToken> tokens, SqlStatementRange range)
        => Shorten(sql[tokens[range.Start].Start..tokens[range.End - 1].End]);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
