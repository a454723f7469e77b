using SchemaTasks.Sql;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>
/// Finds the string literals SQL text gives to restricted columns and enum types, by the
/// statement shapes the check knows (docs/diagnostics.md, "Where values are read"). The text is
/// read with the engine's lexer; a shape it does not know is passed over, never reported.
/// </summary>
internal static class SqlValueShapes
{
    private static readonly HashSet<string> StatementStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "insert", "update", "delete", "with", "replace", "values",
    };

    /// <summary>
    /// The literals of <paramref name="sql"/> that reach a value set; null when the text cannot be
    /// read (the lexer found an unclosed quote or comment, or no statement is one the check reads).
    /// </summary>
    public static IReadOnlyList<SqlValueCheck>? Find(string sql, SqlValueSetLookup lookup)
    {
        var problems = new List<SqlLexDiagnostic>();
        var lexer = new SqlLexer(sql, lookup.Dialect, 1, problems);
        var statement = new List<SqlToken>();
        var checks = new List<SqlValueCheck>();
        var read = false;
        while (lexer.Next(out var token))
        {
            if (token.Kind is SqlTokenKind.Semicolon or SqlTokenKind.Delimiter)
            {
                read |= Statement(sql, statement, lookup, checks);
                statement.Clear();
            }
            else
            {
                statement.Add(token);
            }
        }

        read |= Statement(sql, statement, lookup, checks);
        return problems.Count > 0 || !read ? null : checks;
    }

    private static bool Statement(string sql, List<SqlToken> tokens, SqlValueSetLookup lookup, List<SqlValueCheck> checks)
    {
        if (tokens.Count == 0)
        {
            return false;
        }

        var first = tokens[0];
        var known = SqlTokenText.IsSymbol(sql, first, '(')
            || (first.Kind == SqlTokenKind.Word && StatementStarts.Contains(SqlTokenText.Raw(sql, first)));
        if (known)
        {
            new SqlStatementScan(sql, tokens, lookup, checks).Run();
        }

        return known;
    }
}
