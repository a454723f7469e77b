using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's foreign keys depend on the unique index of the key they reference: the primary
/// key when the reference names no columns, else the unique index whose columns are the
/// referenced ones as a set. Dropping that key or index with CASCADE drops them, in any table.
/// This finds them, and keeps each foreign key's target in step with renamed tables and columns.
/// </summary>
internal static class ForeignKeyDependents
{
    /// <summary>
    /// The catalog and the current version of <paramref name="tableName"/> (<paramref name="table"/>,
    /// which the catalog may not hold yet) without the foreign keys that need its key
    /// <paramref name="keyName"/>. When another key of the table has the same columns, which of
    /// the two a foreign key uses depends on which index is older, which the engine does not
    /// know: reported, and nothing is dropped.
    /// </summary>
    public static (Catalog Catalog, CatalogTable Table) DropNeeding(Catalog catalog, QualifiedName tableName, CatalogTable table, string keyName, SqlToken at, ApplyContext context)
    {
        return Needing(catalog, tableName, table, keyName, "with CASCADE drops the foreign keys that use its index", at, context) is { } dependents
            ? Without(catalog, tableName, table, dependents)
            : (catalog, table);
    }

    /// <summary>
    /// The catalog and the current version of <paramref name="tableName"/> (<paramref name="table"/>,
    /// which the catalog may not hold yet) without <paramref name="foreignKeys"/>, each named with its table.
    /// </summary>
    public static (Catalog Catalog, CatalogTable Table) Without(Catalog catalog, QualifiedName tableName, CatalogTable table, IEnumerable<(QualifiedName Table, string Name)> foreignKeys)
    {
        foreach (var (holder, fkName) in foreignKeys)
        {
            if (holder.Equals(tableName)) table = table.WithoutConstraint(fkName);
            else catalog = catalog.WithTable(holder, catalog.Tables[holder].WithoutConstraint(fkName));
        }

        return (catalog, table);
    }

    /// <summary>
    /// The foreign keys of any table, <paramref name="tableName"/> included (as <paramref name="table"/>,
    /// its current version), whose known target is that table; in table and name order.
    /// </summary>
    /// <remarks>
    /// Every DROP COLUMN and every DROP of a key asks, so it allocates nothing for a table that
    /// references nothing there, and puts the few it finds in order afterwards.
    /// </remarks>
    public static List<(QualifiedName Table, string Name, ForeignKeyTarget Target)> Referencing(Catalog catalog, QualifiedName tableName, CatalogTable table)
    {
        var found = new List<(QualifiedName Table, string Name, ForeignKeyTarget Target)>();
        void Visit(QualifiedName name, CatalogTable candidate)
        {
            if (!candidate.References(tableName)) return;
            foreach (var (fkName, fk) in candidate.Keys)
            {
                if (fk.Kind == ConstraintKind.ForeignKey && fk.References is { } target && target.Table.Equals(tableName)) found.Add((name, fkName, target));
            }
        }

        foreach (var name in catalog.TablesReferencing(tableName))
        {
            if (!name.Equals(tableName)) Visit(name, catalog.Tables[name]);
        }

        Visit(tableName, table);
        if (found.Count > 1) found = [.. found.OrderBy(f => f.Table.ToString(), StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)];
        return found;
    }

    /// <summary>
    /// Whether PostgreSQL refuses to drop key or unique index <paramref name="keyName"/> of
    /// <paramref name="tableName"/> without CASCADE, because a foreign key (of any table, this one
    /// included) uses its index; reported. A foreign key read from a snapshot has no known target
    /// and never counts.
    /// </summary>
    public static bool RefusesDrop(Catalog catalog, QualifiedName tableName, CatalogTable table, string keyName, string what, SqlToken at, ApplyContext context)
    {
        var dependents = Needing(catalog, tableName, table, keyName, "fails while a foreign key uses its index", at, context);
        if (dependents is null) return true;
        if (dependents.Count == 0) return false;
        var (holder, fkName) = dependents[0];
        context.Error(
            DiagnosticCodes.KeyNeededByForeignKey,
            $"PostgreSQL refuses to drop {what} {context.Show(keyName)} of {context.Show(tableName)}: foreign key {context.Show(fkName)} of {context.Show(holder)} uses its index (SQLSTATE 2BP01, other objects depend on it). Drop the foreign key first (ALTER TABLE {context.Show(holder)} DROP CONSTRAINT {context.Show(fkName)}), or add CASCADE to drop it with the key.",
            at);
        return true;
    }

    /// <summary>
    /// Whether PostgreSQL refuses DROP TABLE of <paramref name="dropped"/> without CASCADE:
    /// a foreign key of a table the statement does not drop references one of them; reported.
    /// </summary>
    public static bool RefusesTableDrop(Catalog catalog, IReadOnlyCollection<QualifiedName> dropped, SqlToken at, ApplyContext context)
    {
        foreach (var (holder, fkName, target) in ReferencingFrom(catalog, dropped))
        {
            context.Error(
                DiagnosticCodes.KeyNeededByForeignKey,
                $"PostgreSQL refuses to drop table {context.Show(target)}: foreign key {context.Show(fkName)} of {context.Show(holder)} references it (SQLSTATE 2BP01, other objects depend on it). Drop the foreign key first (ALTER TABLE {context.Show(holder)} DROP CONSTRAINT {context.Show(fkName)}), drop {context.Show(holder)} in the same statement, or add CASCADE to drop the foreign key with the table.",
                at);
            return true;
        }

        return false;
    }

