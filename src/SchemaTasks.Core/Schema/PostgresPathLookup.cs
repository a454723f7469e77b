using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Where PostgreSQL's search_path sends one statement's names that have no schema, when the engine
/// can say so exactly: a CREATE goes into the first schema of the path that exists, a lookup
/// finds the first schema of the path that holds the name. The engine reads every unqualified
/// name of the statement in one schema (<see cref="IdentifierRules.ResolvingIn"/>), which is what
/// the server does when every name the statement mentions that the path's schemas hold is held by
/// one schema only, the same for all, and that is the first schema when the statement creates an
/// unqualified name; otherwise the statement is not followed.
/// </summary>
internal static class PostgresPathLookup
{
    /// <summary>Where a path sends a statement's unqualified names.</summary>
    /// <param name="Schema">The schema they resolve to; null when the path sends them where the engine cannot follow.</param>
    /// <param name="Blocker">When <paramref name="Schema"/> is null: the token the engine cannot follow, or the statement's first.</param>
    /// <param name="Reason">When <paramref name="Schema"/> is null: why, for the message.</param>
    /// <param name="OnlyIfItChanges">
    /// When <paramref name="Schema"/> is null: whether the statement matters only if it changes what
    /// the engine tracks (a kind of statement it does not follow); false when its names are the cause.
    /// </param>
    public readonly record struct Outcome(string? Schema, SqlToken Blocker, string Reason, bool OnlyIfItChanges = false);

    /// <summary>
    /// The schema an unqualified CREATE goes into: the first schema of the path that exists.
    /// <c>"$user"</c> is passed over (the role's name is not known; see docs/dialects.md), and
    /// <c>pg_catalog</c> and <c>pg_temp</c> are given as they are, for the caller to refuse to follow.
    /// Null when no schema of the path exists.
    /// </summary>
    public static string? CreationSchema(IReadOnlyList<string> path, Catalog catalog)
    {
        foreach (var entry in path)
        {
            if (entry is "pg_catalog" or "pg_temp") return entry;
            if (entry != "$user" && catalog.Schemas.Contains(entry)) return entry;
        }

        return null;
    }

    /// <summary>
    /// Where <paramref name="path"/> sends the unqualified names of the statement <paramref name="tokens"/>
    /// other than the name an unqualified CREATE makes, which the caller has checked
    /// (<see cref="CreationSchema"/>): a lookup searches the path's schemas that exist in order,
    /// after pg_catalog, which holds no name the migrations create.
    /// </summary>
    public static Outcome Resolve(IReadOnlyList<string> path, Catalog catalog, RoutineOverloads routines, string sql, List<SqlToken> tokens, IdentifierRules rules)
    {
        string? schema = null;
        var others = new List<string>(); // The schemas after the first that a lookup also searches.
        var catalogListedAfter = false; // pg_catalog written after the first schema: searched there, not first.
        foreach (var entry in path)
        {
            if (entry == "pg_catalog" && schema is not null) catalogListedAfter = true;

            // pg_temp is searched first for relations wherever it is listed; first, it is also
            // where an unqualified CREATE goes.
            if (entry == "pg_temp" && schema is null && UnqualifiedCreate(sql, tokens) is not null)
            {
                return new(null, tokens[0], "pg_temp comes first on it, so the server creates such a name in the temporary schema");
            }

            if (entry is "$user" or "pg_catalog" or "pg_temp" || !catalog.Schemas.Contains(entry)) continue;
            if (schema is null) schema = entry;
            else if (entry != schema && !others.Contains(entry)) others.Add(entry);
        }

        // No schema on the path (pg_dump's empty path, which qualifies every name): read as on the default path.
        if (schema is null || (schema == rules.ShownWithoutSchema && others.Count == 0)) return new(rules.ShownWithoutSchema, tokens[0], string.Empty);

        // A routine or trigger statement is followed when the path decides nothing in it: read as on the default path.
        var routine = PostgresRoutinePathLookup.Applies(sql, tokens);
        if (routine || PostgresTriggerPathLookup.Applies(sql, tokens))
        {
            var searched = new List<string>(others.Count + 1) { schema };
            searched.AddRange(others);
            var dependent = routine
                ? PostgresRoutinePathLookup.PathDependent(sql, tokens, searched, catalogListedAfter, catalog, routines, rules)
                : PostgresTriggerPathLookup.PathDependent(sql, tokens, searched, catalogListedAfter, catalog, routines, rules);
            return dependent is { } found ? new(null, found.At, found.Reason) : new(rules.ShownWithoutSchema, tokens[0], string.Empty);
        }

        if (!Followed(sql, tokens)) return new(null, tokens[0], "SchemaTasks does not follow this kind of statement under a search_path other than the default", OnlyIfItChanges: true);

        // Every name the statement mentions that a schema of the path holds must be held by one
        // schema only, the same for all (a lookup finds it there, whatever kind of object it is).
        string? held = null;
        var heldAt = tokens[0];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (BareName(sql, tokens, i, rules) is not { } name) continue;
            string? holder = null;
            for (var s = -1; s < others.Count; s++)
            {
                var candidate = s < 0 ? schema : others[s];
                if (catalogListedAfter && PostgresBuiltinTypes.Contains(name) && HoldsType(catalog, new QualifiedName(candidate, name)))
                {
                    return new(null, tokens[i], $"{rules.Quote(candidate)} holds a type named as a built-in one, {rules.Quote(name)}, and the path lists pg_catalog after it, so the server may find that type instead");
                }

                if (!Holds(catalog, routines, new QualifiedName(candidate, name))) continue;
                if (holder is not null || (held is not null && held != candidate))
                {
                    return new(null, tokens[i], $"{rules.Quote(name)} is a name the server may find in another schema of the path than the statement's other names ({rules.Quote(holder ?? held!)}, {rules.Quote(candidate)})");
                }

                holder = candidate;
            }

            if (held is null && holder is not null) (held, heldAt) = (holder, tokens[i]);
        }

