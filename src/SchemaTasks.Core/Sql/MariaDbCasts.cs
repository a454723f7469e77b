using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// MariaDB has no JSON target for CAST or CONVERT (its JSON type is LONGTEXT with a check):
/// <c>CAST(x AS JSON)</c>, which MySQL 8 takes, is a syntax error there (1064, checked on MariaDB
/// 10.11), and a generated column, default or CHECK written with it makes the whole statement fail.
/// </summary>
internal static class MariaDbCasts
{
    /// <summary>Raises the server's syntax error when the statement's tokens hold <c>CAST(... AS JSON)</c> or <c>CONVERT(..., JSON)</c>.</summary>
    public static void RefuseJsonCast(string source, List<SqlToken> tokens, SqlStatementRange range)
    {
        for (var i = range.Start; i + 1 < range.End; i++)
        {
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
                        tokens[j]);
                }
            }
        }
    }
}
