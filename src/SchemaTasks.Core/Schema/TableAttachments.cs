using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL <c>ALTER TABLE child INHERIT parent</c>, <c>ALTER TABLE parent ATTACH PARTITION t</c>
/// and <c>DETACH PARTITION t</c>, as PostgreSQL 15 does them (checked on the server): the table
/// must already have each of the parent's columns, of the same type, NOT NULL where the parent's
/// is, and each of its CHECKs, of the same name and expression (42804); a partition may have no
/// other column. Nothing in the table changes but its links: an inheritance child keeps its
/// columns and checks as its own; a partition has them from the parent from then on, and the
/// parent's keys are cloned into it (an existing key on the same columns is attached instead).
/// A detached partition keeps everything, as its own.
/// </summary>
internal static class TableAttachments
{
    /// <summary>Whether <paramref name="s"/> has an action of this kind (a cheap test before any work).</summary>
    public static bool Concerns(AlterTableStatement s)
    {
        foreach (var action in s.Actions)
        {
            if (action is InheritAction or AttachPartitionAction or DetachPartitionAction or NoInheritAction) return true;
        }

        return false;
    }

    /// <summary>
    /// Reports and returns <see langword="true"/> when the server refuses one of the actions;
    /// <see langword="null"/> when a table it names is not one the engine knows (reported, the
    /// tables involved left out).
    /// </summary>
    public static bool? Refuses(Catalog catalog, CatalogTable table, AlterTableStatement s, ApplyContext context)
    {
        foreach (var action in s.Actions)
        {
            var refused = action switch
            {
                InheritAction inherit => RefusesInherit(catalog, table, inherit, s, context),
                AttachPartitionAction attach => RefusesAttach(catalog, table, attach, s, context),
                DetachPartitionAction detach => NotLinked(catalog.Tables.TryGetValue(detach.Partition, out var partition) && partition.Inheritance is { IsPartition: true } links && links.Parents.Contains(table.Name), DiagnosticCodes.PartitionRefused, $"{context.Show(detach.Partition)} is not a partition of {context.Show(table.Name)}", action, s, context),
                NoInheritAction noInherit => NotLinked(table.Inheritance?.Parents.Contains(noInherit.Parent) == true, DiagnosticCodes.InheritanceConflict, $"{context.Show(noInherit.Parent)} is not a parent of {context.Show(table.Name)}", action, s, context),
                _ => false,
            };
            if (refused != false) return refused;
        }

        return false;
    }

    private static bool NotLinked(bool linked, string code, string why, AlterAction action, AlterTableStatement s, ApplyContext context)
    {
        if (linked) return false;
        context.Error(code, $"ALTER TABLE {context.Show(s.Name)}: {why}, so PostgreSQL refuses it (SQLSTATE 42P01). Fix the table's name.", action.At);
        return true;
    }

    private static bool? RefusesInherit(Catalog catalog, CatalogTable child, InheritAction inherit, AlterTableStatement s, ApplyContext context)
    {
        if (!catalog.Tables.TryGetValue(inherit.Parent, out var parent)) return Unknown(child, inherit.Parent, inherit, s, context);
        var why = parent.Inheritance?.Partitioned == true ? (DiagnosticCodes.PartitionRefused, "42809", "cannot inherit from partitioned table")
            : parent.Inheritance?.IsPartition == true ? (DiagnosticCodes.PartitionRefused, "42809", "cannot inherit from a partition")
            : child.Inheritance?.IsPartition == true ? (DiagnosticCodes.PartitionRefused, "42809", "cannot change inheritance of a partition")
            : child.Inheritance?.Partitioned == true ? (DiagnosticCodes.PartitionRefused, "42809", "cannot change inheritance of partitioned table")
            : child.Inheritance?.Parents.Contains(parent.Name) == true ? (DiagnosticCodes.InheritanceConflict, "42P07", "relation would be inherited from more than once")
            : parent.Name == child.Name || TableInheritance.Ancestors(catalog, parent.Name).Contains(child.Name) ? (DiagnosticCodes.InheritanceConflict, "42P07", "circular inheritance not allowed")
            : default((string Code, string State, string Text)?);
        if (why is { } refused) return Refuse(refused, inherit, s, context);
        return Mismatch(parent, child, inherit, s, context);
    }

