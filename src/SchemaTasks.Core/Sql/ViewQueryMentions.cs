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
            else if (i + 1 < end && SqlTokenText.IsSymbol(sql, tokens[i + 1], '(')) calls.Add(name);
        }

        return new ViewQueryMentions(calls.ToImmutable(), types.ToImmutable(), literals.ToImmutable(), groups);
    }

    private static bool IsWord(string sql, SqlToken token, string word) => token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, word);
}
