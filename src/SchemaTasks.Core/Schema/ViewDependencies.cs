using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The table columns a PostgreSQL view or materialized view depends on, recorded when it is
/// created as the server records them (a <c>*</c> stands for the columns the table has then), and
/// what the server therefore refuses: changing the type of such a column (SQLSTATE 0A000, even
/// to the same type), and dropping it or its table without <c>CASCADE</c> (2BP01). With
/// <c>CASCADE</c> the views go with it. The query is read by names (<see cref="ViewQueryReferences"/>),
/// not parsed: an unqualified name counts for every table of the view that has such a column.
/// </summary>
internal static class ViewDependencies
{
    /// <summary>The uses of the query <paramref name="query"/> on the tables of <paramref name="catalog"/>.</summary>
    public static ViewUses Resolve(Catalog catalog, ViewQueryReferences query, string where, IdentifierRules rules)
    {
        var byName = new Dictionary<string, QualifiedName>(StringComparer.Ordinal);
        var uses = new Dictionary<QualifiedName, HashSet<string>>();
        var tables = new List<(QualifiedName Name, int Depth)>();
        foreach (var (name, alias, depth) in query.Relations)
        {
            if (!catalog.Tables.ContainsKey(name)) continue; // A view, a CTE, a function: not a table whose columns are kept.
            uses.TryAdd(name, new HashSet<string>(StringComparer.Ordinal));
            tables.Add((name, depth));
            byName[alias ?? name.Name] = name;
            byName.TryAdd(name.Name, name);
        }

        foreach (var (qualifier, column, depth) in query.Columns)
        {
            foreach (var name in Scope(qualifier, depth, outer: true))
            {
                if (catalog.Tables[name].FindColumn(column, rules.Dialect) is { } found) uses[name].Add(found.Name);
            }
        }

        foreach (var (qualifier, depth) in query.Stars)
        {
            foreach (var name in Scope(qualifier, depth, outer: false)) uses[name].UnionWith(catalog.Tables[name].Columns.Select(c => c.Name));
        }

        return new ViewUses(uses.ToImmutableDictionary(u => u.Key, u => u.Value.ToImmutableSortedSet(StringComparer.Ordinal)), where);

        // The tables a name qualified so (or not) may come from: the one it names; else those
        // of its own FROM and, for a column, of the FROMs around it.
        IEnumerable<QualifiedName> Scope(string? qualifier, int depth, bool outer)
            => qualifier is not null
                ? byName.TryGetValue(qualifier, out var named) ? [named] : []
                : tables.Where(t => outer ? t.Depth <= depth : t.Depth == depth).Select(t => t.Name).Distinct();
    }

    /// <summary>Whether PostgreSQL refuses to change the type of <paramref name="column"/>: reported when it does.</summary>
    public static bool RefusesTypeChange(Catalog catalog, QualifiedName table, string column, SqlToken at, ApplyContext context)
    {
        var users = Users(catalog, table, column).Take(1).ToList();
        if (users.Count == 0) return false;
        var (view, relation) = users[0];
        context.Error(
            DiagnosticCodes.ViewDependsOnColumn,
            $"PostgreSQL refuses to change the type of column {context.Show(column)} of {context.Show(table)}: {Describe(relation)} {context.Show(view)}, created at {relation.Uses!.Where}, uses it (SQLSTATE 0A000, cannot alter type of a column used by a view or rule; even to the same type). Drop the view before this statement and create it again after it.",
            at);
        return true;
    }

    /// <summary>
    /// The catalog after <paramref name="column"/> (or, <see langword="null"/>, the whole of
    /// <paramref name="table"/>) is dropped, as far as views go: without CASCADE a view that uses
    /// it makes the server refuse (reported; <see langword="null"/> returned); with it, the views go too.
    /// </summary>
    public static Catalog? Drop(Catalog catalog, QualifiedName table, string? column, bool cascade, SqlToken at, ApplyContext context)
    {
        var users = Users(catalog, table, column).ToList();
        if (users.Count == 0) return catalog;
        if (!cascade)
        {
            var (view, relation) = users[0];
            var what = column is null ? $"table {context.Show(table)}" : $"column {context.Show(column)} of {context.Show(table)}";
            context.Error(
                DiagnosticCodes.ViewDependsOnColumn,
                $"PostgreSQL refuses to drop {what}: {Describe(relation)} {context.Show(view)}, created at {relation.Uses!.Where}, uses it (SQLSTATE 2BP01, other objects depend on it). Drop the view first (and create it again after, if it should stay), or add CASCADE to drop it with the {(column is null ? "table" : "column")}.",
                at);
            return null;
        }

        return RelationStatements.Drop(catalog, [.. users.Select(u => u.Name)], cascade: false);
    }

    /// <summary>Views follow a renamed column: the server records the column, not its name.</summary>
    public static Catalog FollowRenamedColumn(Catalog catalog, QualifiedName table, string from, string to)
        => Rewrite(catalog, uses => uses.Columns.TryGetValue(table, out var columns) && columns.Contains(from)
            ? uses with { Columns = uses.Columns.SetItem(table, columns.Remove(from).Add(to)) }
            : uses);

    /// <summary>Views follow a renamed (or moved) table.</summary>
    public static Catalog FollowRenamedTable(Catalog catalog, QualifiedName from, QualifiedName to)
        => Rewrite(catalog, uses => uses.Columns.TryGetValue(from, out var columns)
            ? uses with { Columns = uses.Columns.Remove(from).SetItem(to, columns) }
            : uses);

    // The views known to exist (not perhaps dropped) that use the table, or the column of it.
    private static IEnumerable<(QualifiedName Name, NamedRelation Relation)> Users(Catalog catalog, QualifiedName table, string? column)
        => catalog.Relations.Named
            .Where(n => n.Value is { Uncertain: false, Uses: { } uses } && uses.Columns.TryGetValue(table, out var columns) && (column is null || columns.Contains(column)))
            .Select(n => (n.Key, n.Value));

    private static Catalog Rewrite(Catalog catalog, Func<ViewUses, ViewUses> change)
    {
        var named = catalog.Relations.Named;
        foreach (var (name, relation) in catalog.Relations.Named)
        {
            if (relation.Uses is not { } uses) continue;
            var changed = change(uses);
            if (!ReferenceEquals(changed, uses)) named = named.SetItem(name, relation with { Uses = changed });
        }

        return ReferenceEquals(named, catalog.Relations.Named) ? catalog : catalog.WithRelations(catalog.Relations with { Named = named });
    }

    private static string Describe(NamedRelation relation) => relation.Kind == 'm' ? "materialized view" : "view";
}

/// <summary>The columns of each table a view uses (a table it reads with none of its columns has an empty set), and where the view was created.</summary>
/// <param name="Columns">The columns by table.</param>
/// <param name="Where">Where the view was created, as <c>file(line,col)</c>.</param>
internal sealed record ViewUses(ImmutableDictionary<QualifiedName, ImmutableSortedSet<string>> Columns, string Where);
