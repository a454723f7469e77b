using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The table columns a PostgreSQL view, materialized view or row security policy depends on,
/// recorded when it is created as the server records them (a <c>*</c> stands for the columns the
/// table has then), and what the server therefore refuses: changing the type of such a column
/// (SQLSTATE 0A000, even to the same type), and dropping it or its table without <c>CASCADE</c>
/// (2BP01). With <c>CASCADE</c> the views and policies go with it. The queries and expressions
/// are read by names (<see cref="ViewQueryReferences"/>), not parsed: an unqualified name counts
/// for the tables that have such a column in the nearest FROM, at its depth or around it, that
/// may have it.
/// </summary>
internal static class ViewDependencies
{
    /// <summary>The uses of the query <paramref name="query"/> on the tables of <paramref name="catalog"/>.</summary>
    public static ViewUses Resolve(Catalog catalog, ViewQueryReferences query, string where, IdentifierRules rules)
    {
        var byName = new Dictionary<string, QualifiedName>(StringComparer.Ordinal);
        var scoped = new Dictionary<(int Scope, string Name), QualifiedName?>();
        var uses = new Dictionary<QualifiedName, HashSet<string>>();
        var items = new List<(QualifiedName Name, int Depth, int Scope, bool IsTable)>();
        var relations = ImmutableSortedSet.CreateBuilder<QualifiedName>();
        var unresolved = ImmutableSortedSet.CreateBuilder<QualifiedName>();
        foreach (var (name, alias, depth, scope) in query.Relations)
        {
            // A view, a CTE, a function, a subquery: not a table whose columns are kept, but a
            // source an unqualified name may come from, and an alias that hides a table's.
            var isTable = catalog.Tables.ContainsKey(name);
            items.Add((name, depth, scope, isTable));
            scoped[(scope, alias ?? name.Name)] = isTable ? name : null;
            if (!isTable)
            {
                if (catalog.Relations.Named.ContainsKey(name)) relations.Add(name);
                else if (name != ViewQueryReferences.NotATable) unresolved.Add(name);
                continue;
            }

            scoped.TryAdd((scope, name.Name), name);
            uses.TryAdd(name, new HashSet<string>(StringComparer.Ordinal));
            byName[alias ?? name.Name] = name;
            byName.TryAdd(name.Name, name);
        }

        foreach (var (qualifier, column, depth, scope) in query.Columns)
        {
            var sources = qualifier is not null ? Named(qualifier, scope) : Nearest(column, depth, scope);
            foreach (var name in sources)
            {
                if (catalog.Tables[name].FindColumn(column, rules.Dialect) is { } found) uses[name].Add(found.Name);
            }
        }

        foreach (var (qualifier, depth, scope) in query.Stars)
        {
            var sources = qualifier is not null ? Named(qualifier, scope) : items.Where(i => i.IsTable && i.Depth == depth).Select(i => i.Name).Distinct();
            foreach (var name in sources) uses[name].UnionWith(catalog.Tables[name].Columns.Select(c => c.Name));
        }

        return new ViewUses(uses.ToImmutableDictionary(u => u.Key, u => u.Value.ToImmutableSortedSet(StringComparer.Ordinal)), where)
        {
            Relations = relations.ToImmutable(),
            Unresolved = unresolved.ToImmutable(),
            Mentions = query.Mentions,
        };

        // The relation an alias names where it is used: the one given in its group or the nearest
        // group around it (none when that is no table); an alias given nowhere around it (in a
        // parenthesised join, say) is looked up anywhere in the query, as the one reading of it.
        IEnumerable<QualifiedName> Named(string qualifier, int scope)
        {
            for (var s = scope; s >= 0; s = query.ScopeParents[s])
            {
                if (scoped.TryGetValue((s, qualifier), out var named)) return named is { } table ? [table] : [];
            }

            return byName.TryGetValue(qualifier, out var anywhere) ? [anywhere] : [];
        }

        // An unqualified column comes from the nearest FROM that may have it, in its group or a
        // group around it: the tables there that have it; none when a source there may have it
        // too (a function's or subquery's columns are not known), since the server takes the
        // nearest. A sibling subquery's FROM is not around it. A FROM in no group around the
        // column (a parenthesised join) is looked up by depth, as the one reading of it.
        List<QualifiedName> Nearest(string column, int depth, int scope)
        {
            for (var s = scope; s >= 0; s = query.ScopeParents[s])
            {
                if (Having(items.Where(i => i.Scope == s).ToList()) is { } found) return found;
            }

            for (var d = depth; d >= 0; d--)
            {
                if (Having(items.Where(i => i.Depth == d).ToList()) is { } found) return found;
            }

            return [];

            List<QualifiedName>? Having(List<(QualifiedName Name, int Depth, int Scope, bool IsTable)> here)
            {
                var having = here.Where(i => i.IsTable && catalog.Tables[i.Name].FindColumn(column, rules.Dialect) is not null).Select(i => i.Name).Distinct().ToList();
                return having.Count > 0 ? having : here.Any(i => !i.IsTable) ? [] : null;
            }
        }
    }

