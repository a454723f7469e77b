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
        if (!table.Keys.TryGetValue(keyName, out var key) || !IsReferenceable(key.Kind)) return (catalog, table);
        var dependents = new List<(QualifiedName Table, string Name)>();
        foreach (var (name, candidate) in catalog.Tables.SetItem(tableName, table))
        {
            foreach (var (fkName, fk) in candidate.Keys)
            {
                if (fk.Kind != ConstraintKind.ForeignKey || fk.References is not { } target || !target.Table.Equals(tableName)) continue;
                if (!Needs(target, key, context)) continue;
                var alike = table.Keys.Where(k => k.Key != keyName && !k.Value.ColumnsUnknown && IsReferenceable(k.Value.Kind) && Needs(target, k.Value, context)).Select(k => k.Key).ToList();
                if (key.ColumnsUnknown || alike.Count > 0)
                {
                    context.Error(
                        DiagnosticCodes.UnsupportedStatement,
                        $"Dropping {context.Show(keyName)} with CASCADE drops the foreign keys that use its index, and SchemaTasks cannot tell whether foreign key {context.Show(fkName)} of {context.Show(name)} uses it{(alike.Count > 0 ? $" or {string.Join(", ", alike.Select(context.Show))} (same columns: PostgreSQL takes the older index)" : " (its columns are not known)")}. Drop that foreign key first with ALTER TABLE ... DROP CONSTRAINT.",
                        at);
                    return (catalog, table);
                }

                dependents.Add((name, fkName));
            }
        }

        foreach (var (name, fkName) in dependents)
        {
            var holder = name.Equals(tableName) ? table : catalog.Tables[name];
            holder = holder with { OtherConstraints = holder.OtherConstraints.Remove(fkName), Keys = holder.Keys.Remove(fkName) };
            if (name.Equals(tableName)) table = holder;
            else catalog = catalog.With(tables: catalog.Tables.SetItem(name, holder));
        }

        return (catalog, table);
    }

    /// <summary>The catalog with the foreign keys that referenced <paramref name="from"/> referencing <paramref name="to"/>.</summary>
    public static Catalog FollowRenamedTable(Catalog catalog, QualifiedName from, QualifiedName to)
        => Retarget(catalog, from, t => t with { Table = to });

    /// <summary>The catalog with the foreign keys that reference column <paramref name="from"/> of <paramref name="table"/> referencing <paramref name="to"/>.</summary>
    public static Catalog FollowRenamedColumn(Catalog catalog, QualifiedName table, string from, string to, ApplyContext context)
        => Retarget(catalog, table, t => t with { Columns = t.Columns.Select(c => string.Equals(c, from, context.Rules.ColumnComparison) ? to : c).ToList() });

    private static Catalog Retarget(Catalog catalog, QualifiedName referenced, Func<ForeignKeyTarget, ForeignKeyTarget> change)
    {
        foreach (var (name, table) in catalog.Tables)
        {
            var keys = table.Keys;
            foreach (var (fkName, fk) in table.Keys)
            {
                if (fk.References is { } target && target.Table.Equals(referenced)) keys = keys.SetItem(fkName, fk with { References = change(target) });
            }

            if (keys != table.Keys) catalog = catalog.With(tables: catalog.Tables.SetItem(name, table with { Keys = keys }));
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
