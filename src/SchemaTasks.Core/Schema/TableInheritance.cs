using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL table inheritance (<c>CREATE TABLE child (...) INHERITS (parent, ...)</c>), as
/// PostgreSQL 15 does it: the child takes its parents' columns first, in order (merged by name
/// across parents), then its own (one named like a parent's merges into it); NOT NULL, defaults
/// and CHECK constraints (not NO INHERIT ones, under the parent's name) are inherited; keys and
/// foreign keys are not. Modelled only when every parent is a tracked table. What the engine does
/// not follow afterwards (a parent's ALTER TABLE that reaches its children) leaves the children
/// out of the snapshot, with ST2011, rather than let them silently drift from the server's.
/// </summary>
internal static class TableInheritance
{
    /// <summary>What a child takes from its parents before its own columns and constraints.</summary>
    /// <param name="Columns">The inherited columns, merged, in table order.</param>
    /// <param name="Checks">The inherited CHECK constraints.</param>
    /// <param name="ConflictingDefaults">Columns the parents give different defaults: refused unless the child gives its own.</param>
    internal sealed record Inherited(List<CatalogColumn> Columns, ImmutableArray<CatalogCheck> Checks, HashSet<string> ConflictingDefaults);

    /// <summary>
    /// The parents' columns and checks for <paramref name="s"/>; <see langword="null"/>, reported,
    /// when the server refuses the statement or the engine cannot model it.
    /// </summary>
    public static Inherited? Collect(Catalog catalog, CreateTableStatement s, ApplyContext context)
    {
        var seen = new HashSet<QualifiedName>();
        var columns = new List<CatalogColumn>();
        var conflicting = new HashSet<string>(context.Rules.ColumnComparer);
        var checks = ImmutableArray.CreateBuilder<CatalogCheck>();
        foreach (var parentName in s.Inherits)
        {
            if (!seen.Add(parentName))
            {
                context.Error(DiagnosticCodes.InheritanceConflict, $"CREATE TABLE {context.Show(s.Name)} lists {context.Show(parentName)} twice in INHERITS: PostgreSQL refuses it (SQLSTATE 42P07, relation would be inherited from more than once). List each parent once.", s.InheritsAt);
                return null;
            }

            if (TemporaryTables.Names(parentName, s, context) || !catalog.Tables.TryGetValue(parentName, out var parent))
            {
                Unmodelled(s, $"it inherits from {context.Show(parentName)}, which is not a table the migrations create (or its columns are unknown), so the columns it adds are not known", context);
                return null;
            }

            if ((s.PartitionOf || parent.Inheritance is not null) && TablePartitions.Refuses(catalog, s, parentName, parent, context)) return null;
            foreach (var column in parent.Columns)
            {
                // An identity is not inherited; its NOT NULL is (checked on PostgreSQL 15).
                var inherited = column.IsIdentity ? column with { IsIdentity = false } : column;
                var index = columns.FindIndex(c => string.Equals(c.Name, column.Name, context.Rules.ColumnComparison));
                if (index < 0)
                {
                    columns.Add(inherited);
                    continue;
                }

                var merged = columns[index];
                if (merged.Type != column.Type)
                {
                    context.Error(DiagnosticCodes.InheritanceConflict, $"CREATE TABLE {context.Show(s.Name)} inherits column {context.Show(column.Name)} as {merged.Type} and as {column.Type} (from {context.Show(parentName)}): PostgreSQL refuses it (SQLSTATE 42804, inherited column has a type conflict). Give the column one type in every parent.", s.InheritsAt);
                    return null;
                }

                if (merged.GeneratedFrom is not null || column.GeneratedFrom is not null)
                {
                    Unmodelled(s, $"its parents both have column {context.Show(column.Name)}, generated in one of them", context);
                    return null;
                }

                if (merged.Default is not null && column.Default is not null && merged.Default != column.Default) conflicting.Add(column.Name);
                columns[index] = merged with { IsNullable = merged.IsNullable && column.IsNullable, Default = merged.Default ?? column.Default };
            }

            foreach (var check in parent.Checks)
            {
                if (check.NoInherit) continue;
                var same = checks.FirstOrDefault(c => c.Name == check.Name);
                if (same is null)
                {
                    checks.Add(check with { NoInherit = false });
                }
                else if (same.Expression != check.Expression)
                {
                    Unmodelled(s, $"two of its parents have a CHECK named {context.Show(check.Name)} with different expressions", context);
                    return null;
                }
            }
        }

        return new Inherited(columns, checks.ToImmutable(), conflicting);
    }

