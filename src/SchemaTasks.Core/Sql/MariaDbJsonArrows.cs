using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// MySQL 8's JSON operators <c>col-&gt;path</c> and <c>col-&gt;&gt;path</c> are no MariaDB syntax:
/// MariaDB 10.11 answers error 1064 wherever they stand (a generated column, a default, a CHECK,
/// an index on an expression, a view), and the migration stops there. The lexer reads each as one
/// symbol only when its characters touch, so <c>a - &gt;b</c>, text in strings, quoted identifiers
/// and comments never count.
/// </summary>
internal static class MariaDbJsonArrows
{
    /// <summary>Raises the server's syntax error at the first arrow among the statement's tokens.</summary>
    /// <param name="source">The migration's text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="range">The statement's tokens.</param>
    /// <param name="tracked">Whether the statement shapes a tracked object; the message says what else its failure means.</param>
    public static void Refuse(string source, List<SqlToken> tokens, SqlStatementRange range, bool tracked)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            var token = tokens[i];
            if (token.Kind != SqlTokenKind.Symbol || !(SqlTokenText.IsSymbol(source, token, "->") || SqlTokenText.IsSymbol(source, token, "->>"))) continue;
            var arrow = SqlTokenText.Raw(source, token);
            var document = i > range.Start && tokens[i - 1].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier ? SqlTokenText.Raw(source, tokens[i - 1]) : "doc";
            var path = i + 1 < range.End && tokens[i + 1].Kind == SqlTokenKind.String ? SqlTokenText.Raw(source, tokens[i + 1]) : "'$.path'";
            var extract = $"JSON_EXTRACT({document}, {path})";
            var instead = arrow == "->>" ? $"JSON_VALUE({document}, {path}) or JSON_UNQUOTE({extract})" : extract;
            throw new SqlParseException(
                DiagnosticCodes.SyntaxError,
                $"MariaDB does not accept the JSON operator {arrow} (error 1064, a syntax error; MySQL 8 does). Write {instead} instead, which MariaDB accepts",
                token)
            {
                OutsideTrackedStatement = !tracked,
            };
        }
    }
}
