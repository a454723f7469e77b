using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// How often each relation and constraint name is taken in each PostgreSQL schema, over all
/// tables and domains of a catalog: a generated name must be free in the whole schema, and a
/// history of thousands of tables cannot afford to look at each of them for every name.
/// </summary>
/// <remarks>
/// <para>
/// One index serves a run's catalogs, which hand it on from one to the next. It is mutable, and
/// always counts the names of one set of tables and domains (<see cref="Follow"/>): the catalog
/// that asks brings it to its own, changing only the tables and domains that are not the very
/// objects it counted. A run moves forward, so that is the one table a statement changed; a
/// catalog of another branch (a DO block's failed statement) costs one walk over the tables.
/// Kept as an immutable dictionary per catalog, it allocated more than the rest of the engine
/// on a history of a thousand migrations, and tipped the native tool into another collection.
/// </para>
/// <para>
/// The sequences that defaults use are counted late: finding them reads every column, and a
/// history adds hundreds of columns to one table one at a time. A changed table is only noted,
/// with the version whose sequences are counted, and counted again when a relation name is asked for.
/// </para>
/// Not thread-safe by itself: <see cref="Catalog"/> locks it.
/// </remarks>
internal sealed class PostgresSchemaNames
{
    private readonly Dictionary<QualifiedName, Uses> _uses = [];
    private readonly Dictionary<QualifiedName, CatalogTable?> _sequencesCountedFrom = [];
    private ImmutableSortedDictionary<QualifiedName, CatalogTable> _tables;
    private ImmutableSortedDictionary<QualifiedName, CatalogDomain> _domains;

    /// <summary>Counts the names of <paramref name="catalog"/>'s tables and domains.</summary>
    public PostgresSchemaNames(Catalog catalog)
    {
        var rules = IdentifierRules.For(catalog.Dialect);
        foreach (var table in catalog.Tables.Values)
        {
            Change(table, 1);
            PostgresTableNames.VisitSequences(table, rules, sequence => Add(sequence, PostgresNameSpaces.Relation, 1));
        }

        foreach (var domain in catalog.Domains.Values) Change(domain, 1);
        (_tables, _domains) = (catalog.Tables, catalog.Domains);
    }

    /// <summary>Whether the index counts exactly these tables and domains.</summary>
    public bool Counts(ImmutableSortedDictionary<QualifiedName, CatalogTable> tables, ImmutableSortedDictionary<QualifiedName, CatalogDomain> domains)
        => ReferenceEquals(_tables, tables) && ReferenceEquals(_domains, domains);

    /// <summary>Brings the counts to <paramref name="tables"/> and <paramref name="domains"/>, table by table where they are not the objects counted.</summary>
    public void Follow(ImmutableSortedDictionary<QualifiedName, CatalogTable> tables, ImmutableSortedDictionary<QualifiedName, CatalogDomain> domains)
    {
        if (!ReferenceEquals(_tables, tables))
        {
            ChangedEntries.Visit(_tables, tables, Replace);
            _tables = tables;
        }

        if (!ReferenceEquals(_domains, domains))
        {
            ChangedEntries.Visit(_domains, domains, (_, old, now) => Replace(old, now));
            _domains = domains;
        }
    }

    /// <summary>
    /// Counts <paramref name="now"/> instead of <paramref name="old"/> under <paramref name="name"/>,
    /// and the tables as <paramref name="tables"/>, which are those counted with that one change.
    /// </summary>
    public void FollowOne(QualifiedName name, CatalogTable? old, CatalogTable? now, ImmutableSortedDictionary<QualifiedName, CatalogTable> tables)
    {
        Replace(name, old, now);
        _tables = tables;
    }

    /// <summary>As <see cref="FollowOne(QualifiedName, CatalogTable?, CatalogTable?, ImmutableSortedDictionary{QualifiedName, CatalogTable})"/>, for a domain.</summary>
    public void FollowOne(CatalogDomain? old, CatalogDomain now, ImmutableSortedDictionary<QualifiedName, CatalogDomain> domains)
    {
        Replace(old, now);
        _domains = domains;
    }

