using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's indexes, kept on their table (which DROP COLUMN and RENAME COLUMN follow as the
/// server does): a unique one as a <see cref="ConstraintKind.UniqueIndex"/> key so that
/// <c>ADD CONSTRAINT ... PRIMARY KEY / UNIQUE USING INDEX</c> knows the columns it takes, any
/// other as a <see cref="ConstraintKind.Index"/> key for its name (<see cref="RelationStatements"/>).
/// </summary>
internal static class PostgresIndexes
{
    /// <summary>Keeps a unique index a constraint can be made from; any other, or one on a table the catalog lacks, is not kept.</summary>
    public static Catalog Create(Catalog catalog, CreateUniqueIndexStatement s, ApplyContext context)
    {
        if (!catalog.Tables.TryGetValue(s.Table, out var table)) return RelationStatements.CreateIndex(catalog, new CreateIndexStatement(s.At, s.Table, s.Name, [], null, s.IfNotExists));
        if (PostgresRelationNameClash.Taken(catalog, new QualifiedName(s.Table.Schema, s.Name), "index", s.IfNotExists, s.At, context)) return catalog;
        if (s.Columns is not { } columns || table.Keys.ContainsKey(s.Name)) return catalog;
        var key = new TableKey(ConstraintKind.UniqueIndex, [.. columns.Select(c => table.FindColumn(c, catalog.Dialect)?.Name ?? c)]);
        return catalog.WithTable(s.Table, table with { Keys = table.Keys.SetItem(s.Name, key) });
    }

    /// <summary>Forgets the named indexes, in their schemas; with CASCADE, the foreign keys that use one go too, and without it such an index is refused.</summary>
    public static Catalog Drop(Catalog catalog, DropIndexStatement s, ApplyContext context)
    {
        if (RefusesConstraintIndex(catalog, s, context)) return catalog;
        foreach (var name in s.Names)
        {
            foreach (var (tableName, found) in catalog.Tables.Where(t => t.Key.Schema == name.Schema))
            {
                if (found.Keys.TryGetValue(name.Name, out var key) && key.Kind is ConstraintKind.UniqueIndex or ConstraintKind.Index)
                {
                    var table = found;
                    if (s.Cascade) (catalog, table) = ForeignKeyDependents.DropNeeding(catalog, tableName, table, name.Name, s.At, context);
                    else if (ForeignKeyDependents.RefusesDrop(catalog, tableName, table, name.Name, "index", s.At, context)) continue;
                    catalog = catalog.WithTable(tableName, table with { Keys = table.Keys.Remove(name.Name) });
                }
            }
        }

        return RelationStatements.DropIndexes(catalog, s.Names);
    }

    // The index of a primary key, unique or exclusion constraint is the constraint's: the server
    // refuses to drop it alone, CASCADE or not, and then drops none of the statement's indexes.
    private static bool RefusesConstraintIndex(Catalog catalog, DropIndexStatement s, ApplyContext context)
    {
        foreach (var name in s.Names)
        {
            foreach (var (tableName, table) in catalog.Tables.Where(t => t.Key.Schema == name.Schema))
            {
                if (!IsConstraintIndex(table, name.Name)) continue;
                context.Error(
                    DiagnosticCodes.ConstraintIndexDrop,
                    $"PostgreSQL refuses to drop index {context.Show(name.Name)}: constraint {context.Show(name.Name)} on {context.Show(tableName)} requires it (SQLSTATE 2BP01; CASCADE does not change that). Drop the constraint instead: ALTER TABLE {context.Show(tableName)} DROP CONSTRAINT {context.Show(name.Name)}.",
                    s.At);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Renames a kept unique index, or the primary key, unique or exclusion constraint whose index
    /// it is: PostgreSQL renames the constraint with its index. Any other name changes nothing.
    /// </summary>
    public static Catalog Rename(Catalog catalog, RenameIndexStatement s)
    {
        foreach (var (tableName, table) in catalog.Tables.Where(t => t.Key.Schema == s.Name.Schema))
        {
            if (Renamed(table, s) is { } renamed)
            {
                catalog = catalog.WithTable(tableName, renamed);
            }
        }

        return RelationStatements.RenameIndex(catalog, s.Name, s.To);
    }

    /// <summary>Whether <paramref name="s"/> names a constraint's index, whose rename the schema shows.</summary>
    public static bool RenamesConstraint(Catalog catalog, RenameIndexStatement s)
        => catalog.Tables.Any(t => t.Key.Schema == s.Name.Schema && IsConstraintIndex(t.Value, s.Name.Name));

    /// <summary><paramref name="table"/> after <paramref name="s"/>; <see langword="null"/> when it changes nothing there.</summary>
    private static CatalogTable? Renamed(CatalogTable table, RenameIndexStatement s)
    {
        if (!table.Keys.TryGetValue(s.Name.Name, out var key) || table.Keys.ContainsKey(s.To)) return null;
        var keys = table.Keys.Remove(s.Name.Name).SetItem(s.To, key);
        if (key.Kind is ConstraintKind.UniqueIndex or ConstraintKind.Index) return table with { Keys = keys };
        if (!IsConstraintIndex(table, s.Name.Name) || table.OtherConstraints.Contains(s.To)) return null;
        return table with { OtherConstraints = table.OtherConstraints.Remove(s.Name.Name).Add(s.To), Keys = keys };
    }

    /// <summary>Whether <paramref name="name"/> is a primary key, unique or exclusion constraint of <paramref name="table"/>, which has an index of that name.</summary>
    private static bool IsConstraintIndex(CatalogTable table, string name)
        => table.OtherConstraints.Contains(name)
            && table.Keys.TryGetValue(name, out var key)
            && key.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique or ConstraintKind.Other;

    /// <summary>
    /// The table and constraint once <paramref name="index"/> is made into it: the index (which the
    /// server renames to the constraint) gives the constraint its columns. <see langword="null"/>,
    /// reported, for a primary key over an index not kept, whose columns would become NOT NULL;
    /// a unique constraint over one is kept with its columns unknown.
    /// </summary>
    public static (CatalogTable Table, ConstraintSpec Spec)? Attach(CatalogTable table, ConstraintSpec spec, string index, ApplyContext context)
    {
        if (table.Keys.TryGetValue(index, out var found) && found.Kind == ConstraintKind.UniqueIndex)
        {
            return (table with { Keys = table.Keys.Remove(index) }, spec with { Columns = found.Columns });
        }

        if (spec.Kind == ConstraintKind.Unique)
        {
            return (table, spec with { ColumnsUnknown = true });
        }

        context.Error(
            DiagnosticCodes.UnsupportedStatement,
            $"PRIMARY KEY USING INDEX {context.Show(index)}: SchemaTasks keeps a PostgreSQL index only when an earlier migration creates it with CREATE UNIQUE INDEX {context.Show(index)} ON {context.Show(table.Name)} (<columns>), on plain columns and without WHERE, and it read no such index, so it cannot tell which columns the key uses and makes NOT NULL. Create the index that way, or write PRIMARY KEY (<its columns>).",
            spec.At);
        return null;
    }
}
