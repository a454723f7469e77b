using System.Collections.Immutable;
using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL and MariaDB keep an index for every foreign key: on the referencing table one whose first
/// columns are the foreign key's, in order; on the referenced table one whose first columns are the
/// referenced ones. When the referencing table has none, the server makes one, named like the
/// foreign key (after its first column when the foreign key's name is generated), and drops it
/// without a word once another index serves (checked on MariaDB 10.11). A FULLTEXT or SPATIAL
/// index, or one with a prefix length or an expression among its parts, never serves. Dropping
/// the foreign key leaves its index. And the server refuses to drop the last index that serves
/// a foreign key: error 1553, or, for the primary key on MariaDB, error 1025 (errno 150).
/// </summary>
internal static class MySqlForeignKeyIndexes
{
    /// <summary><paramref name="foreignKey"/>, added under <paramref name="name"/>, holding the plain index the table has under that name.</summary>
    public static TableKey Named(CatalogTable table, string name, TableKey foreignKey)
        => table.Keys.TryGetValue(name, out var index) && index.Kind == ConstraintKind.PlainIndex
            ? foreignKey with { Index = new ForeignKeyIndex(table.StoredKeyName(name), index.Columns, Implicit: false) { Unfit = index.Unfit } }
            : foreignKey;

    /// <summary>
    /// The table after a CREATE TABLE or ALTER TABLE: an index made for each foreign key no other
    /// index serves, and the ones the server made dropped where another index now serves.
    /// </summary>
    public static CatalogTable Settle(CatalogTable table, ApplyContext context)
    {
        // Every ALTER TABLE asks; most tables have no foreign key to settle.
        if (context.IsPostgres || !table.Keys.Values.Any(k => k.Kind == ConstraintKind.ForeignKey)) return table;
        var keys = table.Keys;
        foreach (var (name, key) in table.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (key.Kind != ConstraintKind.ForeignKey || key.Columns.IsEmpty || key.ColumnsUnknown) continue;
            var servedElsewhere = Serving(keys).Any(i => i.Holder != name && Covers(i.Columns, key.Columns, context));
            if (key.Index is { Implicit: true } && servedElsewhere)
            {
                keys = keys.SetItem(name, key with { Index = null });
            }
            else if (key.Index is null && !servedElsewhere)
            {
                var indexName = IsGeneratedName(table, name) ? ConstraintNames.IndexName(table with { Keys = keys }, key.Columns[0]) : name;
                keys = keys.SetItem(name, key with { Index = new ForeignKeyIndex(indexName, key.Columns, Implicit: true) });
            }
        }

        return keys == table.Keys ? table : table with { Keys = keys };
    }

    /// <summary>The name of the foreign key that holds index <paramref name="indexName"/>, or <see langword="null"/>.</summary>
    public static string? Holder(CatalogTable table, string indexName)
    {
        foreach (var (name, key) in table.Keys)
        {
            if (key.Index is { } index && string.Equals(index.Name, indexName, StringComparison.OrdinalIgnoreCase)) return name;
        }

        return null;
    }

    /// <summary>The table with the index foreign key <paramref name="foreignKey"/> holds dropped (DROP INDEX of it).</summary>
    public static CatalogTable WithoutIndex(CatalogTable table, string foreignKey)
        => table with { Keys = table.Keys.SetItem(foreignKey, table.Keys[foreignKey] with { Index = null }) };

    /// <summary>
    /// RENAME INDEX of the index foreign key <paramref name="foreignKey"/> holds: the index takes
    /// the new name and the foreign key keeps its own, even when the two were the same (checked on
    /// MariaDB 10.11).
    /// </summary>
    public static CatalogTable RenameIndex(CatalogTable table, string foreignKey, RenameIndexAction rename, ApplyContext context)
    {
        if (string.Equals(rename.From, rename.To, StringComparison.Ordinal) || MySqlPlainIndexes.RefusesRenameTo(table, rename, foreignKey, context)) return table;
        var key = table.Keys[foreignKey];
        return table with { Keys = table.Keys.SetItem(foreignKey, key with { Index = key.Index! with { Name = rename.To } }) };
    }

    /// <summary>The table without constraint <paramref name="name"/>; a MySQL foreign key leaves the index it held, as a plain index.</summary>
    public static CatalogTable WithoutConstraint(CatalogTable table, string name, ApplyContext context)
    {
        var without = table.WithoutConstraint(name);
        if (context.IsPostgres || !table.Keys.TryGetValue(name, out var key) || key.Index is not { } index) return without;
        return without with { Keys = without.Keys.SetItem(index.Name, new TableKey(ConstraintKind.PlainIndex, index.Columns) { Unfit = index.Unfit }) };
    }

