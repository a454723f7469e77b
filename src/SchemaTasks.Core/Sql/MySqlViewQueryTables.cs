using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// The tables a MySQL or MariaDB view's query reads: the names after <c>FROM</c>, <c>JOIN</c> and
/// the commas of a FROM list, in the query and in its subqueries, read from the tokens without
/// parsing the query. Only what is surely a table or view is given: a CTE's name, a derived
/// table, a table function (<c>JSON_TABLE(...)</c>), <c>DUAL</c>, a parenthesised join and a
/// <c>FROM</c> inside a function's arguments (<c>EXTRACT(YEAR FROM d)</c>) are passed over.
/// </summary>
internal static class MySqlViewQueryTables
{
    // Words that end a FROM list at their level: what follows is no table.
    private static readonly HashSet<string> FromEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "LOCK", "INTO", "SELECT", "RETURNING",
    };

    // The databases every server has: a view may read them whatever database the migrations run in.
    private static readonly HashSet<string> SystemDatabases = new(StringComparer.OrdinalIgnoreCase)
    {
        "information_schema", "mysql", "performance_schema", "sys",
    };

    // MariaDB's SEQUENCE engine answers for tables of these names in every database (seq_1_to_10, seq_0_to_100_step_5).
    private static readonly System.Text.RegularExpressions.Regex SequenceTable = new("^seq_[0-9]+_to_[0-9]+(_step_[0-9]+)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Whether <paramref name="name"/> is one of MariaDB's sequence tables, which no migration creates.</summary>
    public static bool IsMariaDbSequenceTable(string name) => name.StartsWith("seq_", StringComparison.OrdinalIgnoreCase) && SequenceTable.IsMatch(name);

    /// <summary>Whether <paramref name="database"/> is one every server has.</summary>
    public static bool IsSystemDatabase(string database) => SystemDatabases.Contains(database);

    /// <summary>The tables read in <paramref name="tokens"/>[<paramref name="start"/>..<paramref name="end"/>), with where each is written.</summary>
    public static List<(QualifiedName Name, SqlToken At)> Read(string sql, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        var reads = new List<(QualifiedName, SqlToken)>();
        var ctes = CteNames(sql, tokens, start, end, rules);

        // For each open parenthesis: whether it holds a query, and whether its FROM list is being read.
        var groups = new List<(bool Query, bool InFrom)> { (true, false) };
        var expectTable = false;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.Symbol)
            {
                expectTable = false;
                if (SqlTokenText.IsSymbol(sql, token, '('))
                {
                    var query = i + 1 < end && (IsWord(sql, tokens[i + 1], "SELECT") || IsWord(sql, tokens[i + 1], "WITH"));
                    groups.Add((query, false));
                }
                else if (SqlTokenText.IsSymbol(sql, token, ')'))
                {
                    if (groups.Count > 1) groups.RemoveAt(groups.Count - 1);
                }
                else if (SqlTokenText.IsSymbol(sql, token, ',') && groups[^1].InFrom)
                {
                    expectTable = true;
                }

                continue;
            }

            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (!groups[^1].Query) continue;
            if (expectTable)
            {
                if (IsWord(sql, token, "LATERAL")) continue;
                expectTable = false;
                var qualified = i + 2 < end && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') && tokens[i + 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
                var next = qualified ? i + 3 : i + 1;
                var function = next < end && SqlTokenText.IsSymbol(sql, tokens[next], '(');
                var name = qualified ? new QualifiedName(rules.Name(sql, token), rules.Name(sql, tokens[i + 2])) : new QualifiedName(string.Empty, rules.Name(sql, token));
                var hidden = !qualified && (ctes.Contains(name.Name) || IsWord(sql, token, "DUAL"));
                if (!function && !hidden) reads.Add((name, token));
                i = next - 1;
                continue;
            }

            if (token.Kind != SqlTokenKind.Word) continue;
            if (IsWord(sql, token, "FROM") || IsWord(sql, token, "JOIN") || IsWord(sql, token, "STRAIGHT_JOIN"))
            {
                groups[^1] = (true, true);
                expectTable = true;
            }
            else if (groups[^1].InFrom && FromEnds.Contains(SqlTokenText.Raw(sql, token)))
            {
                groups[^1] = (true, false);
            }
        }

        return reads;
    }

    // The names the query's CTEs take (`WITH [RECURSIVE] c [(a, b)] AS (`, `, d AS (`): they hide tables of the name.
    private static HashSet<string> CteNames(string sql, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = start + 1; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            var before = tokens[i - 1];
            if (!(IsWord(sql, before, "WITH") || IsWord(sql, before, "RECURSIVE") || SqlTokenText.IsSymbol(sql, before, ','))) continue;
            var after = i + 1;
            if (after < end && SqlTokenText.IsSymbol(sql, tokens[after], '(')) after = SqlTokenText.ClosingParenthesis(sql, tokens, after, end) + 1;
            if (after + 1 < end && IsWord(sql, tokens[after], "AS") && SqlTokenText.IsSymbol(sql, tokens[after + 1], '(')) names.Add(rules.Name(sql, token));
        }

        return names;
    }

    private static bool IsWord(string sql, SqlToken token, string word) => token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, word);
}
