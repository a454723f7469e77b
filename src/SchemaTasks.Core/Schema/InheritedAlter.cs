using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A parent's ALTER TABLE passed into the tables that inherit from it and into its partitions,
/// as PostgreSQL 15 recurses (checked on the server): an added column is added to each child
/// (merged into one the child has of the same type, which then stops there); a dropped column
/// goes from a child that has it only from this parent, and stays, its own, in one that declared
/// it or has it from another parent too; TYPE, SET/DROP DEFAULT, SET/DROP NOT NULL and RENAME
/// COLUMN reach every descendant; a CHECK (not NO INHERIT) is added, dropped and renamed the
/// same way as a column; a partitioned table's keys are cloned into its partitions.
/// </summary>
internal static class InheritedAlter
{
    /// <summary>
    /// The catalog with the descendants of <paramref name="parentBefore"/> (now
    /// <paramref name="parentName"/> in <paramref name="after"/>) following it;
    /// <see langword="null"/>, reported, when a child makes the server refuse the statement.
    /// </summary>
    public static Catalog? Follow(Catalog after, QualifiedName parentName, CatalogTable parentBefore, AlterTableStatement s, ApplyContext context)
    {
        var actions = s.Actions.SelectMany<AlterAction, AlterAction>(a => a is AddColumnsAction many ? many.Columns : [a]).ToList();
        var work = new Queue<(CatalogTable Before, CatalogTable After, List<AlterAction> Actions)>();
        work.Enqueue((parentBefore, after.Tables[parentName], actions));
        while (work.Count > 0)
        {
            var (before, parent, passed) = work.Dequeue();
            foreach (var childName in parent.Inheritance?.Children ?? [])
            {
                if (!after.Tables.TryGetValue(childName, out var child) || child.Inheritance is not { } links) continue;
                var next = new List<AlterAction>();
                var changed = Columns(after, before, parent, child, passed, next, s, context);
                if (changed is null) return null;
                var (table, columns) = changed.Value;
                if (Checks(before, parent, table, links.InheritedChecks, s, context) is not { } withChecks) return null;
                (table, var checks) = withChecks;
                if (links.IsPartition) table = Keys(after, before, parent, table, s.At, context);
                var followed = table with { Inheritance = links with { InheritedColumns = columns, InheritedChecks = checks } };
                after = after.WithTable(childName, followed);
                if (!child.Equals(followed)) work.Enqueue((child, followed, next));
            }
        }

        return after;
    }

    private static (CatalogTable Table, ImmutableHashSet<string> Inherited)? Columns(Catalog catalog, CatalogTable before, CatalogTable parent, CatalogTable child, List<AlterAction> actions, List<AlterAction> next, AlterTableStatement s, ApplyContext context)
    {
        var dialect = SqlDialect.Postgres;
        var inherited = child.Inheritance!.InheritedColumns;
        foreach (var action in actions)
        {
            switch (action)
            {
                case AddColumnAction add when before.FindColumn(add.Column.Name, dialect) is null && parent.FindColumn(add.Column.Name, dialect) is { } added:
                    if (child.FindColumn(added.Name, dialect) is { } own)
                    {
                        // Merged: the child's column stays as it is (NOT NULL and default too), and so do its children.
                        if (own.Type == added.Type) continue;
                        context.Error(DiagnosticCodes.InheritanceConflict, $"ALTER TABLE {context.Show(s.Name)} adds column {context.Show(added.Name)} as {added.Type}, but {context.Show(child.Name)}, which inherits from it, has the column as {own.Type}: PostgreSQL refuses it (SQLSTATE 42804, child table has different type for column). Give the columns one type.", add.At);
                        return null;
                    }

                    child = child.WithColumnAdded(added with { IsIdentity = false }, false, null, dialect);
                    inherited = inherited.Add(added.Name);
                    next.Add(action);
                    break;

                case DropColumnAction drop when before.FindColumn(drop.Column, dialect) is { } dropped && child.FindColumn(dropped.Name, dialect) is not null:
                    if (FromOtherParent(catalog, child, parent.Name, dropped.Name)) continue;
                    if (!inherited.Contains(dropped.Name)) continue; // Declared by the child: it stays, its own.
                    child = AlterTableActions.ApplyAction(catalog, child, drop with { IfExists = true }, context, s);
                    inherited = inherited.Remove(dropped.Name);
                    next.Add(action);
                    break;

                case RenameColumnAction rename when before.FindColumn(rename.From, dialect) is { } renamed:
                    if (FromOtherParent(catalog, child, parent.Name, renamed.Name))
                    {
                        context.Error(DiagnosticCodes.InheritedObjectInUse, $"ALTER TABLE {context.Show(s.Name)} renames column {context.Show(renamed.Name)}, which {context.Show(child.Name)} also inherits from another parent: PostgreSQL refuses it (SQLSTATE 42P16, cannot rename inherited column). Rename it in every parent, or detach the child first.", rename.At);
                        return null;
                    }

                    child = AlterTableActions.ApplyAction(catalog, child, rename, context, s);
                    if (inherited.Contains(renamed.Name)) inherited = inherited.Remove(renamed.Name).Add(rename.To);
                    next.Add(action);
                    break;

                case AlterColumnTypeAction or SetNotNullAction or SetDefaultAction:
                    child = AlterTableActions.ApplyAction(catalog, child, action, context, s);
                    next.Add(action);
                    break;
            }
        }

        // NOT NULL the parent's columns got here (SET NOT NULL, a primary key) reaches the child.
        foreach (var column in parent.Columns)
        {
            if (column.IsNullable || before.FindColumn(column.Name, dialect) is not { IsNullable: true }) continue;
            var index = child.IndexOfColumn(column.Name, dialect);
            if (index >= 0 && child.Columns[index].IsNullable) child = child.WithColumnChanged(index, child.Columns[index] with { IsNullable = false });
        }

        return (child, inherited);
    }