    /// <summary>
    /// Whether the server refuses <paramref name="statement"/>, which turned <paramref name="before"/>
    /// into <paramref name="after"/>, because it drops the last index that serves a foreign key of
    /// the table, or one that references it; reported. Only when every index of the table is known
    /// (a table read from a snapshot has plain indexes SchemaTasks never saw), foreign key checks
    /// are on, and the statement adds no foreign key (whose own index could serve the others).
    /// </summary>
    public static bool RefusesDrop(Catalog catalog, QualifiedName name, CatalogTable before, CatalogTable after, AlterTableStatement statement, ApplyContext context)
    {
        if (context.IsPostgres || !before.IndexesKnown || context.Session.ForeignKeyChecksOff) return false;
        if (!statement.Actions.Any(a => a is DropIndexAction) || statement.Actions.Any(a => a is RenameTableAction) || MariaDbForeignKeyDrop.AddsForeignKey(statement)) return false;
        if (before.Keys.Values.Any(k => k.ColumnsUnknown) || before.OtherConstraints.Any(n => !before.Keys.ContainsKey(n))) return false;
        var remaining = Serving(after.Keys).ToList();
        foreach (var drop in statement.Actions.OfType<DropIndexAction>())
        {
            if (Find(before, drop.Name) is not { } dropped) continue;
            foreach (var (fkName, fk) in after.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (fk.Kind != ConstraintKind.ForeignKey || !before.Keys.TryGetValue(fkName, out var old) || old.Kind != ConstraintKind.ForeignKey) continue;
                if (!Covers(dropped.Columns, fk.Columns, context) || remaining.Any(i => Covers(i.Columns, fk.Columns, context))) continue;
                var columns = ColumnList(fk.Columns, context);
                context.Error(
                    DiagnosticCodes.KeyNeededByForeignKey,
                    $"The server refuses to drop {What(dropped.Name, context)} of {context.Show(name)}: foreign key {context.Show(fkName)} needs an index whose first columns are ({columns}), and no other index of the table has them ({Refusal(dropped.Name, context)}). Drop the foreign key in the same statement (DROP FOREIGN KEY {context.Show(fkName)}), or add an index over ({columns}) in it.",
                    drop.At);
                return true;
            }

            foreach (var (holder, fkName, target) in ForeignKeyDependents.Referencing(catalog, name, after))
            {
                if (target.Columns.Count == 0 || !Covers(dropped.Columns, target.Columns, context) || remaining.Any(i => Covers(i.Columns, target.Columns, context))) continue;
                var columns = ColumnList(target.Columns, context);
                context.Error(
                    DiagnosticCodes.KeyNeededByForeignKey,
                    $"The server refuses to drop {What(dropped.Name, context)} of {context.Show(name)}: foreign key {context.Show(fkName)} of {context.Show(holder)} references ({columns}), which needs an index of {context.Show(name)} whose first columns they are, and no other index has them ({Refusal(dropped.Name, context)}). Drop the foreign key first (ALTER TABLE {context.Show(holder)} DROP FOREIGN KEY {context.Show(fkName)}), or add an index over ({columns}) in the same statement.",
                    drop.At);
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an index of <paramref name="table"/> serves <paramref name="columns"/>: they are its first columns, in order.</summary>
    public static bool Serves(CatalogTable table, IReadOnlyList<string> columns, ApplyContext context)
        => Serving(table.Keys).Any(i => Covers(i.Columns, columns, context));

    private static string What(string index, ApplyContext context)
        => string.Equals(index, "PRIMARY", StringComparison.OrdinalIgnoreCase) ? "the primary key" : $"index {context.Show(index)}";

    private static string Refusal(string index, ApplyContext context)
        => string.Equals(index, "PRIMARY", StringComparison.OrdinalIgnoreCase) && context.Rules.Dialect == SqlDialect.MariaDb
            ? "MariaDB: error 1025, errno 150, Foreign key constraint is incorrectly formed"
            : $"error 1553, Cannot drop index '{index}': needed in a foreign key constraint";

    private static string ColumnList(IEnumerable<string> columns, ApplyContext context) => string.Join(", ", columns.Select(context.Show));

    // The index DROP INDEX `name` drops, when it can serve a foreign key and its columns are known.
    private static (string Name, ImmutableArray<string> Columns)? Find(CatalogTable table, string name)
    {
        foreach (var (holder, indexName, columns) in Serving(table.Keys))
        {
            var primary = string.Equals(name, "PRIMARY", StringComparison.OrdinalIgnoreCase) && table.Keys.TryGetValue(holder, out var key) && key.Kind == ConstraintKind.PrimaryKey;
            if (primary || string.Equals(indexName, name, StringComparison.OrdinalIgnoreCase)) return (primary ? "PRIMARY" : indexName, columns);
        }

        return null;
    }

    // The indexes that can serve a foreign key, each with the key that holds it (itself, or a foreign key).
    private static IEnumerable<(string Holder, string Name, ImmutableArray<string> Columns)> Serving(ImmutableDictionary<string, TableKey> keys)
    {
        foreach (var (name, key) in keys)
        {
            if (key.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique or ConstraintKind.UniqueIndex or ConstraintKind.PlainIndex)
            {
                if (!key.Unfit && !key.ColumnsUnknown) yield return (name, name, key.Columns);
            }
            else if (key.Kind == ConstraintKind.ForeignKey && key.Index is { Unfit: false } index)
            {
                yield return (name, index.Name, index.Columns);
            }
        }
    }

    // Whether an index over `index` serves `columns`: they are its first columns, in order.
    private static bool Covers(ImmutableArray<string> index, IReadOnlyList<string> columns, ApplyContext context)
    {
        if (columns.Count == 0 || index.Length < columns.Count) return false;
        var comparer = context.Rules.ColumnComparer;
        for (var i = 0; i < columns.Count; i++)
        {
            if (!comparer.Equals(index[i], columns[i])) return false;
        }

        return true;
    }

    // table_ibfk_N: the server named the foreign key, and names its index after the first column.
    private static bool IsGeneratedName(CatalogTable table, string name)
    {
        var prefix = table.Name.Name + "_ibfk_";
        return name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name[prefix.Length..].All(char.IsAsciiDigit);
    }
}