    /// <summary>Whether PostgreSQL refuses to change the type of <paramref name="column"/>: reported when it does.</summary>
    public static bool RefusesTypeChange(Catalog catalog, QualifiedName table, string column, SqlToken at, ApplyContext context)
    {
        var users = Users(catalog, table, column).Take(1).ToList();
        if (users.Count == 0) return false;
        var user = users[0];
        var refusal = user.Policy is null ? "cannot alter type of a column used by a view or rule" : "cannot alter type of a column used in a policy definition";
        var fix = user.Policy is null ? "Drop the view before this statement and create it again after it" : "Drop the policy before this statement and create it again after it";
        context.Error(
            DiagnosticCodes.ViewDependsOnColumn,
            $"PostgreSQL refuses to change the type of column {context.Show(column)} of {context.Show(table)}: {user.Describe(context)}, created at {user.Uses.Where}, uses it (SQLSTATE 0A000, {refusal}; even to the same type). {fix}.",
            at);
        return true;
    }

    /// <summary>
    /// The catalog after <paramref name="column"/> (or, <see langword="null"/>, the whole of
    /// <paramref name="table"/>) is dropped, as far as views and policies go: without CASCADE one
    /// that uses it makes the server refuse (reported; <see langword="null"/> returned); with it,
    /// they go too. A table's own policies go with the table either way.
    /// </summary>
    public static Catalog? Drop(Catalog catalog, QualifiedName table, string? column, bool cascade, SqlToken at, ApplyContext context)
    {
        var users = Users(catalog, table, column).Where(u => column is not null || u.Policy?.Table != table).ToList();
        if (users.Count == 0) return catalog;
        if (!cascade)
        {
            var user = users[0];
            var what = column is null ? $"table {context.Show(table)}" : $"column {context.Show(column)} of {context.Show(table)}";
            context.Error(
                DiagnosticCodes.ViewDependsOnColumn,
                $"PostgreSQL refuses to drop {what}: {user.Describe(context)}, created at {user.Uses.Where}, uses it (SQLSTATE 2BP01, other objects depend on it). Drop the {(user.Policy is null ? "view" : "policy")} first (and create it again after, if it should stay), or add CASCADE to drop it with the {(column is null ? "table" : "column")}.",
                at);
            return null;
        }

        catalog = RelationStatements.Drop(catalog, [.. users.Where(u => u.View is not null).Select(u => u.View!.Value)]);
        foreach (var (policyTable, policy) in users.Where(u => u.Policy is not null).Select(u => u.Policy!.Value))
        {
            var holder = catalog.Tables[policyTable];
            catalog = catalog.WithTable(policyTable, holder with { Policies = holder.Policies.Remove(policy) });
        }

        return catalog;
    }

