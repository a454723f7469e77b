using SchemaTasks.Migrations;

namespace SchemaTasks.Sql;

/// <summary>One statement of a SQL script, as written, without its terminator.</summary>
/// <param name="Text">The statement's text from its first token to its last; comments inside it are kept.</param>
/// <param name="Line">The 1-based line of the script the statement starts on.</param>
public sealed record SqlScriptStatement(string Text, int Line);

/// <summary>Splits a SQL script into the statements a server runs one at a time.</summary>
public static class SqlScript
{
    /// <summary>
    /// Splits <paramref name="sql"/> at its terminators with the same lexer the build uses, so
    /// strings, quoted identifiers, comments, PostgreSQL dollar quotes and <c>BEGIN ATOMIC</c>
    /// bodies, MySQL <c>DELIMITER</c> directives and routine bodies never end a statement early.
    /// </summary>
    /// <param name="sql">The script.</param>
    /// <param name="dialect">Whose quoting and body rules apply.</param>
    /// <param name="firstLine">The file line <paramref name="sql"/> starts on, when it is a part of a file (dbmate's up section).</param>
    /// <returns>The statements in order; empty statements and <c>DELIMITER</c> lines are left out.</returns>
    /// <remarks>
    /// Lexing problems (an unterminated string, say) are not reported here: the build reports
    /// them, and a server given the text reports its own error.
    /// </remarks>
    public static IReadOnlyList<SqlScriptStatement> Split(string sql, SqlDialect dialect, int firstLine = 1) =>
        Split(sql, dialect, firstLine, flywayDelimiters: false);

    /// <summary>
    /// Splits a migration file as the tool of <paramref name="layout"/> splits a file of its folder,
    /// otherwise as <see cref="Split(string, SqlDialect, int)"/>: Flyway reads a MySQL <c>DELIMITER</c>'s new terminator from the
    /// rest of its line, trimmed, or from the next non-empty line when the word stands alone
    /// (which the command-line client refuses). Every other layout splits as the client does.
    /// </summary>
    /// <param name="sql">The script.</param>
    /// <param name="dialect">Whose quoting and body rules apply.</param>
    /// <param name="layout">The layout of the folder the script is a migration of.</param>
    /// <param name="firstLine">The file line <paramref name="sql"/> starts on (1 for a whole file).</param>
    /// <returns>The statements in order; empty statements and <c>DELIMITER</c> directives are left out.</returns>
    public static IReadOnlyList<SqlScriptStatement> SplitMigration(string sql, SqlDialect dialect, MigrationLayout layout, int firstLine = 1) =>
        Split(sql, dialect, firstLine, ToolDelimiters.ReadAsFlyway(layout, dialect));

    private static List<SqlScriptStatement> Split(string sql, SqlDialect dialect, int firstLine, bool flywayDelimiters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        sql = PsqlVariables.Interpolate(sql, dialect); // The statements psql would send, as the engine reads them.
        var statements = new List<SqlScriptStatement>();
        // The server applies executable comments' version gates itself: each is sent as written.
        var mySql = dialect.IsMySqlFamily();
        var reader = new SqlStatementReader(sql, dialect, firstLine, [], flywayDelimiters: flywayDelimiters, everyVersionComment: mySql);
        while (reader.Read())
        {
            var first = reader.First;
            var start = first.Start;
            var end = reader.Last.End;
            if (mySql)
            {
                start = VersionCommentOpening(sql, start);
                end = VersionCommentClosing(sql, end);
            }

            statements.Add(new SqlScriptStatement(sql[start..end], first.Line));
        }

        return statements;
    }

    // MySQL: a statement that starts inside an executable comment (mysqldump's "/*!50001 CREATE*/
    // /*!50001 VIEW ...*/") is sent from the comment's opening, as the client sends it: without
    // it the server reads the closing "*/" as SQL.
    private static int VersionCommentOpening(string sql, int start)
    {
        var p = start;
        while (p > 0 && char.IsWhiteSpace(sql[p - 1])) p--;
        while (p > 0 && char.IsAsciiDigit(sql[p - 1])) p--;
        if (p < 3 || sql[p - 1] != '!') return start;
        var open = sql[p - 2] == 'M' ? p - 4 : p - 3;
        return open >= 0 && sql[open] == '/' && sql[open + 1] == '*' ? open : start;
    }

    // MySQL: a statement that ends inside an executable comment (") /*!40000 ENGINE=INNODB */;") is
    // sent with the comment's "*/", which the server needs to close it (otherwise error 1064).
    // Outside such a comment the lexer reads "*/" as two symbols, which would be the last token.
    private static int VersionCommentClosing(string sql, int end)
    {
        var p = end;
        while (p < sql.Length && char.IsWhiteSpace(sql[p])) p++;
        return p + 1 < sql.Length && sql[p] == '*' && sql[p + 1] == '/' ? p + 2 : end;
    }
}