    /// <summary>
    /// The child's own column merged into the inherited one of its name (same type required);
    /// <see langword="null"/>, reported, when the server refuses it.
    /// </summary>
    public static CatalogColumn? Merge(CreateTableStatement s, CatalogColumn inherited, CatalogColumn own, SqlToken at, ApplyContext context)
    {
        if (inherited.Type != own.Type)
        {
            context.Error(DiagnosticCodes.InheritanceConflict, $"CREATE TABLE {context.Show(s.Name)} declares column {context.Show(own.Name)} as {own.Type}, but inherits it as {inherited.Type}: PostgreSQL refuses it (SQLSTATE 42804, column has a type conflict). Declare it as {inherited.Type}, or leave it out: the parent gives it.", at);
            return null;
        }

        // The child's own default wins; NOT NULL from either side stays.
        return inherited with { IsNullable = inherited.IsNullable && own.IsNullable, Default = own.Default ?? inherited.Default, IsIdentity = own.IsIdentity };
    }

    /// <summary>Reports the columns whose defaults the parents disagree on and the child does not settle.</summary>
    public static bool RefusesDefaults(CreateTableStatement s, Inherited inherited, IEnumerable<string> settled, ApplyContext context)
    {
        var left = inherited.ConflictingDefaults.Except(settled, context.Rules.ColumnComparer).OrderBy(n => n, StringComparer.Ordinal).FirstOrDefault();
        if (left is null) return false;
        context.Error(DiagnosticCodes.InheritanceConflict, $"CREATE TABLE {context.Show(s.Name)} inherits column {context.Show(left)} from parents that give it different defaults: PostgreSQL refuses it (SQLSTATE 42611, column inherits conflicting default values). Give the column a DEFAULT in this CREATE TABLE.", s.InheritsAt);
        return true;
    }

    /// <summary>Whether a CHECK the child writes is one it inherits, which the server merges (same name and expression).</summary>
    public static bool MergesCheck(Inherited inherited, ConstraintSpec constraint)
        => constraint is { Kind: ConstraintKind.Check, Name: { } name, Check: { } check } && inherited.Checks.Any(c => c.Name == name && c.Expression == check.Expression);

    /// <summary>
    /// The catalog with <paramref name="child"/> linked to its parents (<paramref name="s"/>'s),
    /// holding the columns and checks it has only from them.
    /// </summary>
    public static Catalog Link(Catalog catalog, CatalogTable child, CreateTableStatement s, ImmutableHashSet<string> inheritedColumns, ImmutableHashSet<string> inheritedChecks)
    {
        var parents = s.Inherits;
        var childLinks = new TableInheritanceLinks([.. parents], ImmutableSortedSet<QualifiedName>.Empty)
        {
            Partitioned = s.Partitioned,
            Key = s.PartitionKey,
            Bound = s.Bound,
            IsPartition = s.PartitionOf,
            IsDefaultPartition = s.DefaultPartition,
            InheritedColumns = inheritedColumns,
            InheritedChecks = inheritedChecks,
        };
        catalog = catalog.WithTable(child.Name, child with { Inheritance = childLinks });
        foreach (var parentName in parents)
        {
            var parent = catalog.Tables[parentName];
            var links = parent.Inheritance ?? new TableInheritanceLinks([], ImmutableSortedSet<QualifiedName>.Empty);
            catalog = catalog.WithTable(parentName, parent with { Inheritance = links with { Children = links.Children.Add(child.Name) } });
        }

        return catalog;
    }

    private static void Unmodelled(CreateTableStatement s, string why, ApplyContext context)
    {
        context.UnknownShapes.Add(s.Name);
        context.Error(DiagnosticCodes.UnsupportedStatement, $"Cannot model this CREATE TABLE {context.Show(s.Name)} ... {(s.PartitionOf ? "PARTITION OF" : "INHERITS")}: {why}. Inheritance is modelled when every parent is a table the migrations create; declaring the columns in the child does not help, as INHERITS still adds the parent's. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.", s.InheritsAt);
    }