        // A statement that creates an unqualified name creates it in the first schema; it may only
        // use names found there. One that creates none reads its names where they are found.
        var resolved = held ?? schema;
        if (resolved != schema && UnqualifiedCreate(sql, tokens) is not null)
        {
            return new(null, heldAt, $"it creates a name in {rules.Quote(schema)} and uses a name the server finds in {rules.Quote(resolved)}");
        }

        // The server stores what a call, a cast or a regclass string names and shows it with its
        // schema; the engine keeps such text as written, so only public's may go unqualified.
        if (resolved != rules.ShownWithoutSchema)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (BareName(sql, tokens, i, rules) is not { } name) continue;
                var token = tokens[i];
                var inSchema = new QualifiedName(resolved, name);
                var call = token.Kind != SqlTokenKind.String && i + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '(') && routines.Names.Contains(inSchema);
                var cast = token.Kind != SqlTokenKind.String && i > 0 && (IsCastOperator(sql, tokens[i - 1]) || SqlTokenText.IsWord(sql, tokens[i - 1], "AS")) && HoldsType(catalog, inSchema);
                var text = token.Kind == SqlTokenKind.String && Holds(catalog, routines, inSchema);
                if (call || cast || text)
                {
                    return new(null, token, $"{rules.Quote(name)} is written in an expression the server stores with its schema ({rules.Quote(resolved)}), while SchemaTasks keeps the text as written");
                }
            }
        }

        return new(resolved, tokens[0], string.Empty);
    }

    /// <summary>
    /// The name of the table, type, domain, sequence, view or routine an unqualified CREATE makes
    /// in the first schema of the path; null for any other statement (a CREATE INDEX names its
    /// index in its table's schema, a temporary table goes into pg_temp).
    /// </summary>
    public static string? UnqualifiedCreate(string sql, List<SqlToken> tokens)
    {
        bool word(int i, string w) => i < tokens.Count && SqlTokenText.IsWord(sql, tokens[i], w);
        if (!word(0, "CREATE")) return null;
        var at = 1;
        if (word(at, "OR") && word(at + 1, "REPLACE")) at += 2;
        if (word(at, "GLOBAL") || word(at, "LOCAL")) at++;
        if (word(at, "TEMP") || word(at, "TEMPORARY")) return null;
        while (word(at, "UNLOGGED") || word(at, "MATERIALIZED") || word(at, "RECURSIVE")) at++;
        if (!(word(at, "TABLE") || word(at, "TYPE") || word(at, "DOMAIN") || word(at, "SEQUENCE") || word(at, "VIEW") || word(at, "FUNCTION") || word(at, "PROCEDURE"))) return null;
        at++;
        if (word(at, "IF") && word(at + 1, "NOT") && word(at + 2, "EXISTS")) at += 3;
        if (at >= tokens.Count || tokens[at].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        if (at + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[at + 1], '.')) return null;
        return IdentifierRules.Postgres.Name(sql, tokens[at]);
    }

    /// <summary>The name token <paramref name="i"/> may stand for when it is not part of a qualified name; null otherwise.</summary>
    internal static string? BareName(string sql, List<SqlToken> tokens, int i, IdentifierRules rules)
    {
        if (i > 0 && SqlTokenText.IsSymbol(sql, tokens[i - 1], '.')) return null;
        if (i + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.')) return null;
        return Name(sql, tokens[i], rules);
    }

    // The statements whose every unqualified name the parser reads with the statement's rules.
    private static bool Followed(string sql, List<SqlToken> tokens)
    {
        bool word(int i, string w) => i < tokens.Count && SqlTokenText.IsWord(sql, tokens[i], w);
        if (word(0, "INSERT") || word(0, "UPDATE") || word(0, "DELETE")) return true;
        if (word(0, "COMMENT")) return word(1, "ON");
        if (word(0, "ALTER") || word(0, "DROP"))
        {
            return word(1, "TABLE") || word(1, "TYPE") || word(1, "DOMAIN") || word(1, "SEQUENCE") || word(1, "INDEX") || word(1, "VIEW")
                || (word(1, "MATERIALIZED") && word(2, "VIEW"));
        }

        if (!word(0, "CREATE")) return false;
        if (word(1, "SCHEMA"))
        {
            // The schema's own name is qualified by nature; elements created with it are not followed.
            for (var i = 2; i < tokens.Count; i++)
            {
                if (word(i, "CREATE") || word(i, "GRANT")) return false;
            }

            return true;
        }

        var at = 1;
        if (word(at, "OR") && word(at + 1, "REPLACE")) at += 2;
        while (word(at, "UNIQUE") || word(at, "TEMP") || word(at, "TEMPORARY") || word(at, "UNLOGGED") || word(at, "GLOBAL") || word(at, "LOCAL") || word(at, "MATERIALIZED") || word(at, "RECURSIVE")) at++;
        return word(at, "TABLE") || word(at, "INDEX") || word(at, "TYPE") || word(at, "DOMAIN") || word(at, "SEQUENCE") || word(at, "VIEW");
    }

    // The name a token may stand for: an identifier not part of a qualified name is checked by the
    // caller; a string is read as regclass reads a name without a dot.
    private static string? Name(string sql, SqlToken token, IdentifierRules rules)
    {
        switch (token.Kind)
        {
            case SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier:
                return PostgresNames.Truncate(rules.Name(sql, token));
            case SqlTokenKind.String:
                var text = SqlTokenText.Unquote(sql, token).Trim();
                if (text.Length == 0 || text.Contains('.')) return null;
                return text.Length > 1 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text.ToLowerInvariant();
            default:
                return null;
        }
    }

    private static bool IsCastOperator(string sql, SqlToken token) => SqlTokenText.IsSymbol(sql, token, "::");

    /// <summary>Whether a type (or a relation's row type) of this name is there.</summary>
    internal static bool HoldsType(Catalog catalog, QualifiedName name)
        => catalog.Tables.ContainsKey(name) || catalog.EnumTypes.ContainsKey(name) || catalog.Domains.ContainsKey(name) || catalog.OtherTypes.Contains(name)
            || catalog.Relations.Named.ContainsKey(name); // A view's or sequence's row type.

    /// <summary>
    /// Whether any object a lookup may find by this name is there: a relation (table, index,
    /// sequence, view), a type, or a routine the migrations created.
    /// </summary>
    internal static bool Holds(Catalog catalog, RoutineOverloads routines, QualifiedName name)
        => HoldsType(catalog, name) || catalog.PostgresNameCount(name, PostgresNameSpaces.Relation) > 0 || routines.Names.Contains(name);
}
