using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// MariaDB has no JSON target for CAST or CONVERT (its JSON type is LONGTEXT with a check):
/// <c>CAST(x AS JSON)</c>, which MySQL 8 takes, is a syntax error there (1064, checked on MariaDB
/// 10.11), and a generated column, default or CHECK written with it makes the whole statement fail;
/// so does an <c>UPDATE</c>, <c>INSERT ... SELECT</c> or any other statement, and the migration stops there.
/// </summary>
internal static class MariaDbCasts
{
    /// <summary>The message for a cast to JSON in a statement the engine does not parse (an UPDATE, an INSERT ... SELECT), which starts with <paramref name="firstWord"/>.</summary>
    public static string RefusalInStatement(string firstWord)
        => $"The server refuses this {firstWord} statement: MariaDB cannot CAST or CONVERT to JSON (error 1064, a syntax error; MySQL 8 can). The migration stops here, so the statements after it never run. Its JSON type is LONGTEXT checked by JSON_VALID: use the text itself, or JSON_COMPACT(...) / JSON_EXTRACT(...) for a JSON value.";

    /// <summary>Raises the server's syntax error when the statement's tokens hold <c>CAST(... AS JSON)</c> or <c>CONVERT(..., JSON)</c>.</summary>
    /// <param name="source">The migration's text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="range">The statement's tokens.</param>
    /// <param name="tracked">Whether the statement shapes a tracked object; the message says what else its failure means.</param>
    public static void RefuseJsonCast(string source, List<SqlToken> tokens, SqlStatementRange range, bool tracked)
    {
        for (var i = range.Start; i + 1 < range.End; i++)
        {
            // Only CAST and CONVERT are read further: every other token costs a kind and a length test.
            if (tokens[i].Kind != SqlTokenKind.Word || tokens[i].Length is not (4 or 7)) continue;
            var cast = SqlTokenText.IsWord(source, tokens[i], "CAST");
            if (!(cast || SqlTokenText.IsWord(source, tokens[i], "CONVERT")) || !SqlTokenText.IsSymbol(source, tokens[i + 1], '(')) continue;
            var depth = 0;
            for (var j = i + 1; j < range.End; j++)
            {
                if (SqlTokenText.IsSymbol(source, tokens[j], '(')) depth++;
                else if (SqlTokenText.IsSymbol(source, tokens[j], ')') && --depth == 0) break;
                else if (depth == 1 && SqlTokenText.IsWord(source, tokens[j], "JSON") && j > 0
                         && (cast ? SqlTokenText.IsWord(source, tokens[j - 1], "AS") : SqlTokenText.IsSymbol(source, tokens[j - 1], ',')))
                {
                    throw new SqlParseException(
                        DiagnosticCodes.SyntaxError,
                        $"MariaDB cannot {(cast ? "CAST" : "CONVERT")} to JSON (error 1064, a syntax error; MySQL 8 can). Its JSON type is LONGTEXT checked by JSON_VALID: use the text itself, or JSON_COMPACT(...) / JSON_EXTRACT(...) for a JSON value",
                        tokens[j])
                    {
                        OutsideTrackedStatement = !tracked,
                    };
                }
            }
        }
    }
}
