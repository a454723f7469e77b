using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB before 11.6 has no alias on the table of a single-table <c>DELETE</c>
/// (<c>DELETE FROM t x WHERE x.a = 1</c>, with or without <c>AS</c>): it refuses the statement
/// (error 1064), and the migration stops there. DataEase's V2.10.2 did so on MariaDB 10.11. The
/// <c>mariadb</c> dialect cannot know the server's version, so this is a warning; MySQL 8.0.16 and
/// later accept the alias, so the <c>mysql</c> dialect reads it without one.
/// </summary>
internal static class MariaDbDeleteAlias
{
    /// <summary>Reports the alias of <paramref name="tokens"/>, a DELETE statement, if it is a single-table one with an alias.</summary>
    public static void Check(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        var at = AliasAt(sql, tokens);
        if (at < 0) return;
        var alias = tokens[at];

        // With AS, the name is the next token.
        var name = IsWord(sql, alias, "AS") && at + 1 < tokens.Count ? tokens[at + 1] : alias;
        diagnostics.Add(SchemaDiagnostic.Warning(
            DiagnosticCodes.MariaDbDeleteAlias,
            $"This DELETE gives its table the alias '{(name.Kind == SqlTokenKind.QuotedIdentifier ? SqlTokenText.Unquote(sql, name) : SqlTokenText.ForMessage(sql, name))}'. MariaDB before 11.6 refuses an alias in a single-table DELETE (error 1064), so on such a server the migration stops here; MariaDB 11.6 and later, like MySQL 8.0.16 and later, accept it. Drop the alias and name the table itself, or use the multi-table form, DELETE x FROM t x WHERE ....",
            file,
            alias.Line,
            alias.Column));
    }

    // The index of the alias (or of its AS); -1 for another DELETE.
    private static int AliasAt(string sql, List<SqlToken> tokens)
    {
        var i = 1;
        while (i < tokens.Count && (IsWord(sql, tokens[i], "LOW_PRIORITY") || IsWord(sql, tokens[i], "QUICK") || IsWord(sql, tokens[i], "IGNORE"))) i++;

        // DELETE t1 FROM ... and DELETE FROM t1, t2 USING ... are the multi-table form, which takes aliases.
        if (i + 1 >= tokens.Count || !IsWord(sql, tokens[i], "FROM") || !SqlTokenText.IsName(tokens[i + 1])) return -1;
        i += 2;
        if (i + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i], '.'))
        {
            if (!SqlTokenText.IsName(tokens[i + 1])) return -1; // t.*: multi-table.
            i += 2;
        }

        if (i >= tokens.Count) return -1;
        var next = tokens[i];
        if (next.Kind == SqlTokenKind.QuotedIdentifier || IsWord(sql, next, "AS")) return i;
        return next.Kind == SqlTokenKind.Word && !FollowsTheTable(sql, next) ? i : -1;
    }

    // What MariaDB's single-table DELETE takes after the table's name, and USING of the multi-table form.
    private static bool FollowsTheTable(string sql, SqlToken word) =>
        IsWord(sql, word, "WHERE") || IsWord(sql, word, "ORDER") || IsWord(sql, word, "LIMIT") || IsWord(sql, word, "RETURNING")
        || IsWord(sql, word, "PARTITION") || IsWord(sql, word, "FOR") || IsWord(sql, word, "USING");

    private static bool IsWord(string sql, SqlToken token, string word) => SqlTokenText.IsWord(sql, token, word);
}