    /// <summary>The catalog without the foreign keys of other tables that reference one of <paramref name="dropped"/>: DROP TABLE ... CASCADE drops them.</summary>
    public static Catalog DropReferencing(Catalog catalog, IReadOnlyCollection<QualifiedName> dropped)
    {
        foreach (var (holder, fkName, _) in ReferencingFrom(catalog, dropped).ToList())
        {
            catalog = catalog.WithTable(holder, catalog.Tables[holder].WithoutConstraint(fkName));
        }

        return catalog;
    }

    // The foreign keys of tables outside `dropped` that reference a table in it.
    private static IEnumerable<(QualifiedName Holder, string Name, QualifiedName Target)> ReferencingFrom(Catalog catalog, IReadOnlyCollection<QualifiedName> dropped)
    {
        // The tables that reference them, in the catalog's order of names, as the first one found is the one reported.
        var holders = dropped.SelectMany(catalog.TablesReferencing).Where(h => !dropped.Contains(h)).Distinct().OrderBy(h => h, catalog.Tables.KeyComparer).ToList();
        foreach (var name in holders)
        {
            var table = catalog.Tables[name];
            foreach (var (fkName, fk) in table.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (fk.Kind == ConstraintKind.ForeignKey && fk.References is { } target && dropped.Contains(target.Table)) yield return (name, fkName, target.Table);
            }
        }
    }

    // The foreign keys that need key `keyName`, in name order; null, reported, when which key a
    // foreign key uses depends on which index is older (another key with the same columns, or
    // a key whose columns are unknown), which the engine does not know.
    private static List<(QualifiedName Table, string Name)>? Needing(Catalog catalog, QualifiedName tableName, CatalogTable table, string keyName, string effect, SqlToken at, ApplyContext context)
    {
        var dependents = new List<(QualifiedName Table, string Name)>();
        if (!table.Keys.TryGetValue(keyName, out var key) || !IsReferenceable(key.Kind)) return dependents;
        foreach (var (name, fkName, target) in Referencing(catalog, tableName, table))
        {
            if (!Needs(target, key, context)) continue;
            var alike = table.Keys.Where(k => k.Key != keyName && !k.Value.ColumnsUnknown && IsReferenceable(k.Value.Kind) && Needs(target, k.Value, context)).Select(k => k.Key).ToList();
            if (key.ColumnsUnknown || alike.Count > 0)
            {
                context.Error(
                    DiagnosticCodes.UnsupportedStatement,
                    $"Dropping {context.Show(keyName)} {effect}, and SchemaTasks cannot tell whether foreign key {context.Show(fkName)} of {context.Show(name)} uses it{(alike.Count > 0 ? $" or {string.Join(", ", alike.Select(context.Show))} (same columns: PostgreSQL takes the older index)" : " (its columns are not known)")}. Drop that foreign key first with ALTER TABLE ... DROP CONSTRAINT.",
                    at);
                return null;
            }

            dependents.Add((name, fkName));
        }

        return dependents;
    }

    /// <summary>The catalog with the foreign keys that referenced <paramref name="from"/> referencing <paramref name="to"/>.</summary>
    public static Catalog FollowRenamedTable(Catalog catalog, QualifiedName from, QualifiedName to)
        => Retarget(catalog, from, t => t with { Table = to });

    /// <summary>The catalog with the foreign keys that reference column <paramref name="from"/> of <paramref name="table"/> referencing <paramref name="to"/>.</summary>
    public static Catalog FollowRenamedColumn(Catalog catalog, QualifiedName table, string from, string to, ApplyContext context)
        => Retarget(catalog, table, t => t with { Columns = t.Columns.Select(c => string.Equals(c, from, context.Rules.ColumnComparison) ? to : c).ToList() });

    private static Catalog Retarget(Catalog catalog, QualifiedName referenced, Func<ForeignKeyTarget, ForeignKeyTarget> change)
    {
        foreach (var name in catalog.TablesReferencing(referenced))
        {
            var table = catalog.Tables[name];
            var keys = table.Keys;
            foreach (var (fkName, fk) in table.Keys)
            {
                if (fk.References is { } target && target.Table.Equals(referenced)) keys = keys.SetItem(fkName, fk with { References = change(target) });
            }

            if (keys != table.Keys) catalog = catalog.WithTable(name, table with { Keys = keys });
        }

        return catalog;
    }

    private static bool IsReferenceable(ConstraintKind kind) => kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique or ConstraintKind.UniqueIndex;

    // Whether a foreign key to `target` can use key `name`: the primary key for a reference
    // without columns, else a key over exactly the referenced columns, in any order.
    private static bool Needs(ForeignKeyTarget target, TableKey key, ApplyContext context)
    {
        if (target.Columns.Count == 0) return key.Kind == ConstraintKind.PrimaryKey;
        if (key.ColumnsUnknown) return true;
        var comparer = context.Rules.ColumnComparer;
        return key.Columns.Length == target.Columns.Count
            && key.Columns.All(c => target.Columns.Contains(c, comparer))
            && target.Columns.All(c => key.Columns.Contains(c, comparer));
    }
}
