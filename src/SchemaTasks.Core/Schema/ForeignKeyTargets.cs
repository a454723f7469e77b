using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// The tables of a catalog that hold a foreign key to each table. Every DROP COLUMN, every drop
/// of a key or table and every rename asks which foreign keys reference a table, and looking
/// through every table of a long history for the few that do was a twentieth of a snapshot's
/// time.
/// </summary>
/// <remarks>
/// Counted when first asked, then handed from catalog to catalog: a catalog made by
/// <see cref="Catalog.WithTable"/> brings it up to date with the one table it changed, any other
/// by comparing the tables (as <see cref="PostgresSchemaNames"/> does), under its lock.
/// </remarks>
internal sealed class ForeignKeyTargets
{
    private readonly Dictionary<QualifiedName, HashSet<QualifiedName>> _holders = [];
    private ImmutableSortedDictionary<QualifiedName, CatalogTable> _tables;

    public ForeignKeyTargets(ImmutableSortedDictionary<QualifiedName, CatalogTable> tables)
    {
        foreach (var (name, table) in tables) Change(name, table, add: true);
        _tables = tables;
    }

    /// <summary>Whether the counts are of exactly these tables.</summary>
    public bool Counts(ImmutableSortedDictionary<QualifiedName, CatalogTable> tables) => ReferenceEquals(_tables, tables);

    /// <summary>Brings the counts to <paramref name="tables"/>, table by table where they are not the objects counted.</summary>
    public void Follow(ImmutableSortedDictionary<QualifiedName, CatalogTable> tables)
    {
        if (ReferenceEquals(_tables, tables)) return;
        ChangedEntries.Visit(_tables, tables, Replace);
        _tables = tables;
    }

    /// <summary>Brings the index to <paramref name="next"/>, which differs from the tables indexed only in table <paramref name="name"/>, <paramref name="old"/> before and <paramref name="table"/> now.</summary>
    public void FollowOne(QualifiedName name, CatalogTable? old, CatalogTable? table, ImmutableSortedDictionary<QualifiedName, CatalogTable> next)
    {
        if (!ReferenceEquals(old, table)) Replace(name, old, table);
        _tables = next;
    }

    /// <summary>The tables indexed that hold a foreign key to <paramref name="table"/>, in no particular order.</summary>
    public QualifiedName[] HoldersOf(QualifiedName table) => _holders.TryGetValue(table, out var holders) ? [.. holders] : [];

    private void Replace(QualifiedName name, CatalogTable? old, CatalogTable? table)
    {
        if (old is not null) Change(name, old, add: false);
        if (table is not null) Change(name, table, add: true);
    }

    private void Change(QualifiedName name, CatalogTable table, bool add)
    {
        foreach (var target in table.ReferencedTables)
        {
            if (add)
            {
                if (!_holders.TryGetValue(target, out var holders)) _holders[target] = holders = [];
                holders.Add(name);
            }
            else if (_holders.TryGetValue(target, out var holders))
            {
                holders.Remove(name);
            }
        }
    }
}