    // Whether another parent of the child has the column too (attinhcount above one).
    private static bool FromOtherParent(Catalog catalog, CatalogTable child, QualifiedName parent, string column)
        => child.Inheritance!.Parents.Any(p => p != parent && catalog.Tables.TryGetValue(p, out var other) && other.FindColumn(column, SqlDialect.Postgres) is not null);

    private static (CatalogTable Table, ImmutableHashSet<string> Inherited)? Checks(CatalogTable before, CatalogTable parent, CatalogTable child, ImmutableHashSet<string> inherited, AlterTableStatement s, ApplyContext context)
    {
        var renames = s.Actions.OfType<RenameConstraintAction>().Where(r => before.Checks.Any(c => c.Name == r.From && !c.NoInherit)).ToList();
        foreach (var rename in renames)
        {
            if (child.Checks.All(c => c.Name != rename.From)) continue;
            child = child with { Checks = child.Checks.Select(c => c.Name == rename.From ? c with { Name = rename.To } : c).ToImmutableArray() };
            if (inherited.Contains(rename.From)) inherited = inherited.Remove(rename.From).Add(rename.To);
        }

        // Only a check DROP CONSTRAINT names: one that goes with a dropped column stays in the
        // children that keep the column, inherited still (checked on PostgreSQL 15).
        foreach (var check in before.Checks)
        {
            if (check.NoInherit || parent.Checks.Any(c => c.Name == check.Name) || !s.Actions.Any(a => a is DropConstraintAction drop && drop.Name == check.Name)) continue;
            if (!inherited.Contains(check.Name)) continue; // The child's own (or merged) stays.
            child = child with { Checks = child.Checks.RemoveAll(c => c.Name == check.Name) };
            inherited = inherited.Remove(check.Name);
        }

        foreach (var check in parent.Checks)
        {
            if (check.NoInherit || before.Checks.Any(c => c.Name == check.Name) || renames.Any(r => r.To == check.Name)) continue;
            if (child.Checks.FirstOrDefault(c => c.Name == check.Name) is { } own)
            {
                if (InheritedCheckMatch.Merges(check, own, context.Show(child.Name), s.At, context)) continue; // Merged into the child's.
                context.Error(DiagnosticCodes.ConstraintExists, $"ALTER TABLE {context.Show(s.Name)} adds CHECK {context.Show(check.Name)}, but {context.Show(child.Name)}, which inherits from it, has a constraint of that name with another expression: PostgreSQL refuses it (SQLSTATE 42710, constraint already exists). Give the constraint another name.", s.At);
                return null;
            }

            child = child with { Checks = child.Checks.Add(check) };
            inherited = inherited.Add(check.Name);
        }

        return (child, inherited);
    }

    // A partitioned table's keys added or dropped, in each partition: a primary key or unique
    // constraint under the name generated for the partition, a foreign key under its own.
    private static CatalogTable Keys(Catalog catalog, CatalogTable before, CatalogTable parent, CatalogTable partition, SqlToken at, ApplyContext context)
    {
        foreach (var (name, key) in before.Keys)
        {
            if (parent.Keys.ContainsKey(name)) continue;
            var clone = key.Kind == ConstraintKind.ForeignKey ? name
                : partition.Keys.FirstOrDefault(k => k.Value.Kind == key.Kind && k.Value.Columns.SequenceEqual(key.Columns)).Key;
            if (clone is not null) partition = partition.WithoutConstraint(clone);
        }

        foreach (var (name, key) in parent.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (before.Keys.ContainsKey(name)) continue;
            if (key.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique)
            {
                partition = TableStatements.AddConstraint(catalog, partition, new ConstraintSpec(at, null, key.Kind, key.Columns, null), null, context);
            }
            else if (key.Kind == ConstraintKind.ForeignKey)
            {
                partition = partition with { OtherConstraints = partition.OtherConstraints.Add(name), Keys = partition.Keys.SetItem(name, key) };
            }
        }

        return partition;
    }
}