    /// <summary>
    /// How many tables and domains take <paramref name="name"/> in <paramref name="space"/> (one of
    /// the spaces), once <see cref="Follow"/> brought the index to the catalog asking.
    /// </summary>
    public int Count(QualifiedName name, PostgresNameSpaces space, IdentifierRules rules)
    {
        if (space == PostgresNameSpaces.Relation) CountSequences(rules);
        return !_uses.TryGetValue(name, out var uses) ? 0 : space == PostgresNameSpaces.Relation ? uses.Relations : uses.Constraints;
    }

    private void Replace(QualifiedName name, CatalogTable? old, CatalogTable? now)
    {
        _sequencesCountedFrom.TryAdd(name, old);

        // Only the names that differ are counted again: an ALTER TABLE adding one constraint to a
        // table of twenty would otherwise take all twenty out and put them back.
        if (old is null || now is null || old.Name != now.Name)
        {
            if (old is not null) Change(old, -1);
            if (now is not null) Change(now, 1);
            return;
        }

        var changes = new TableNameChanges(this, now.Name.Schema);
        if (old.Checks != now.Checks) changes.Checks(old, now);
        if (!ReferenceEquals(old.OtherConstraints, now.OtherConstraints) || !ReferenceEquals(old.Keys, now.Keys)) changes.Keys(old, now);
    }

    private void Replace(CatalogDomain? old, CatalogDomain? now)
    {
        if (old is not null) Change(old, -1);
        if (now is not null) Change(now, 1);
    }

    // The sequences of the tables changed since they were counted, counted again as the tables
    // counted now have them.
    private void CountSequences(IdentifierRules rules)
    {
        if (_sequencesCountedFrom.Count == 0) return;
        foreach (var (name, counted) in _sequencesCountedFrom)
        {
            var before = counted is null ? [] : counted.Columns;
            var after = _tables.TryGetValue(name, out var now) ? now.Columns : [];
            if (before == after) continue;

            // A statement replaces the columns it changes and keeps the others: only those
            // between the shared start and the shared end can have gained or lost a sequence.
            var start = 0;
            while (start < before.Length && start < after.Length && ReferenceEquals(before[start], after[start])) start++;
            var end = 0;
            while (end < before.Length - start && end < after.Length - start && ReferenceEquals(before[^(end + 1)], after[^(end + 1)])) end++;
            for (var i = start; i < before.Length - end; i++) CountSequence(before[i], rules, -1);
            for (var i = start; i < after.Length - end; i++) CountSequence(after[i], rules, 1);
        }

        _sequencesCountedFrom.Clear();
    }

    private void CountSequence(CatalogColumn column, IdentifierRules rules, int by)
    {
        if (column.Default is { } text && SequenceDefaults.Sequence(text, rules) is { } sequence) Add(sequence, PostgresNameSpaces.Relation, by);
    }

    private void Change(CatalogTable table, int by)
        => PostgresTableNames.VisitOwn(table, PostgresNameSpaces.Relation | PostgresNameSpaces.Constraint, (name, space) => Add(name, space, by));

    private void Change(CatalogDomain domain, int by)
    {
        foreach (var check in domain.Checks) Add(new QualifiedName(domain.Name.Schema, check.Name), PostgresNameSpaces.Constraint, by);
    }

    /// <summary>Counts <paramref name="name"/> in <paramref name="space"/> <paramref name="by"/> more (or fewer).</summary>
    internal void Add(QualifiedName name, PostgresNameSpaces space, int by)
    {
        var found = _uses.TryGetValue(name, out var current) ? current : default;
        var changed = space == PostgresNameSpaces.Relation ? found with { Relations = found.Relations + by } : found with { Constraints = found.Constraints + by };
        if (changed == default) _uses.Remove(name);
        else _uses[name] = changed;
    }

    private readonly record struct Uses(int Relations, int Constraints);
}
