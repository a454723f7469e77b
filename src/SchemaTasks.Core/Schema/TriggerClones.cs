using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A partitioned table's row triggers, which PostgreSQL clones to each partition (and on down
/// into a partitioned partition's own), to partitions created or attached later, and takes back
/// from a partition detached (checked on PostgreSQL 15). A clone has the parent's name: a
/// partition that already has a trigger of it makes the CREATE TRIGGER or ATTACH PARTITION fail
/// (42710), unless CREATE OR REPLACE replaces it; a clone may not be dropped (2BP01) or renamed
/// (XX000) on the partition, only through the partitioned table, where DROP and RENAME reach the
/// clones. A trigger name a DO block or routine may have touched unseen is never refused here.
/// </summary>
internal static class TriggerClones
{
    /// <summary>The partitioned table a partition's clones come from.</summary>
    public static QualifiedName ParentOf(CatalogTable partition)
        => partition.Inheritance is { Parents: [var parent, ..] } ? parent : partition.Name;

    /// <summary>
    /// Clones <paramref name="trigger"/>, just created on <paramref name="parent"/>, to its
    /// partitions and theirs; null when a partition has a trigger of the name the server will not
    /// replace (reported).
    /// </summary>
    public static Catalog? CloneDown(Catalog catalog, QualifiedName parent, string name, TableTrigger trigger, bool orReplace, SqlToken at, ApplyContext context)
    {
        foreach (var child in Partitions(catalog, parent))
        {
            var partition = catalog.Tables[child];
            if (partition.Triggers.TryGetValue(name, out var own) && (!orReplace || own.Constraint) && !context.Overloads.Triggers.MayTouch(name))
            {
                var why = orReplace ? "is a constraint trigger" : "already exists";
                context.Error(DiagnosticCodes.TriggerExists, $"CREATE TRIGGER {context.Show(name)} ON {context.Show(parent)}: {context.Show(parent)} is partitioned, so PostgreSQL clones the row trigger to its partition {context.Show(child)}, which already has a trigger of that name (created at {own.Where}): it refuses the statement (SQLSTATE 42710, trigger {why}). Drop the partition's trigger first, or choose another name.", at);
                return null;
            }

            catalog = catalog.WithTable(child, partition with { Triggers = partition.Triggers.SetItem(name, trigger with { Cloned = true }) });
            if (CloneDown(catalog, child, name, trigger, orReplace, at, context) is not { } deeper) return null;
            catalog = deeper;
        }

        return catalog;
    }

    /// <summary>CREATE TABLE ... PARTITION OF: the new partition has a clone of each of its parent's row triggers.</summary>
    public static Catalog AfterPartitionCreated(Catalog catalog, QualifiedName partitionName)
    {
        if (!catalog.Tables.TryGetValue(partitionName, out var partition) || partition.Inheritance is not { IsPartition: true, Parents: [var parentName] }) return catalog;
        if (!catalog.Tables.TryGetValue(parentName, out var parent) || parent.Triggers.IsEmpty) return catalog;
        var triggers = partition.Triggers;
        foreach (var (name, trigger) in parent.Triggers)
        {
            if (trigger.ForEachRow) triggers = triggers.SetItem(name, trigger with { Cloned = true });
        }

        return ReferenceEquals(triggers, partition.Triggers) ? catalog : catalog.WithTable(partitionName, partition with { Triggers = triggers });
    }

    /// <summary>
    /// ATTACH PARTITION: the server refuses it when the table, or one of its own partitions, has a
    /// trigger of the name of one of the parent's row triggers (42710). Reported, and true, when refused.
    /// </summary>
    public static bool RefusesAttach(Catalog catalog, CatalogTable parent, CatalogTable partition, SqlToken at, ApplyContext context)
    {
        if (parent.Triggers.IsEmpty) return false;
        foreach (var (name, trigger) in parent.Triggers)
        {
            if (!trigger.ForEachRow || context.Overloads.Triggers.MayTouch(name)) continue;
            foreach (var holder in SelfAndPartitions(catalog, partition.Name))
            {
                if (!catalog.Tables[holder].Triggers.TryGetValue(name, out var own)) continue;
                context.Error(DiagnosticCodes.TriggerExists, $"ALTER TABLE {context.Show(parent.Name)} ATTACH PARTITION {context.Show(partition.Name)}: PostgreSQL clones {context.Show(parent.Name)}'s row trigger {context.Show(name)} (created at {trigger.Where}) to the partition, and {context.Show(holder)} already has a trigger of that name (created at {own.Where}): it refuses the statement (SQLSTATE 42710, trigger already exists). Drop or rename that trigger before attaching.", at);
                return true;
            }
        }

        return false;
    }

    /// <summary>ATTACH PARTITION, once checked: the partition and its own partitions get the parent's row triggers.</summary>
    public static Catalog AfterAttach(Catalog catalog, QualifiedName parentName, QualifiedName partitionName)
    {
        if (!catalog.Tables.TryGetValue(parentName, out var parent) || parent.Triggers.IsEmpty) return catalog;
        foreach (var (name, trigger) in parent.Triggers)
        {
            if (!trigger.ForEachRow) continue;
            foreach (var holder in SelfAndPartitions(catalog, partitionName))
            {
                var table = catalog.Tables[holder];
                catalog = catalog.WithTable(holder, table with { Triggers = table.Triggers.SetItem(name, trigger with { Cloned = true }) });
            }
        }

        return catalog;
    }

