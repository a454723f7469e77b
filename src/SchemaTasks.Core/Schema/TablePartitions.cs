using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL partitions (<c>CREATE TABLE p PARTITION OF parent ...</c>), as PostgreSQL 15 makes
/// them: the parent's columns, in order, with their types, NOT NULL, defaults and generation
/// (not identity), and its CHECK constraints under their names, like an inheritance child
/// (<see cref="TableInheritance"/>); its primary key and unique constraints cloned under names
/// generated for the partition (<c>p_pkey</c>, <c>p_a_b_key</c>), and its foreign keys under their
/// own names. A column option only adds a default, NOT NULL or a constraint to a parent's column.
/// </summary>
internal static class TablePartitions
{
    /// <summary>
    /// Reports and returns <see langword="true"/> when the server refuses <paramref name="s"/>
    /// because of what <paramref name="parent"/> is: a partition of a table that is not
    /// partitioned or already has a DEFAULT partition, or an INHERITS of a partitioned table or
    /// of a partition.
    /// </summary>
    public static bool Refuses(Catalog catalog, CreateTableStatement s, QualifiedName parentName, CatalogTable parent, ApplyContext context)
    {
        var links = parent.Inheritance;
        if (s.PartitionOf)
        {
            if (links is not { Partitioned: true })
            {
                context.Error(DiagnosticCodes.PartitionRefused, $"CREATE TABLE {context.Show(s.Name)} PARTITION OF {context.Show(parentName)}: {context.Show(parentName)} is not partitioned, so PostgreSQL refuses it (SQLSTATE 42P17, table is not partitioned). Create the parent with PARTITION BY.", s.InheritsAt);
                return true;
            }

            if (s.DefaultPartition && links.Children.Where(c => catalog.Tables.TryGetValue(c, out var child) && child.Inheritance?.IsDefaultPartition == true).ToList() is [var other, ..])
            {
                context.Error(DiagnosticCodes.PartitionRefused, $"CREATE TABLE {context.Show(s.Name)} PARTITION OF {context.Show(parentName)} DEFAULT: {context.Show(other)} is already its default partition, so PostgreSQL refuses it (SQLSTATE 42P17, partition would conflict with the existing default partition). A table has one default partition at most.", s.InheritsAt);
                return true;
            }

            return PartitionBoundCheck.Refuses(catalog, parent, s.Name, s.Bound, s.DefaultPartition, $"CREATE TABLE {context.Show(s.Name)} PARTITION OF {context.Show(parentName)}", s.InheritsAt, context);
        }

        if (s.Partitioned)
        {
            context.Error(DiagnosticCodes.PartitionRefused, $"CREATE TABLE {context.Show(s.Name)} ... INHERITS ... PARTITION BY: PostgreSQL refuses a partitioned table that inherits (SQLSTATE 42809, cannot create partitioned table as inheritance child).", s.InheritsAt);
            return true;
        }

        if (links is { Partitioned: true } or { IsPartition: true })
        {
            var what = links.Partitioned ? "partitioned table" : "partition";
            context.Error(DiagnosticCodes.PartitionRefused, $"CREATE TABLE {context.Show(s.Name)} ... INHERITS ({context.Show(parentName)}): {context.Show(parentName)} is a {what}, so PostgreSQL refuses it (SQLSTATE 42809, cannot inherit from {what}). Make the table a partition (PARTITION OF) of a partitioned table instead.", s.InheritsAt);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The parent's column with a partition's option for it: its own default and NOT NULL (the
    /// constraints it writes are added with the table's); <see langword="null"/>, reported, for
    /// a column the parent does not have.
    /// </summary>
    public static CatalogColumn? WithOptions(CreateTableStatement s, CatalogColumn? inherited, ColumnSpec option, ApplyContext context)
    {
        if (inherited is null)
        {
            context.Error(DiagnosticCodes.ColumnNotFound, $"CREATE TABLE {context.Show(s.Name)} PARTITION OF {context.Show(s.Inherits[0])} gives options for column {context.Show(option.Name)}, which the parent does not have: PostgreSQL refuses it (SQLSTATE 42703, column does not exist). A partition's columns are its parent's; add the column to the parent.", option.At);
            return null;
        }

        if (option.IsIdentity || option.GeneratedFrom is not null)
        {
            context.Error(DiagnosticCodes.UnsupportedStatement, $"Cannot model this CREATE TABLE {context.Show(s.Name)} PARTITION OF: the option of column {context.Show(option.Name)} makes it an identity or generated column. The snapshot leaves {context.Show(s.Name)} out, and later statements on it are passed over.", option.At);
            context.UnknownShapes.Add(s.Name);
            return null;
        }

        var stored = StoredDefaults.ForColumn(option.Default, inherited.Type, inherited.IsArray, context.Rules) is { } text ? NamePool.Get(text) : null;
        return inherited with { Default = stored ?? inherited.Default, IsNullable = inherited.IsNullable && option.NotNull != true };
    }

    /// <summary>
    /// The partition with its parent's keys: a primary key or unique constraint under the name
    /// the server generates for the partition, a foreign key under the parent's name. With
    /// <paramref name="attach"/> (ATTACH PARTITION), a key the partition has on the same columns
    /// is attached rather than cloned.
    /// </summary>
    public static CatalogTable WithParentKeys(Catalog catalog, CatalogTable partition, CatalogTable parent, SqlToken at, ApplyContext context, bool attach = false)
    {
        foreach (var (name, key) in parent.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (attach && partition.Keys.Values.Any(k => k.Kind == key.Kind && k.Columns.SequenceEqual(key.Columns))) continue;
            if (key.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique)
            {
                partition = TableStatements.AddConstraint(catalog, partition, new ConstraintSpec(at, null, key.Kind, key.Columns, null), null, context);
            }
            else if (key.Kind == ConstraintKind.ForeignKey && !partition.Keys.ContainsKey(name))
            {
                partition = partition with { OtherConstraints = partition.OtherConstraints.Add(name), Keys = partition.Keys.SetItem(name, key) };
            }
        }

        return partition;
    }

    /// <summary>
    /// ALTER TABLE of a partition, before its actions apply: reports and returns
    /// <see langword="true"/> when the server refuses it (a column added, its inheritance
    /// changed, NOT NULL dropped from a column its parent has NOT NULL, a key it has from the
    /// parent dropped).
    /// </summary>
    public static bool RefusesAlter(Catalog catalog, CatalogTable partition, AlterTableStatement s, ApplyContext context)
    {
        if (!catalog.Tables.TryGetValue(partition.Inheritance!.Parents[0], out var parent)) return false;
        foreach (var action in s.Actions)
        {
            var (code, sqlState, why) = action switch
            {
                AddColumnAction or AddColumnsAction => (DiagnosticCodes.PartitionRefused, "42809", "cannot add column to a partition"),
                NoInheritAction => (DiagnosticCodes.PartitionRefused, "42809", "cannot change inheritance of a partition"),
                SetNotNullAction { NotNull: false, Column: { } column } when parent.FindColumn(column, SqlDialect.Postgres) is { IsNullable: false }
                    => (DiagnosticCodes.InheritedObjectInUse, "42P16", $"column {context.Show(column)} is marked NOT NULL in parent table"),
                DropConstraintAction drop when ClonedKey(partition, parent, drop.Name)
                    => (DiagnosticCodes.InheritedObjectInUse, "42P16", $"cannot drop inherited constraint {context.Show(drop.Name)}"),
                _ => (null, null, null),
            };
            if (code is null) continue;
            context.Error(code, $"ALTER TABLE {context.Show(s.Name)}: it is a partition of {context.Show(parent.Name)}, so PostgreSQL refuses this change (SQLSTATE {sqlState}, {why}). Change the partitioned table, which passes the change on, or detach the partition first (ALTER TABLE {context.Show(parent.Name)} DETACH PARTITION {context.Show(s.Name)}).", action.At);
            return true;
        }

        return false;
    }

    /// <summary>
    /// ALTER TABLE of a partitioned table, or of one with partitioned partitions, before its
    /// actions apply: reports and returns <see langword="true"/> when the server refuses it (a
    /// column of a partition key dropped or retyped, a NO INHERIT CHECK added; 42P16, checked on
    /// PostgreSQL 15).
    /// </summary>
    public static bool RefusesKeyChange(Catalog catalog, CatalogTable table, AlterTableStatement s, ApplyContext context)
    {
        foreach (var action in s.Actions)
        {
            var (column, what) = action switch
            {
                DropColumnAction drop => (drop.Column, "drop"),
                AlterColumnTypeAction retype => (retype.Column, "alter"),
                _ => (null, null),
            };
            if (action is AddConstraintAction { Constraint.Check.NoInherit: true } && table.Inheritance?.Partitioned == true)
            {
                context.Error(DiagnosticCodes.PartitionRefused, $"ALTER TABLE {context.Show(s.Name)}: PostgreSQL refuses a NO INHERIT CHECK on a partitioned table (SQLSTATE 42P16, cannot add NO INHERIT constraint to partitioned table). Leave out NO INHERIT, or put the CHECK on the partitions.", action.At);
                return true;
            }

            if (column is null || table.FindColumn(column, SqlDialect.Postgres) is not { } found) continue;
            foreach (var name in (IEnumerable<QualifiedName>)[table.Name, .. TableInheritance.Descendants(catalog, table.Name)])
            {
                if (!catalog.Tables.TryGetValue(name, out var partitioned) || partitioned.Inheritance?.Key is not { } key || !key.Parts.Any(p => p.Column == found.Name)) continue;
                context.Error(DiagnosticCodes.PartitionRefused, $"ALTER TABLE {context.Show(s.Name)}: PostgreSQL refuses to {what} column {context.Show(found.Name)} (SQLSTATE 42P16, cannot {what} column because it is part of the partition key of relation {context.Show(name)}). A partition key's columns stay as they are; make a new partitioned table to change them.", action.At);
                return true;
            }
        }

        return false;
    }

    // Whether the partition has the key from its parent: a foreign key of the parent's name, or
    // a primary key or unique constraint on the columns of one of the parent's.
    private static bool ClonedKey(CatalogTable partition, CatalogTable parent, string name)
        => partition.Keys.TryGetValue(name, out var key)
           && (key.Kind == ConstraintKind.ForeignKey
               ? parent.Keys.ContainsKey(name)
               : key.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique && parent.Keys.Values.Any(k => k.Kind == key.Kind && k.Columns.SequenceEqual(key.Columns)));

    /// <summary>The links of a table that is partitioned by <paramref name="key"/> and neither a partition nor an inheritance child.</summary>
    public static TableInheritanceLinks PartitionedRoot(PartitionKey? key) => new([], ImmutableSortedSet<QualifiedName>.Empty) { Partitioned = true, Key = key };
}
