using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL index statements as they touch tracked constraints: a UNIQUE key or the PRIMARY KEY is
/// an index, so dropping or renaming the index drops or renames the constraint. Plain indexes
/// are kept by name (<see cref="MySqlPlainIndexes"/>); an index name SchemaTasks does not know
/// is one it did not read (a snapshot keeps no plain indexes).
/// </summary>
internal static class IndexActions
{
    public static CatalogTable Drop(CatalogTable table, DropIndexAction drop, ApplyContext context)
    {
        if (MySqlPlainIndexes.IsPlainIndex(table, drop.Name)) return MySqlPlainIndexes.Drop(table, drop.Name);

        // The index a foreign key holds: the foreign key stays whatever happens to its index
        // (the server refuses the drop while no other index serves it: MySqlForeignKeyIndexes).
        if (MySqlForeignKeyIndexes.Holder(table, drop.Name) is { } holder) return MySqlForeignKeyIndexes.WithoutIndex(table, holder);
        if (!table.OtherConstraints.Contains(drop.Name))
        {
            if (!drop.IfExists) ReportMissing(table, drop.Name, "DROP INDEX", "1091, Can't DROP INDEX", drop.At, context);
            return table;
        }

        if (table.Keys.TryGetValue(drop.Name, out var key) && key.Kind == ConstraintKind.ForeignKey) return table;

        return table.WithoutConstraint(drop.Name);
    }

    public static CatalogTable Rename(CatalogTable table, RenameIndexAction rename, ApplyContext context)
    {
        if (MySqlPlainIndexes.IsPlainIndex(table, rename.From)) return MySqlPlainIndexes.Rename(table, rename, context);

        // The index a foreign key holds, even one named like the foreign key: only the index is renamed.
        if (MySqlForeignKeyIndexes.Holder(table, rename.From) is { } holder) return MySqlForeignKeyIndexes.RenameIndex(table, holder, rename, context);
        if (!table.OtherConstraints.Contains(rename.From))
        {
            ReportMissing(table, rename.From, "RENAME INDEX", "1176, Key doesn't exist", rename.At, context);
            return table;
        }

        // Both servers accept a rename to the index's own name and change nothing; in another
        // case it is a rename to the new spelling (MariaDB 10.11), not a clash with itself.
        if (string.Equals(rename.From, rename.To, StringComparison.Ordinal)) return table;
        if (!table.KeyNameComparer.Equals(rename.From, rename.To) && (ConstraintNames.Exists(table, rename.To) || MySqlPlainIndexes.IsPlainIndex(table, rename.To)))
        {
            context.Error(DiagnosticCodes.ConstraintExists, $"RENAME INDEX {context.Show(rename.From)} TO {context.Show(rename.To)}: table {context.Show(table.Name)} already has a constraint named {context.Show(rename.To)}. Choose another name.", rename.At);
            return table;
        }

        return table with
        {
            OtherConstraints = table.OtherConstraints.Remove(rename.From).Add(rename.To),
            Keys = table.Keys.TryGetValue(rename.From, out var key) ? table.Keys.Remove(rename.From).SetItem(rename.To, key) : table.Keys,
        };
    }

    // A table the migrations created and the engine read whole has every index known (the ones
    // the server makes for foreign keys included): a name none has fails on the server. One read
    // from a snapshot keeps no plain indexes, so there an unknown name says nothing.
    private static void ReportMissing(CatalogTable table, string index, string statement, string error, SqlToken at, ApplyContext context)
    {
        if (!table.IndexesKnown || context.IsPassedOver(table.Name)) return;
        context.Error(
            DiagnosticCodes.ConstraintNotFound,
            $"{statement} names {context.Show(index)}, but table {context.Show(table.Name)} has no index of that name (error {error}). Fix the name{(statement == "DROP INDEX" && context.Rules.Dialect == SqlDialect.MariaDb ? ", or write DROP INDEX IF EXISTS" : string.Empty)}.",
            at);
    }
}