    /// <summary>DETACH PARTITION: the partition loses its clones, and its own partitions the clones of those.</summary>
    public static Catalog AfterDetach(Catalog catalog, QualifiedName partitionName)
    {
        if (!catalog.Tables.TryGetValue(partitionName, out var partition)) return catalog;
        var cloned = partition.Triggers.Where(t => t.Value.Cloned).Select(t => t.Key).ToList();
        if (cloned.Count == 0) return catalog;
        catalog = catalog.WithTable(partitionName, partition with { Triggers = partition.Triggers.RemoveRange(cloned) });
        foreach (var name in cloned) catalog = RemoveDerived(catalog, partitionName, name);
        return catalog;
    }

    /// <summary>After the trigger <paramref name="name"/> left <paramref name="table"/>: its clones in the partitions go too.</summary>
    public static Catalog RemoveDerived(Catalog catalog, QualifiedName table, string name)
    {
        foreach (var child in Partitions(catalog, table))
        {
            var partition = catalog.Tables[child];
            if (!partition.Triggers.TryGetValue(name, out var clone) || !clone.Cloned) continue;
            catalog = RemoveDerived(catalog.WithTable(child, partition with { Triggers = partition.Triggers.Remove(name) }), child, name);
        }

        return catalog;
    }

    /// <summary>
    /// ALTER TRIGGER ... RENAME TO on a partitioned table renames the clones too; null when a
    /// partition already has a trigger of the new name (42710, reported).
    /// </summary>
    public static Catalog? RenameDerived(Catalog catalog, QualifiedName table, RenameTriggerStatement s, ApplyContext context)
    {
        foreach (var child in Partitions(catalog, table))
        {
            var partition = catalog.Tables[child];
            if (!partition.Triggers.TryGetValue(s.Name, out var clone) || !clone.Cloned) continue;
            if (partition.Triggers.TryGetValue(s.NewName, out var taken) && !context.Overloads.Triggers.MayTouch(s.NewName))
            {
                context.Error(DiagnosticCodes.TriggerExists, $"ALTER TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)} RENAME TO {context.Show(s.NewName)}: PostgreSQL renames the trigger's clone on partition {context.Show(child)} too, which already has a trigger of that name (created at {taken.Where}), so it refuses the statement (SQLSTATE 42710, trigger already exists). Choose another name, or drop that trigger first.", s.At);
                return null;
            }

            catalog = catalog.WithTable(child, partition with { Triggers = partition.Triggers.Remove(s.Name).SetItem(s.NewName, clone) });
            if (RenameDerived(catalog, child, s, context) is not { } deeper) return null;
            catalog = deeper;
        }

        return catalog;
    }

    /// <summary>DROP TRIGGER of a clone on its partition: refused (2BP01, even with IF EXISTS), or undecided when a body may have dropped it unseen.</summary>
    public static bool RefusesDrop(CatalogTable partition, DropTriggerStatement s, TableTrigger clone, ApplyContext context)
    {
        var parent = ParentOf(partition);
        if (context.Overloads.Triggers.MayTouch(s.Name))
        {
            context.Warning(DiagnosticCodes.TriggerRefused, $"DROP TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: PostgreSQL cloned the trigger there from {context.Show(parent)}'s (created at {clone.Where}), and refuses to drop a clone on its partition (SQLSTATE 2BP01), unless {TriggerStatements.UnseenBy(context, s.Name)}. Drop the trigger on {context.Show(parent)} instead.", s.At);
            return true;
        }

        context.Error(DiagnosticCodes.TriggerRefused, $"DROP TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)}: PostgreSQL cloned the trigger there from the partitioned table {context.Show(parent)}'s trigger (created at {clone.Where}), and refuses to drop the clone on its partition (SQLSTATE 2BP01, trigger on table {parent.Name} requires it; IF EXISTS does not change that). Drop the trigger on {context.Show(parent)} instead, which drops its clones.", s.At);
        return true;
    }

    /// <summary>ALTER TRIGGER ... RENAME TO of a clone on its partition: refused (XX000), or undecided when a body may have touched it unseen.</summary>
    public static bool RefusesRename(CatalogTable partition, RenameTriggerStatement s, TableTrigger clone, ApplyContext context)
    {
        var parent = ParentOf(partition);
        var message = $"ALTER TRIGGER {context.Show(s.Name)} ON {context.Show(s.Table)} RENAME TO {context.Show(s.NewName)}: PostgreSQL cloned the trigger there from the partitioned table {context.Show(parent)}'s trigger (created at {clone.Where}), and refuses to rename the clone on its partition (SQLSTATE XX000, cannot rename trigger on table {s.Table.Name})";
        if (context.Overloads.Triggers.MayTouch(s.Name))
        {
            context.Warning(DiagnosticCodes.TriggerRefused, $"{message}, unless {TriggerStatements.UnseenBy(context, s.Name)}. Rename the trigger on {context.Show(parent)} instead.", s.At);
            return true;
        }

        context.Error(DiagnosticCodes.TriggerRefused, $"{message}. Rename the trigger on {context.Show(parent)} instead, which renames its clones.", s.At);
        return true;
    }

    // The partitions the catalog knows of a partitioned table.
    private static IEnumerable<QualifiedName> Partitions(Catalog catalog, QualifiedName table)
    {
        if (!catalog.Tables.TryGetValue(table, out var parent) || parent.Inheritance is not { Partitioned: true } links) return [];
        return links.Children.Where(c => catalog.Tables.TryGetValue(c, out var child) && child.Inheritance is { IsPartition: true }).ToList();
    }

    // A table and its partitions, and theirs.
    private static List<QualifiedName> SelfAndPartitions(Catalog catalog, QualifiedName table)
    {
        var all = new List<QualifiedName> { table };
        for (var i = 0; i < all.Count; i++) all.AddRange(Partitions(catalog, all[i]));
        return all;
    }
}