    /// <summary>
    /// DROP VIEW, MATERIALIZED VIEW or FOREIGN TABLE without CASCADE: PostgreSQL refuses it while
    /// a view or policy that stays reads one of the relations (reported; <see langword="false"/>
    /// returned). Relations dropped by the same statement may read each other.
    /// </summary>
    public static bool AllowsRelationDrop(Catalog catalog, DropRelationStatement s, ApplyContext context)
    {
        if (s.Cascade || !context.IsPostgres) return true;
        foreach (var dropped in s.Names)
        {
            var user = RelationUsers(catalog, dropped).FirstOrDefault(u => u.View is not { } view || !s.Names.Contains(view));
            if (user is null) continue;
            context.Error(
                DiagnosticCodes.ViewDependsOnColumn,
                $"PostgreSQL refuses to drop {context.Show(dropped)}: {user.Describe(context)}, created at {user.Uses.Where}, reads it (SQLSTATE 2BP01, other objects depend on it). Drop the {(user.Policy is null ? "view" : "policy")} first (and create it again after, if it should stay), or add CASCADE to drop it too.",
                s.At);
            return false;
        }

        return true;
    }

    /// <summary>Views and policies follow a renamed column: the server records the column, not its name.</summary>
    public static Catalog FollowRenamedColumn(Catalog catalog, QualifiedName table, string from, string to)
        => Rewrite(catalog, uses => uses.Columns.TryGetValue(table, out var columns) && columns.Contains(from)
            ? uses with { Columns = uses.Columns.SetItem(table, columns.Remove(from).Add(to)) }
            : uses);

    /// <summary>Views and policies follow a renamed (or moved) table.</summary>
    public static Catalog FollowRenamedTable(Catalog catalog, QualifiedName from, QualifiedName to)
        => Rewrite(catalog, uses => uses.Columns.TryGetValue(from, out var columns)
            ? uses with { Columns = uses.Columns.Remove(from).SetItem(to, columns) }
            : uses);

    /// <summary>Views and policies follow a renamed or moved relation they read by name (a view, say): the server records the relation, not its name.</summary>
    public static Catalog FollowRenamedRelation(Catalog catalog, QualifiedName from, QualifiedName to)
    {
        return Rewrite(catalog, uses => uses.Relations.Contains(from) || uses.Unresolved.Contains(from)
            ? uses with { Relations = Renamed(uses.Relations), Unresolved = Renamed(uses.Unresolved) }
            : uses);

        ImmutableSortedSet<QualifiedName> Renamed(ImmutableSortedSet<QualifiedName> names) => names.Contains(from) ? names.Remove(from).Add(to) : names;
    }

    /// <summary>ALTER SCHEMA ... RENAME TO: what views and policies use in the schema is there under the new name.</summary>
    public static Catalog FollowRenamedSchema(Catalog catalog, string from, string to)
    {
        QualifiedName Move(QualifiedName name) => name.Schema == from ? name with { Schema = to } : name;
        return Rewrite(catalog, uses => uses.Columns.Keys.Any(n => n.Schema == from) || uses.Relations.Any(n => n.Schema == from) || uses.Unresolved.Any(n => n.Schema == from)
            ? uses with
            {
                Columns = uses.Columns.ToImmutableDictionary(c => Move(c.Key), c => c.Value),
                Relations = uses.Relations.Select(Move).ToImmutableSortedSet(),
                Unresolved = uses.Unresolved.Select(Move).ToImmutableSortedSet(),
            }
            : uses);
    }

    // The views known to exist (not perhaps dropped, nor perhaps by a DO block step) and the policies that use the table, or the column of it.
    private static IEnumerable<Dependent> Users(Catalog catalog, QualifiedName table, string? column)
    {
        bool Uses(ViewUses? uses) => uses is not null && uses.Columns.TryGetValue(table, out var columns) && (column is null || columns.Contains(column));
        foreach (var (name, relation) in catalog.Relations.Named)
        {
            if (relation is { Uncertain: false, Uses: { } uses } && !catalog.Relations.MayHaveGone(name) && Uses(uses)) yield return new Dependent(uses, name, relation.Kind, null);
        }

        if (!catalog.Relations.PoliciesMade) yield break;
        foreach (var (holder, holding) in catalog.Tables)
        {
            foreach (var (policy, definition) in holding.Policies)
            {
                var uses = Uses(definition.Using) ? definition.Using : Uses(definition.Check) ? definition.Check : null;
                if (uses is not null) yield return new Dependent(uses, null, 'p', (holder, policy));
            }
        }
    }

