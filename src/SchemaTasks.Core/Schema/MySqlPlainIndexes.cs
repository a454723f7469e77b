using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL's indexes that are not unique (KEY, INDEX, FULLTEXT, SPATIAL). They are no constraint,
/// but they share one namespace with the table's keys: the server names an unnamed key after its
/// first column and numbers it past every index name, and refuses a key named like an index
/// (error 1061). So each is kept in <see cref="CatalogTable.Keys"/> as a
/// <see cref="ConstraintKind.PlainIndex"/> with its columns, which DROP COLUMN and renames follow.
/// </summary>
internal static class MySqlPlainIndexes
{
    public static bool IsPlainIndex(CatalogTable table, string name)
        => table.Keys.TryGetValue(name, out var key) && key.Kind == ConstraintKind.PlainIndex;

    /// <summary>
    /// Whether an index named <paramref name="name"/> is known on <paramref name="table"/>: a
    /// primary key, unique key or plain index. A foreign key's name is not one: an index of that
    /// name serves the foreign key, and the server accepts it.
    /// </summary>
    public static bool IsIndexName(CatalogTable table, string name)
        => string.Equals(name, "PRIMARY", StringComparison.OrdinalIgnoreCase)
            || (table.Keys.TryGetValue(name, out var key) && key.Kind is ConstraintKind.PlainIndex or ConstraintKind.Unique or ConstraintKind.PrimaryKey);

    public static CatalogTable Add(Catalog catalog, CatalogTable table, ConstraintSpec spec, ApplyContext context)
    {
        if (spec.Name is { } given && IsIndexName(table, given))
        {
            context.Error(DiagnosticCodes.ConstraintExists, $"Table {context.Show(table.Name)} already has an index named {context.Show(given)}, and the server refuses a second one (error 1061, Duplicate key name). Drop it first or choose another name.", spec.At);
            return table;
        }

        var name = ConstraintNames.Generate(catalog, table, spec, null, context.Rules);

        var columns = spec.Columns.Select(c => table.FindColumn(c, context.Rules.Dialect)?.Name ?? c).ToImmutableArray();

        if (table.Keys.TryGetValue(name, out var foreignKey))
        {
            return foreignKey.Kind != ConstraintKind.ForeignKey
                ? table
                : table with { Keys = table.Keys.SetItem(table.StoredKeyName(name), Holding(foreignKey, name, columns, spec.Unfit)) };
        }

        return table with { Keys = table.Keys.SetItem(name, new TableKey(ConstraintKind.PlainIndex, columns) { Unfit = spec.Unfit }) };
    }

    public static CatalogTable Drop(CatalogTable table, string name)
        => table with { Keys = table.Keys.Remove(name) };

    public static CatalogTable Rename(CatalogTable table, RenameIndexAction rename, ApplyContext context)
    {
        if (string.Equals(rename.From, rename.To, StringComparison.Ordinal) || RefusesRenameTo(table, rename, null, context)) return table;
        var key = table.Keys[rename.From];
        var keys = table.Keys.Remove(rename.From);

        // Renamed like a foreign key that holds no index of that name: kept as Add keeps an index so named.
        return table.Keys.TryGetValue(rename.To, out var foreignKey) && foreignKey.Kind == ConstraintKind.ForeignKey
            ? table with { Keys = keys.SetItem(table.StoredKeyName(rename.To), Holding(foreignKey, rename.To, key.Columns, key.Unfit)) }
            : table with { Keys = keys.SetItem(rename.To, key) };
    }

    /// <summary>
    /// Whether the server refuses <paramref name="rename"/> because another index of the table has
    /// its new name (error 1061): a key, a plain index, or the index a foreign key other than
    /// <paramref name="renamedHolder"/> holds; reported.
    /// </summary>
    public static bool RefusesRenameTo(CatalogTable table, RenameIndexAction rename, string? renamedHolder, ApplyContext context)
    {
        // A rename to the index's own name in another case only respells it (MariaDB 10.11).
        if (table.KeyNameComparer.Equals(rename.From, rename.To)) return false;
        if (!IsIndexName(table, rename.To) && (MySqlForeignKeyIndexes.Holder(table, rename.To) is not { } holder || holder == renamedHolder)) return false;
        context.Error(DiagnosticCodes.ConstraintExists, $"RENAME INDEX {context.Show(rename.From)} TO {context.Show(rename.To)}: table {context.Show(table.Name)} already has an index named {context.Show(rename.To)} (error 1061, Duplicate key name). Choose another name.", rename.At);
        return true;
    }

    // An index named like a foreign key: the foreign key is kept under that name, and holds the index.
    private static TableKey Holding(TableKey foreignKey, string name, ImmutableArray<string> columns, bool unfit)
        => foreignKey with { Index = new ForeignKeyIndex(name, columns, Implicit: false) { Unfit = unfit } };
}