    private static bool? RefusesAttach(Catalog catalog, CatalogTable parent, AttachPartitionAction attach, AlterTableStatement s, ApplyContext context)
    {
        if (!catalog.Tables.TryGetValue(attach.Partition, out var partition)) return Unknown(parent, attach.Partition, attach, s, context);
        var links = partition.Inheritance;
        var why = parent.Inheritance?.Partitioned != true ? (DiagnosticCodes.PartitionRefused, "42P17", $"table {context.Show(parent.Name)} is not partitioned")
            : links?.IsPartition == true ? (DiagnosticCodes.PartitionRefused, "42P17", $"{context.Show(partition.Name)} is already a partition")
            : links is { Parents.IsEmpty: false } ? (DiagnosticCodes.PartitionRefused, "42809", "cannot attach inheritance child as partition")
            : links is { Children.IsEmpty: false, Partitioned: false } ? (DiagnosticCodes.PartitionRefused, "42809", "cannot attach inheritance parent as partition")
            : partition.Name == parent.Name || TableInheritance.Ancestors(catalog, parent.Name).Contains(partition.Name) ? (DiagnosticCodes.InheritanceConflict, "42P07", "circular inheritance not allowed")
            : attach.IsDefault && parent.Inheritance!.Children.Any(c => catalog.Tables.TryGetValue(c, out var other) && other.Inheritance?.IsDefaultPartition == true) ? (DiagnosticCodes.PartitionRefused, "42P17", "partition would conflict with the existing default partition")
            : default((string Code, string State, string Text)?);
        if (why is { } refused) return Refuse(refused, attach, s, context);
        if (PartitionBoundCheck.Refuses(catalog, parent, partition.Name, attach.Bound, attach.IsDefault, $"ALTER TABLE {context.Show(parent.Name)} ATTACH PARTITION {context.Show(partition.Name)}", attach.At, context)) return true;
        if (partition.Columns.FirstOrDefault(c => parent.FindColumn(c.Name, SqlDialect.Postgres) is null) is { } extra)
        {
            return Refuse((DiagnosticCodes.InheritanceConflict, "42804", $"table {context.Show(partition.Name)} contains column {context.Show(extra.Name)} not found in parent {context.Show(parent.Name)}"), attach, s, context);
        }

        // The parent's row triggers are cloned once the partition is checked and attached.
        return Mismatch(parent, partition, attach, s, context) || TriggerClones.RefusesAttach(catalog, parent, partition, attach.At, context);
    }

    // The parent's columns and checks the child lacks or has otherwise (42804), in the server's order.
    private static bool Mismatch(CatalogTable parent, CatalogTable child, AlterAction action, AlterTableStatement s, ApplyContext context)
    {
        foreach (var column in parent.Columns)
        {
            var own = child.FindColumn(column.Name, SqlDialect.Postgres);
            var why = own is null ? $"child table is missing column {context.Show(column.Name)}"
                : own.Type != column.Type ? $"child table {context.Show(child.Name)} has different type for column {context.Show(column.Name)}"
                : !column.IsNullable && own.IsNullable ? $"column {context.Show(column.Name)} in child table must be marked NOT NULL"
                : null;
            if (why is not null) return Refuse((DiagnosticCodes.InheritanceConflict, "42804", why), action, s, context);
        }

        foreach (var check in parent.Checks)
        {
            if (check.NoInherit) continue;
            var own = child.Checks.FirstOrDefault(c => c.Name == check.Name);
            var why = own is null ? $"child table is missing constraint {context.Show(check.Name)}"
                : !InheritedCheckMatch.Merges(check, own, context.Show(child.Name), action.At, context) ? $"child table {context.Show(child.Name)} has different definition for check constraint {context.Show(check.Name)}"
                : null;
            if (why is not null) return Refuse((DiagnosticCodes.InheritanceConflict, "42804", why), action, s, context);
        }

        return false;
    }