    // The views known to exist and the policies that read the relation (a view, a materialized view...) by name.
    private static IEnumerable<Dependent> RelationUsers(Catalog catalog, QualifiedName relation)
    {
        foreach (var (name, named) in catalog.Relations.Named)
        {
            if (named is { Uncertain: false, Uses: { } uses } && !catalog.Relations.MayHaveGone(name) && uses.Relations.Contains(relation)) yield return new Dependent(uses, name, named.Kind, null);
        }

        if (!catalog.Relations.PoliciesMade) yield break;
        foreach (var (holder, holding) in catalog.Tables)
        {
            foreach (var (policy, definition) in holding.Policies)
            {
                var uses = definition.Using?.Relations.Contains(relation) == true ? definition.Using : definition.Check?.Relations.Contains(relation) == true ? definition.Check : null;
                if (uses is not null) yield return new Dependent(uses, null, 'p', (holder, policy));
            }
        }
    }

    private static Catalog Rewrite(Catalog catalog, Func<ViewUses, ViewUses> change)
    {
        var named = catalog.Relations.Named;
        foreach (var (name, relation) in catalog.Relations.Named)
        {
            if (relation.Uses is not { } uses) continue;
            var changed = change(uses);
            if (!ReferenceEquals(changed, uses)) named = named.SetItem(name, relation with { Uses = changed });
        }

        if (!ReferenceEquals(named, catalog.Relations.Named)) catalog = catalog.WithRelations(catalog.Relations with { Named = named });
        if (!catalog.Relations.PoliciesMade) return catalog;
        foreach (var (holder, table) in catalog.Tables.Where(t => !t.Value.Policies.IsEmpty).ToList())
        {
            var policies = table.Policies;
            foreach (var (name, policy) in table.Policies)
            {
                var changed = policy with { Using = policy.Using is { } u ? change(u) : null, Check = policy.Check is { } c ? change(c) : null };
                if (changed != policy) policies = policies.SetItem(name, changed);
            }

            if (!ReferenceEquals(policies, table.Policies)) catalog = catalog.WithTable(holder, table with { Policies = policies });
        }

        return catalog;
    }

    // A view (by name) or a policy (by table and name) that uses a column.
    private sealed record Dependent(ViewUses Uses, QualifiedName? View, char Kind, (QualifiedName Table, string Name)? Policy)
    {
        public string Describe(ApplyContext context) => Policy is var (table, name)
            ? $"policy {context.Show(name)} on {context.Show(table)}"
            : $"{(Kind == 'm' ? "materialized view" : "view")} {context.Show(View!.Value)}";
    }
}

/// <summary>The columns of each table a view or policy uses (a table it reads with none of its columns has an empty set), and where it was created.</summary>
/// <param name="Columns">The columns by table.</param>
/// <param name="Where">Where the view or policy was created, as <c>file(line,col)</c>.</param>
internal sealed record ViewUses(ImmutableDictionary<QualifiedName, ImmutableSortedSet<string>> Columns, string Where)
{
    /// <summary>
    /// The other relations it reads that the engine kept by name when it was created: views,
    /// materialized views, sequences, foreign tables.
    /// </summary>
    public ImmutableSortedSet<QualifiedName> Relations { get; init; } = [];

    /// <summary>
    /// The names it reads as relations that were no table and no relation the engine knew when
    /// it was created (a system catalog, a view made by a statement not read, a name the server
    /// finds elsewhere on the search path): what they are is not known.
    /// </summary>
    public ImmutableSortedSet<QualifiedName> Unresolved { get; init; } = [];

    /// <summary>What else its query may depend on, which the engine does not resolve.</summary>
    public ViewQueryMentions Mentions { get; init; } = ViewQueryMentions.None;
}
