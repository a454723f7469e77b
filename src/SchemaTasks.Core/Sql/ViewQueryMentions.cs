using System.Collections.Immutable;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// What a PostgreSQL view's query may depend on besides the tables and columns it reads: the
/// functions it calls, the types it names, its string literals (a <c>'t'::regclass</c> or the
/// argument of <c>nextval('s')</c> names a relation the server records) and whether it groups
/// (a <c>GROUP BY</c> may lean on a primary key). The engine does not resolve these; it only
/// needs to know which views a <c>DROP ... CASCADE</c> may take through them
/// (<see cref="ViewCascade"/>), so every reading here errs towards mentioning too much.
/// </summary>
/// <param name="Calls">Names written before <c>(</c>: functions, aggregates, and some keywords (harmless). An unqualified name has an empty schema.</param>
/// <param name="Types">Names after <c>::</c> or <c>AS</c> (a <c>CAST</c>'s type, but also output names) and before a string literal (<c>mood 'a'</c>). An unqualified name has an empty schema.</param>
/// <param name="Literals">The string literals' contents, in lower case.</param>
/// <param name="Groups">Whether the query has a <c>GROUP BY</c>.</param>
internal sealed record ViewQueryMentions(
    ImmutableSortedSet<QualifiedName> Calls,
    ImmutableSortedSet<QualifiedName> Types,
    ImmutableSortedSet<string> Literals,
    bool Groups)
{
    /// <summary>A query that mentions nothing of the kind.</summary>
    public static ViewQueryMentions None { get; } = new([], [], [], false);

    /// <summary>Reads the mentions in <paramref name="tokens"/>[<paramref name="start"/>..<paramref name="end"/>).</summary>
    public static ViewQueryMentions Read(string sql, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        var calls = ImmutableSortedSet.CreateBuilder<QualifiedName>();
        var types = ImmutableSortedSet.CreateBuilder<QualifiedName>();
        var literals = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var groups = false;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.String)
            {
                literals.Add(SqlTokenText.Unquote(sql, token).ToLowerInvariant());
                continue;
            }

            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (IsWord(sql, token, "GROUP") && i + 1 < end && IsWord(sql, tokens[i + 1], "BY")) groups = true;

            // A qualified name is taken at its last part, with the part before the dot.
            if (i + 2 < end && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') && tokens[i + 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) continue;
            var qualified = i - 2 >= start && SqlTokenText.IsSymbol(sql, tokens[i - 1], '.') && tokens[i - 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
            var first = qualified ? i - 2 : i;
            var name = new QualifiedName(qualified ? rules.Name(sql, tokens[i - 2]) : string.Empty, rules.Name(sql, token));
            var before = first > start ? tokens[first - 1] : default;
            var typed = first > start && (SqlTokenText.IsSymbol(sql, before, "::") || IsWord(sql, before, "AS"));
            if (typed || (i + 1 < end && tokens[i + 1].Kind == SqlTokenKind.String)) types.Add(name);
            else if (i + 1 < end && SqlTokenText.IsSymbol(sql, tokens[i + 1], '(') && !NamesColumns(sql, tokens, start, first, i + 1, end)) calls.Add(name);
        }

        return new ViewQueryMentions(calls.ToImmutable(), types.ToImmutable(), literals.ToImmutable(), groups);
    }

    // Whether the parentheses at open list the column names of a WITH query (WITH w(a, b) AS
    // (...)) or of a FROM item's alias (FROM t w(a, b), JOIN t w(a) ON ...) named at first, rather
    // than a call's arguments: the server calls no function there, and a DROP FUNCTION of that
    // name is not refused for it. A name after a comma of a FROM list is still taken for a call,
    // as a select list's NOT f(x) or VARIADIC f(x) would look the same there.
    private static bool NamesColumns(string sql, List<SqlToken> tokens, int start, int first, int open, int end)
    {
        var close = open + 1;
        for (var depth = 0; close < end; close++)
        {
            if (SqlTokenText.IsSymbol(sql, tokens[close], '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, tokens[close], ')') && depth-- == 0) break;
        }

        // AS [NOT] [MATERIALIZED] (SELECT ...): the body of a WITH query.
        var after = close + 1;
        if (after < end && IsWord(sql, tokens[after], "AS"))
        {
            var body = after + 1;
            if (body < end && IsWord(sql, tokens[body], "NOT")) body++;
            if (body < end && IsWord(sql, tokens[body], "MATERIALIZED")) return true;
            return body + 1 < end && SqlTokenText.IsSymbol(sql, tokens[body], '(') && tokens[body + 1].Kind == SqlTokenKind.Word && SqlTokenText.IsOneOf(sql, tokens[body + 1], QueryStarts);
        }

        // FROM [schema.]t alias (...), JOIN [schema.]t alias (...).
        var relation = first - 1;
        if (relation <= start || tokens[relation].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) || IsOneOf(sql, tokens[relation], NotARelation)) return false;
        if (relation - 2 > start && SqlTokenText.IsSymbol(sql, tokens[relation - 1], '.')) relation -= 2;
        return relation - 1 >= start && (IsWord(sql, tokens[relation - 1], "FROM") || IsWord(sql, tokens[relation - 1], "JOIN"));
    }

    private static readonly string[] QueryStarts = ["SELECT", "VALUES", "WITH", "TABLE", "INSERT", "UPDATE", "DELETE"];

    // Words after FROM or JOIN that are no relation's name: what follows them may be a call.
    private static readonly string[] NotARelation = ["LATERAL", "ONLY", "ROWS", "AS", "FROM", "JOIN", "NOT", "VARIADIC", "DISTINCT", "ALL"];

    private static bool IsOneOf(string sql, SqlToken token, string[] words) => token.Kind == SqlTokenKind.Word && SqlTokenText.IsOneOf(sql, token, words);

    private static bool IsWord(string sql, SqlToken token, string word) => token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, word);
}