    private static bool Refuse((string Code, string State, string Text) why, AlterAction action, AlterTableStatement s, ApplyContext context)
    {
        context.Error(why.Code, $"ALTER TABLE {context.Show(s.Name)}: PostgreSQL refuses this (SQLSTATE {why.State}, {why.Text}). A table that inherits or becomes a partition must already have its parent's columns, of the same types, NOT NULL where the parent's are, and its CHECK constraints, of the same names and expressions.", action.At);
        return true;
    }

    private static bool? Unknown(CatalogTable table, QualifiedName other, AlterAction action, AlterTableStatement s, ApplyContext context)
    {
        if (!context.UnknownShapes.Contains(other) && !context.IsPassedOver(other))
        {
            context.Error(DiagnosticCodes.TableNotFound, $"ALTER TABLE {context.Show(s.Name)} names {context.Show(other)}, but no earlier migration creates it (or it was renamed or dropped). Fix the name, or create the table first.", action.At);
            return true;
        }

        context.Error(DiagnosticCodes.UnsupportedStatement, $"Cannot model this ALTER TABLE {context.Show(s.Name)}: it links {context.Show(table.Name)} to {context.Show(other)}, whose columns SchemaTasks does not know. The snapshot leaves {context.Show(table.Name)} out, and later statements on it are passed over.", action.At);
        return null;
    }

    /// <summary>The catalog after the actions of <paramref name="s"/> on table <paramref name="name"/> that link or unlink it.</summary>
    public static Catalog Apply(Catalog catalog, QualifiedName name, AlterTableStatement s, ApplyContext context)
    {
        foreach (var action in s.Actions)
        {
            switch (action)
            {
                case InheritAction inherit:
                    catalog = Link(catalog, name, inherit.Parent, partition: false, isDefault: false, bound: null);
                    break;
                case AttachPartitionAction attach:
                    catalog = Link(catalog, attach.Partition, name, partition: true, attach.IsDefault, attach.Bound);
                    catalog = WithKeys(catalog, catalog.Tables[attach.Partition], catalog.Tables[name], s.At, context);
                    catalog = TriggerClones.AfterAttach(catalog, name, attach.Partition);
                    break;
                case DetachPartitionAction detach:
                    catalog = TriggerClones.AfterDetach(TableInheritance.Unlink(catalog, detach.Partition, name), detach.Partition);
                    break;
            }
        }

        return catalog;
    }

    private static Catalog Link(Catalog catalog, QualifiedName childName, QualifiedName parentName, bool partition, bool isDefault, PartitionBound? bound)
    {
        var child = catalog.Tables[childName];
        var parent = catalog.Tables[parentName];
        var links = child.Inheritance ?? new TableInheritanceLinks([], ImmutableSortedSet<QualifiedName>.Empty);
        links = links with { Parents = links.Parents.Add(parentName), IsPartition = partition, IsDefaultPartition = isDefault, Bound = bound };

        // A partition's columns and checks are its parent's from now on; an inheritance child's stay its own.
        if (partition)
        {
            links = links with
            {
                InheritedColumns = [.. child.Columns.Select(c => c.Name)],
                InheritedChecks = [.. parent.Checks.Where(c => !c.NoInherit).Select(c => c.Name)],
            };
        }

        catalog = catalog.WithTable(childName, child with { Inheritance = links });
        var parentLinks = parent.Inheritance ?? new TableInheritanceLinks([], ImmutableSortedSet<QualifiedName>.Empty);
        return catalog.WithTable(parentName, parent with { Inheritance = parentLinks with { Children = parentLinks.Children.Add(childName) } });
    }

    // The parent's keys in an attached partition, and on down into its own partitions.
    private static Catalog WithKeys(Catalog catalog, CatalogTable partition, CatalogTable parent, SqlToken at, ApplyContext context)
    {
        var keyed = TablePartitions.WithParentKeys(catalog, partition, parent, at, context, attach: true);
        catalog = catalog.WithTable(partition.Name, keyed);
        foreach (var child in keyed.Inheritance?.Children ?? [])
        {
            if (catalog.Tables.TryGetValue(child, out var nested)) catalog = WithKeys(catalog, nested, keyed, at, context);
        }

        return catalog;
    }
}
