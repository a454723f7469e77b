using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// What a PostgreSQL view's query names, read from its tokens without parsing the query: the
/// relations after <c>FROM</c> and <c>JOIN</c> (with their aliases), every name that may be a
/// column (with the qualifier written before it), and the <c>*</c> that stands for all columns.
/// The catalog resolves them when the view is created (<see cref="ViewDependencies"/>), as the
/// server records a view's dependencies once, on the columns it uses.
/// </summary>
/// <param name="Relations">The relations read, with the alias each goes by (or <see langword="null"/>).</param>
/// <param name="Columns">Each name that may be a column, with the name or alias qualifying it (or <see langword="null"/>).</param>
/// <param name="Stars">The qualifier of each <c>*</c> select-list item (<see langword="null"/> for a bare <c>*</c>).</param>
/// <param name="ScopeParents">For each parenthesised group, the group around it (-1 around the outermost, group 0).</param>
/// <param name="Mentions">What else the query may depend on: functions, types, literals, grouping.</param>
/// <remarks>
/// Each item carries its parenthesis depth and the group it is in, the nearest things to a
/// query's scope this reading has: a bare <c>*</c> stands for the relations of its own FROM, at
/// its depth; an unqualified name comes from the nearest FROM, at its depth or around it, that
/// may have it; an alias is the one given in the item's group or the nearest group around it,
/// so the same alias in a subquery or a CTE beside it is another relation.
/// </remarks>
internal sealed record ViewQueryReferences(
    IReadOnlyList<(QualifiedName Name, string? Alias, int Depth, int Scope)> Relations,
    IReadOnlyList<(string? Qualifier, string Name, int Depth, int Scope)> Columns,
    IReadOnlyList<(string? Qualifier, int Depth, int Scope)> Stars,
    IReadOnlyList<int> ScopeParents,
    ViewQueryMentions Mentions)
{
    // Words that end a FROM item: what follows them is not an alias.
    private static readonly HashSet<string> NotAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "USING", "GROUP", "ORDER", "LIMIT", "OFFSET",
        "FETCH", "UNION", "EXCEPT", "INTERSECT", "HAVING", "WINDOW", "FOR", "WITH", "TABLESAMPLE", "LATERAL", "OUTER",
        "SELECT", "FROM", "VALUES",
    };

    /// <summary>Reads the query in <paramref name="tokens"/>[<paramref name="start"/>..<paramref name="end"/>).</summary>
    public static ViewQueryReferences Read(string sql, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        var relations = new List<(QualifiedName, string?, int, int)>();
        var columns = new List<(string?, string, int, int)>();
        var stars = new List<(string?, int, int)>();
        var scopes = new List<int> { -1 };
        var scope = 0;
        var (ctes, outputNames) = Names(sql, tokens, start, end, rules);
        // The parenthesis depth of the FROM list being read (-1: none): a comma at that depth
        // starts another relation; a word that ends the list, or its closing parenthesis, ends it.
        var depth = 0;
        var fromDepth = -1;
        var orderByDepth = -1; // In ORDER BY an unqualified name is first an output column's (SELECT a AS b ... ORDER BY b).
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.Symbol)
            {
                if (SqlTokenText.IsSymbol(sql, token, '*') && Star(sql, tokens, start, end, i, rules) is (true, var starQualifier)) stars.Add((starQualifier, depth, scope));
                else if (SqlTokenText.IsSymbol(sql, token, '('))
                {
                    depth++;
                    scopes.Add(scope);
                    scope = scopes.Count - 1;
                }
                else if (SqlTokenText.IsSymbol(sql, token, ')'))
                {
                    if (scope > 0) scope = scopes[scope];
                    if (--depth < fromDepth) fromDepth = -1;
                }

                if (depth < orderByDepth) orderByDepth = -1;
                continue;
            }

            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            var startsRelation = token.Kind == SqlTokenKind.Word
                && (SqlTokenText.IsWord(sql, token, "FROM") || SqlTokenText.IsWord(sql, token, "JOIN"));
            if (startsRelation || (depth == fromDepth && i > start && SqlTokenText.IsSymbol(sql, tokens[i - 1], ',')))
            {
                if (startsRelation) fromDepth = depth;
                var at = startsRelation ? i + 1 : i;
                if (at < end && (IsWord(sql, tokens[at], "ONLY") || IsWord(sql, tokens[at], "LATERAL"))) at++;
                if (at < end && tokens[at].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
                {
                    // A table, a view or a CTE: which, the catalog tells. A function (its name
                    // followed by its arguments) is no relation; its name is its alias by default.
                    var (name, next) = Relation(sql, tokens, at, end, rules);
                    var (alias, after) = Alias(sql, tokens, next, end, rules);
                    var function = next < end && SqlTokenText.IsSymbol(sql, tokens[next], '(');
                    var cte = name.Schema == rules.DefaultSchema && ctes.Contains(name.Name) && !SqlTokenText.IsSymbol(sql, tokens[at + 1 < end ? at + 1 : at], '.');
                    relations.Add(function ? (NotATable, alias ?? name.Name, depth, scope) : (cte ? NotATable : name, alias, depth, scope));
                    i = after - 1;
                    continue;
                }

                if (at < end && SqlTokenText.IsSymbol(sql, tokens[at], '('))
                {
                    // A subquery or VALUES list: its columns are no table's, and its alias names no table.
                    relations.Add((NotATable, SubqueryAlias(sql, tokens, at, end, rules), depth, scope));
                    i = at - 1;
                    continue;
                }

                if (startsRelation) continue;
            }

            if (token.Kind == SqlTokenKind.Word && depth == fromDepth && NotAliases.Contains(SqlTokenText.Raw(sql, token))) fromDepth = -1;
            if (IsWord(sql, token, "ORDER") && i + 1 < end && IsWord(sql, tokens[i + 1], "BY")) orderByDepth = depth;
            else if (depth == orderByDepth && token.Kind == SqlTokenKind.Word && NotAliases.Contains(SqlTokenText.Raw(sql, token))) orderByDepth = -1;

            // A name followed by '(' is a function; one followed by '.' qualifies the next name; one
            // after AS names an output column or a FROM item (whose column list follows it), one
            // after '::' a type, and one before '=>' a function's parameter.
            if (i > start && IsWord(sql, tokens[i - 1], "AS"))
            {
                if (i + 1 < end && SqlTokenText.IsSymbol(sql, tokens[i + 1], '(')) i = SqlTokenText.ClosingParenthesis(sql, tokens, i + 1, end);
                continue;
            }

            if (i + 1 < end && (SqlTokenText.IsSymbol(sql, tokens[i + 1], '(') || SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') || IsArrow(sql, tokens[i + 1]))) continue;
            if (i > start && IsCast(sql, tokens[i - 1])) continue;
            var qualifier = i - 2 >= start && SqlTokenText.IsSymbol(sql, tokens[i - 1], '.') && tokens[i - 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier
                ? Name(sql, tokens[i - 2], rules)
                : null;
            var column = Name(sql, token, rules);
            if (qualifier is null && depth == orderByDepth && outputNames.Contains(column)) continue;
            columns.Add((qualifier, column, depth, scope));
        }

        return new ViewQueryReferences(relations, columns, stars, scopes, ViewQueryMentions.Read(sql, tokens, start, end, rules));
    }

    // `*` or `alias.*` in a select list, with its qualifier; not count(*), nor an operator between two values.
    private static (bool IsStar, string? Qualifier) Star(string sql, List<SqlToken> tokens, int start, int end, int i, IdentifierRules rules)
    {
        var before = i > start ? tokens[i - 1] : default;
        var after = i + 1 < end ? tokens[i + 1] : default;
        if (i > start && SqlTokenText.IsSymbol(sql, before, '.'))
        {
            return i - 2 >= start && tokens[i - 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier ? (true, Name(sql, tokens[i - 2], rules)) : (false, null);
        }

        var listStart = i == start || SqlTokenText.IsSymbol(sql, before, ',') || IsWord(sql, before, "SELECT") || IsWord(sql, before, "DISTINCT") || IsWord(sql, before, "ALL");
        var listEnd = i + 1 >= end || SqlTokenText.IsSymbol(sql, after, ',') || IsWord(sql, after, "FROM");
        return (listStart && listEnd, null);
    }

    private static (QualifiedName Name, int Next) Relation(string sql, List<SqlToken> tokens, int at, int end, IdentifierRules rules)
    {
        var first = Name(sql, tokens[at], rules);
        if (at + 2 < end && SqlTokenText.IsSymbol(sql, tokens[at + 1], '.') && tokens[at + 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            return (new QualifiedName(first, Name(sql, tokens[at + 2], rules)), at + 3);
        }

        return (new QualifiedName(rules.DefaultSchema, first), at + 1);
    }

    // The alias after a subquery's closing parenthesis: `(SELECT ...) AS s`.
    private static string? SubqueryAlias(string sql, List<SqlToken> tokens, int open, int end, IdentifierRules rules)
        => Alias(sql, tokens, SqlTokenText.ClosingParenthesis(sql, tokens, open, end) + 1, end, rules).Alias;

    // An alias, and past its column list (`AS x(status text)`), whose names are the item's own.
    private static (string? Alias, int Next) Alias(string sql, List<SqlToken> tokens, int at, int end, IdentifierRules rules)
    {
        if (at < end && IsWord(sql, tokens[at], "AS")) at++;
        if (at >= end || tokens[at].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return (null, at);
        if (tokens[at].Kind == SqlTokenKind.Word && NotAliases.Contains(SqlTokenText.Raw(sql, tokens[at]))) return (null, at);
        var next = at + 1 < end && SqlTokenText.IsSymbol(sql, tokens[at + 1], '(') ? SqlTokenText.ClosingParenthesis(sql, tokens, at + 1, end) + 1 : at + 1;
        return (Name(sql, tokens[at], rules), next);
    }

    // The names of the query's CTEs (`WITH t AS (`, `, t(a, b) AS (`), which hide tables of the
    // same name, and the names it gives output columns (`... AS b`).
    private static (HashSet<string> Ctes, HashSet<string> Outputs) Names(string sql, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        var ctes = new HashSet<string>(StringComparer.Ordinal);
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i > start && IsWord(sql, tokens[i - 1], "AS"))
            {
                outputs.Add(Name(sql, token, rules));
                continue;
            }

            var after = i + 1 < end && SqlTokenText.IsSymbol(sql, tokens[i + 1], '(') ? SqlTokenText.ClosingParenthesis(sql, tokens, i + 1, end) + 1 : i + 1;
            if (after >= end || !IsWord(sql, tokens[after], "AS")) continue;
            var body = after + 1;
            if (body < end && IsWord(sql, tokens[body], "NOT")) body++;
            if (body < end && IsWord(sql, tokens[body], "MATERIALIZED")) body++;
            if (body < end && SqlTokenText.IsSymbol(sql, tokens[body], '(')) ctes.Add(Name(sql, token, rules));
        }

        return (ctes, outputs);
    }

    private static bool IsArrow(string sql, SqlToken token) => SqlTokenText.IsSymbol(sql, token, "=>");

    /// <summary>Stands for a FROM item that is no relation (a subquery, a VALUES list, a function): no table has its name.</summary>
    public static QualifiedName NotATable { get; } = new(string.Empty, "(subquery)");

    private static bool IsCast(string sql, SqlToken token) => SqlTokenText.IsSymbol(sql, token, "::");

    private static bool IsWord(string sql, SqlToken token, string word) => token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, word);

    private static string Name(string sql, SqlToken token, IdentifierRules rules)
        => rules.Name(sql, token);
}