    /// <summary>
    /// ALTER TABLE of a table in an inheritance, before its actions apply: reports and returns
    /// <see langword="true"/> when the server refuses it (an inherited column or CHECK dropped,
    /// retyped or renamed in the child).
    /// </summary>
    public static bool RefusesAlter(Catalog catalog, CatalogTable table, AlterTableStatement s, ApplyContext context)
    {
        if (TablePartitions.RefusesKeyChange(catalog, table, s, context)) return true;
        if (table.Inheritance is not { Parents.IsEmpty: false } links) return false;
        if (links.IsPartition && TablePartitions.RefusesAlter(catalog, table, s, context)) return true;
        foreach (var action in s.Actions)
        {
            var (what, name) = action switch
            {
                DropColumnAction drop => ("drop inherited column", drop.Column),
                AlterColumnTypeAction retype => ("alter inherited column", retype.Column),
                RenameColumnAction rename => ("rename inherited column", rename.From),
                DropConstraintAction drop => ("drop inherited constraint", drop.Name),
                RenameConstraintAction rename => ("rename inherited constraint", rename.From),
                _ => (null, null),
            };
            if (what is null) continue;
            var constraint = action is DropConstraintAction or RenameConstraintAction;
            foreach (var parentName in links.Parents)
            {
                if (!catalog.Tables.TryGetValue(parentName, out var parent)) continue;
                var inherited = constraint
                    ? parent.Checks.Any(c => c.Name == name && !c.NoInherit)
                    : parent.FindColumn(name!, context.Rules.Dialect) is not null;
                if (!inherited) continue;
                context.Error(DiagnosticCodes.InheritedObjectInUse, $"ALTER TABLE {context.Show(s.Name)} would {what} {context.Show(name!)}, which it inherits from {context.Show(parentName)}: PostgreSQL refuses it (SQLSTATE 42P16, cannot {what}). Change it in the parent, which passes the change on, or first detach the table (ALTER TABLE {context.Show(s.Name)} NO INHERIT {context.Show(parentName)}).", action.At);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After an ALTER TABLE of a table in an inheritance: a NO INHERIT detaches; a change that
    /// reaches the tables inheriting from it is followed in each (<see cref="InheritedAlter"/>);
    /// with ONLY, what the server refuses is reported, and what the engine does not follow
    /// leaves them out of the snapshot, reported with ST2011.
    /// </summary>
    public static Catalog AfterAlter(Catalog before, Catalog after, AlterTableStatement s, ApplyContext context)
    {
        var name = s.Name;
        foreach (var action in s.Actions)
        {
            if (action is RenameTableAction rename) name = rename.Target(name, postgres: true);
        }

        if (!after.Tables.TryGetValue(name, out var table) || table.Inheritance is null) return after;
        if (s.Only && OnlyKeyRefused(before, before.Tables[s.Name], s, context)) return before;
        foreach (var detach in s.Actions.OfType<NoInheritAction>())
        {
            after = Unlink(after, name, detach.Parent);
        }

        if (after.Tables[name].Inheritance is not { Children.IsEmpty: false } links) return after;
        var parentBefore = before.Tables[s.Name];
        var reaching = s.Actions.Where(a => !StaysInParent(parentBefore, links, a, s.Only)).ToList();
        if (reaching.Count == 0) return after;
        if (s.Only)
        {
            if (OnlyRefused(after, name, parentBefore, links, reaching, s, context)) return before;
            if (reaching.All(a => a is DropColumnAction or DropConstraintAction)) return OnlyDropped(after, links, parentBefore, reaching);
        }
        else if (reaching.All(a => a is AddColumnAction or AddColumnsAction or DropColumnAction or RenameColumnAction or AlterColumnTypeAction or SetNotNullAction or SetDefaultAction or AddConstraintAction or DropConstraintAction or RenameConstraintAction))
        {
            return InheritedAlter.Follow(after, name, parentBefore, s, context) ?? before;
        }

        var descendants = Descendants(after, name);
        context.Error(DiagnosticCodes.UnsupportedStatement, $"Cannot model this ALTER TABLE {(s.Only ? "ONLY " : string.Empty)}{context.Show(s.Name)}: the change reaches the tables that inherit from it ({string.Join(", ", descendants.Select(context.Show))}) in a way SchemaTasks does not follow. The snapshot leaves them out, and later statements on them are passed over. Write the ALTER TABLE without ONLY, or declare the child tables without INHERITS to keep them in the snapshot.", reaching[0].At);
        foreach (var descendant in descendants)
        {
            context.UnknownShapes.Add(descendant);
            after = Forget(after, descendant);
        }

        return after;
    }

    // Actions whose effect stays in the parent (keys and indexes are not inherited, except by
    // partitions; identity is not; the table's own name is followed by Follow), and with ONLY
    // the defaults and NOT NULL dropped (set, when the parent is not partitioned).
    private static bool StaysInParent(CatalogTable parent, TableInheritanceLinks links, AlterAction action, bool only) => action switch
    {
        // A primary key's NOT NULL reaches the children, though the key does not (checked on PostgreSQL 15).
        // With ONLY, a key stays in the parent: a partitioned table's partitions made later get it (checked on PostgreSQL 15).
        AddConstraintAction add => add.Constraint.Kind == ConstraintKind.Check ? add.Constraint.Check?.NoInherit == true : (only && add.Constraint.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique) || (!links.Partitioned && add.Constraint.Kind != ConstraintKind.PrimaryKey),
        DropConstraintAction drop => !parent.Checks.Any(c => c.Name == drop.Name && !c.NoInherit) && !(links.Partitioned && parent.Keys.ContainsKey(drop.Name)),
        RenameConstraintAction rename => !parent.Checks.Any(c => c.Name == rename.From && !c.NoInherit),
        RenameTableAction or DropIndexAction or RenameIndexAction or NoInheritAction or AddIdentityAction or DropIdentityAction or InheritAction or AttachPartitionAction or DetachPartitionAction => true,
        SetDefaultAction or SetNotNullAction { NotNull: false } => only,
        SetNotNullAction => only && !links.Partitioned,
        AddColumnAction add => parent.FindColumn(add.Column.Name, SqlDialect.Postgres) is not null, // IF NOT EXISTS of a column it has.
        _ => false,
    };

    // ALTER TABLE ONLY of a partitioned table adding a key (checked on PostgreSQL 15): a foreign
    // key is refused (42809), partitions or not; a primary key is refused while a partition's
    // column of it may be NULL, as its NOT NULL must reach them (42P16). A primary key or unique
    // constraint otherwise stays in the parent alone; partitions made later get it.
    private static bool OnlyKeyRefused(Catalog catalog, CatalogTable table, AlterTableStatement s, ApplyContext context)
    {
        if (table.Inheritance is not { Partitioned: true } links) return false;
        foreach (var action in s.Actions)
        {
            var (sqlState, why) = action switch
            {
                AddConstraintAction { Constraint.Kind: ConstraintKind.ForeignKey } => ("42809", $"cannot use ONLY for foreign key on partitioned table {context.Show(table.Name)}"),
                AddConstraintAction { Constraint: { Kind: ConstraintKind.PrimaryKey } key } when NullableInPartition(catalog, links, key.Columns) is { } column
                    => ("42P16", $"constraint must be added to child tables too; column {context.Show(column)} of a partition is not already NOT NULL"),
                _ => default,
            };
            if (sqlState is null) continue;
            context.Error(DiagnosticCodes.InheritedObjectInUse, $"ALTER TABLE ONLY {context.Show(s.Name)}: PostgreSQL refuses this on a partitioned table (SQLSTATE {sqlState}, {why}). Leave out ONLY, which adds the key to the partitions too.", action.At);
            return true;
        }

        return false;
    }

    private static string? NullableInPartition(Catalog catalog, TableInheritanceLinks links, IReadOnlyList<string> columns)
    {
        foreach (var child in links.Children)
        {
            if (!catalog.Tables.TryGetValue(child, out var partition)) continue;
            if (columns.FirstOrDefault(c => partition.FindColumn(c, SqlDialect.Postgres)?.IsNullable == true) is { } column) return column;
        }

        return null;
    }

    // ALTER TABLE ONLY of a table with children: what PostgreSQL 15 refuses (SQLSTATE 42P16).
    private static bool OnlyRefused(Catalog catalog, QualifiedName name, CatalogTable parent, TableInheritanceLinks links, List<AlterAction> reaching, AlterTableStatement s, ApplyContext context)
    {
        foreach (var action in reaching)
        {
            var why = action switch
            {
                AddColumnAction or AddColumnsAction => "column must be added to child tables too",
                AlterColumnTypeAction => "type of inherited column must be changed in child tables too",
                RenameColumnAction => "inherited column must be renamed in child tables too",
                AddConstraintAction { Constraint.Kind: ConstraintKind.Check } => "constraint must be added to child tables too",
                RenameConstraintAction rename => $"inherited constraint {context.Show(rename.From)} must be renamed in child tables too",
                DropColumnAction when links.Partitioned => "cannot drop column from only the partitioned table when partitions exist",
                SetNotNullAction set when links.Children.Any(c => catalog.Tables.TryGetValue(c, out var child) && child.FindColumn(set.Column ?? string.Empty, SqlDialect.Postgres)?.IsNullable == true) => "constraint must be added to child tables too",
                _ => null,
            };
            if (why is null) continue;
            context.Error(DiagnosticCodes.InheritedObjectInUse, $"ALTER TABLE ONLY {context.Show(s.Name)}: the change would leave the tables that inherit from it behind, so PostgreSQL refuses it (SQLSTATE 42P16, {why}). Leave out ONLY, which passes the change on.", action.At);
            return true;
        }

        return false;
    }

    // ONLY DROP COLUMN / DROP CONSTRAINT: the children keep the column or check, as their own.
    private static Catalog OnlyDropped(Catalog catalog, TableInheritanceLinks links, CatalogTable parent, List<AlterAction> drops)
    {
        foreach (var childName in links.Children)
        {
            if (!catalog.Tables.TryGetValue(childName, out var child) || child.Inheritance is not { } childLinks) continue;
            var columns = childLinks.InheritedColumns;
            var checks = childLinks.InheritedChecks;
            foreach (var drop in drops)
            {
                if (drop is DropColumnAction column && parent.FindColumn(column.Column, SqlDialect.Postgres) is { } dropped) columns = columns.Remove(dropped.Name);
                if (drop is DropConstraintAction constraint) checks = checks.Remove(constraint.Name);
            }

            catalog = catalog.WithTable(childName, child with { Inheritance = childLinks with { InheritedColumns = columns, InheritedChecks = checks } });
        }

        return catalog;
    }

    /// <summary>
    /// DROP TABLE: without CASCADE the server refuses to drop a table others inherit from
    /// (unless they go in the same statement); with it, they go too. Returns the tables to drop,
    /// or <see langword="null"/>, reported, when the statement is refused.
    /// </summary>
    public static IReadOnlyList<QualifiedName>? Dropped(Catalog catalog, DropTableStatement s, ApplyContext context)
    {
        List<QualifiedName>? names = null;
        foreach (var name in s.Names)
        {
            if (!catalog.Tables.TryGetValue(name, out var table) || table.Inheritance is not { Children.IsEmpty: false }) continue;
            foreach (var descendant in Descendants(catalog, name))
            {
                if (s.Names.Contains(descendant) || names?.Contains(descendant) == true) continue;
                var partition = catalog.Tables.TryGetValue(descendant, out var child) && child.Inheritance?.IsPartition == true;
                if (!s.Cascade && !partition) // A partitioned table's partitions go with it.
                {
                    context.Error(DiagnosticCodes.InheritedObjectInUse, $"DROP TABLE {context.Show(name)}: table {context.Show(descendant)} inherits from it, so PostgreSQL refuses the drop (SQLSTATE 2BP01, other objects depend on it). Drop the inheriting tables first (or in the same statement), detach them (ALTER TABLE ... NO INHERIT), or write DROP TABLE ... CASCADE, which drops them too.", s.At);
                    return null;
                }

                (names ??= [.. s.Names]).Add(descendant);
            }
        }

        return names ?? s.Names;
    }

    /// <summary>The catalog without the links to and from <paramref name="dropped"/>, a table being dropped.</summary>
    public static Catalog Forget(Catalog catalog, QualifiedName dropped)
    {
        if (!catalog.Tables.TryGetValue(dropped, out var table)) return catalog;
        if (table.Inheritance is { } links)
        {
            foreach (var parent in links.Parents) catalog = Unlink(catalog, dropped, parent);
            foreach (var child in links.Children) catalog = Unlink(catalog, child, dropped);
        }

        return catalog.WithTable(dropped, null); // Also once unlinking left it without links.
    }

    /// <summary>The links after table <paramref name="from"/> is renamed or moved to <paramref name="to"/>.</summary>
    public static Catalog Follow(Catalog catalog, QualifiedName from, QualifiedName to)
    {
        if (!catalog.Tables.TryGetValue(to, out var table) || table.Inheritance is not { } links) return catalog;
        foreach (var parentName in links.Parents)
        {
            if (!catalog.Tables.TryGetValue(parentName, out var parent) || parent.Inheritance is not { } parentLinks) continue;
            catalog = catalog.WithTable(parentName, parent with { Inheritance = parentLinks with { Children = parentLinks.Children.Remove(from).Add(to) } });
        }

        foreach (var childName in links.Children)
        {
            if (!catalog.Tables.TryGetValue(childName, out var child) || child.Inheritance is not { } childLinks) continue;
            catalog = catalog.WithTable(childName, child with { Inheritance = childLinks with { Parents = childLinks.Parents.Replace(from, to) } });
        }

        return catalog;
    }

    // The child keeps every column and check; those no remaining parent gives become its own.
    internal static Catalog Unlink(Catalog catalog, QualifiedName child, QualifiedName parent)
    {
        if (catalog.Tables.TryGetValue(child, out var c) && c.Inheritance is { } childLinks)
        {
            var parents = childLinks.Parents.Remove(parent);
            var others = parents.Select(p => catalog.Tables.GetValueOrDefault(p)).OfType<CatalogTable>().ToList();
            var columns = childLinks.InheritedColumns.Where(n => others.Any(o => o.FindColumn(n, SqlDialect.Postgres) is not null));
            var checks = childLinks.InheritedChecks.Where(n => others.Any(o => o.Checks.Any(k => k.Name == n && !k.NoInherit)));
            var links = childLinks with
            {
                Parents = parents,
                IsPartition = false,
                IsDefaultPartition = false,
                Bound = null,
                InheritedColumns = [.. columns],
                InheritedChecks = [.. checks],
            };
            catalog = catalog.WithTable(child, c with { Inheritance = links.OrNone() });
        }

        if (catalog.Tables.TryGetValue(parent, out var p) && p.Inheritance is { } parentLinks)
        {
            catalog = catalog.WithTable(parent, p with { Inheritance = (parentLinks with { Children = parentLinks.Children.Remove(child) }).OrNone() });
        }

        return catalog;
    }

    /// <summary>The tables that inherit from <paramref name="name"/>, directly or not, nearest first.</summary>
    internal static List<QualifiedName> Descendants(Catalog catalog, QualifiedName name) => Reachable(catalog, name, links => links.Children);

    /// <summary>The tables <paramref name="name"/> inherits from, directly or not, nearest first.</summary>
    internal static List<QualifiedName> Ancestors(Catalog catalog, QualifiedName name) => Reachable(catalog, name, links => links.Parents);

    private static List<QualifiedName> Reachable(Catalog catalog, QualifiedName name, Func<TableInheritanceLinks, IEnumerable<QualifiedName>> next)
    {
        var (found, seen) = (new List<QualifiedName>(), new HashSet<QualifiedName>());
        var queue = new Queue<QualifiedName>([name]);
        while (queue.Count > 0)
        {
            if (!catalog.Tables.TryGetValue(queue.Dequeue(), out var table) || table.Inheritance is not { } links) continue;
            foreach (var related in next(links))
            {
                if (!seen.Add(related)) continue;
                found.Add(related);
                queue.Enqueue(related);
            }
        }

        return found;
    }
}
