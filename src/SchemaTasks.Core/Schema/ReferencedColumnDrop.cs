using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's DROP COLUMN of a column that foreign keys reference (in any table, this one
/// included): each such foreign key depends on the column, so the server refuses the drop
/// without CASCADE (SQLSTATE 2BP01) and drops them with it. A foreign key of this table over
/// the dropped column itself is not a dependent: it goes with the column either way.
/// </summary>
internal static class ReferencedColumnDrop
{
    /// <summary>
    /// The catalog and the current version of <paramref name="tableName"/> (<paramref name="table"/>,
    /// which the catalog may not hold yet) without the foreign keys that reference the dropped
    /// column; <see langword="null"/>, reported, when the server refuses the drop.
    /// </summary>
    public static (Catalog Catalog, CatalogTable Table)? Apply(Catalog catalog, QualifiedName tableName, CatalogTable table, DropColumnAction drop, ApplyContext context)
    {
        if (table.FindColumn(drop.Column, context.Rules.Dialect) is not { } column) return (catalog, table);
        var dependents = Referencing(catalog, tableName, table, column.Name, context);
        if (dependents.Count == 0) return (catalog, table);
        if (!drop.Cascade)
        {
            var (holder, fkName) = dependents[0];
            context.Error(
                DiagnosticCodes.KeyNeededByForeignKey,
                $"PostgreSQL refuses to drop column {context.Show(column.Name)} of {context.Show(tableName)}: foreign key {context.Show(fkName)} of {context.Show(holder)} references it (SQLSTATE 2BP01, other objects depend on it). Drop the foreign key first (ALTER TABLE {context.Show(holder)} DROP CONSTRAINT {context.Show(fkName)}), or add CASCADE to drop it with the column.",
                drop.At);
            return null;
        }

        return ForeignKeyDependents.Without(catalog, tableName, table, dependents);
    }

    // The foreign keys that reference `column` of `tableName`, in table and name order. A
    // reference without columns is to the primary key, whose columns are the table's current
    // ones; a foreign key read from a snapshot has no known target and never counts.
    private static List<(QualifiedName Table, string Name)> Referencing(Catalog catalog, QualifiedName tableName, CatalogTable table, string column, ApplyContext context)
    {
        var comparer = context.Rules.ColumnComparer;
        var primaryKey = table.Keys.Values.FirstOrDefault(k => k.Kind == ConstraintKind.PrimaryKey);
        var dependents = new List<(QualifiedName Table, string Name)>();
        foreach (var (name, fkName, target) in ForeignKeyDependents.Referencing(catalog, tableName, table))
        {
            IEnumerable<string> referenced = target.Columns.Count > 0 ? target.Columns : primaryKey?.Columns ?? [];
            if (!referenced.Contains(column, comparer)) continue;
            if (name.Equals(tableName) && table.Keys[fkName].Uses(column, context.Rules.ColumnComparison)) continue;
            dependents.Add((name, fkName));
        }

        return dependents;
    }
}
