using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// How often each relation and constraint name is taken in each PostgreSQL schema, over all
/// tables and domains of a catalog: a generated name must be free in the whole schema, and a
/// history of thousands of tables cannot afford to look at each of them for every name.
/// Immutable; <see cref="Catalog.WithTable"/> carries it from one catalog to the next.
/// </summary>
/// <remarks>
/// The sequences that defaults use are counted late: finding them reads every column, and a
/// history adds hundreds of columns to one table one at a time. A changed table is only noted,
/// with the version whose sequences are counted, and counted again when a relation name is asked for.
/// </remarks>
internal sealed class PostgresSchemaNames
{
    private readonly ImmutableDictionary<QualifiedName, Uses> _uses;
    private readonly ImmutableDictionary<QualifiedName, CatalogTable?> _sequencesCountedFrom;

    private PostgresSchemaNames(ImmutableDictionary<QualifiedName, Uses> uses, ImmutableDictionary<QualifiedName, CatalogTable?> sequencesCountedFrom)
        => (_uses, _sequencesCountedFrom) = (uses, sequencesCountedFrom);

    /// <summary>Whether tables changed since their sequences were counted: <see cref="WithSequences"/> counts them.</summary>
    public bool HasUncountedSequences => _sequencesCountedFrom.Count > 0;

    public static PostgresSchemaNames Of(Catalog catalog)
    {
        var rules = IdentifierRules.For(catalog.Dialect);
        var uses = ImmutableDictionary.CreateBuilder<QualifiedName, Uses>();
        foreach (var table in catalog.Tables.Values)
        {
            Change(uses, table, 1);
            PostgresTableNames.VisitSequences(table, rules, sequence => Add(uses, sequence, PostgresNameSpaces.Relation, 1));
        }

        foreach (var domain in catalog.Domains.Values) Change(uses, domain, 1);
        return new PostgresSchemaNames(uses.ToImmutable(), ImmutableDictionary<QualifiedName, CatalogTable?>.Empty);
    }

    /// <summary>The names once <paramref name="old"/>, named <paramref name="name"/>, is replaced by <paramref name="now"/> (either absent when <see langword="null"/>).</summary>
    public PostgresSchemaNames Replace(QualifiedName name, CatalogTable? old, CatalogTable? now)
    {
        var counted = _sequencesCountedFrom.ContainsKey(name) ? _sequencesCountedFrom : _sequencesCountedFrom.Add(name, old);

        // Most statements change columns only, sharing the rest of the table: its own names are
        // the same, and only its sequences (counted late) may differ.
        if (old is not null && now is not null && old.Name == now.Name && old.Checks == now.Checks
            && ReferenceEquals(old.OtherConstraints, now.OtherConstraints) && ReferenceEquals(old.Keys, now.Keys))
        {
            return new PostgresSchemaNames(_uses, counted);
        }

        // Only the names that differ touch the shared dictionary: an ALTER TABLE adding one
        // constraint to a table of twenty would otherwise take all twenty out and put them back.
        if (old is null || now is null || old.Name != now.Name)
        {
            var uses = _uses.ToBuilder();
            if (old is not null) Change(uses, old, -1);
            if (now is not null) Change(uses, now, 1);
            return new PostgresSchemaNames(uses.ToImmutable(), counted);
        }

        var changes = new TableNameChanges(_uses, now.Name.Schema);
        if (old.Checks != now.Checks) changes.Checks(old, now);
        if (!ReferenceEquals(old.OtherConstraints, now.OtherConstraints) || !ReferenceEquals(old.Keys, now.Keys)) changes.Keys(old, now);
        return new PostgresSchemaNames(changes.Result, counted);
    }

    /// <summary>The names once domain <paramref name="old"/> is replaced by <paramref name="now"/> (either absent when <see langword="null"/>).</summary>
    public PostgresSchemaNames Replace(CatalogDomain? old, CatalogDomain? now)
    {
        var uses = _uses.ToBuilder();
        if (old is not null) Change(uses, old, -1);
        if (now is not null) Change(uses, now, 1);
        return new PostgresSchemaNames(uses.ToImmutable(), _sequencesCountedFrom);
    }

    /// <summary>The names with the sequences of the tables changed since they were counted counted again, as <paramref name="tables"/> has them.</summary>
    public PostgresSchemaNames WithSequences(IReadOnlyDictionary<QualifiedName, CatalogTable> tables, IdentifierRules rules)
    {
        if (!HasUncountedSequences) return this;
        ImmutableDictionary<QualifiedName, Uses>.Builder? uses = null;
        foreach (var (name, counted) in _sequencesCountedFrom)
        {
            var before = counted is null ? [] : counted.Columns;
            var after = tables.TryGetValue(name, out var now) ? now.Columns : [];
            if (before == after) continue;

            // A statement replaces the columns it changes and keeps the others: only those
            // between the shared start and the shared end can have gained or lost a sequence.
            var start = 0;
            while (start < before.Length && start < after.Length && ReferenceEquals(before[start], after[start])) start++;
            var end = 0;
            while (end < before.Length - start && end < after.Length - start && ReferenceEquals(before[^(end + 1)], after[^(end + 1)])) end++;
            for (var i = start; i < before.Length - end; i++) CountSequence(ref uses, before[i], rules, -1);
            for (var i = start; i < after.Length - end; i++) CountSequence(ref uses, after[i], rules, 1);
        }

        return new PostgresSchemaNames(uses?.ToImmutable() ?? _uses, ImmutableDictionary<QualifiedName, CatalogTable?>.Empty);
    }

    private void CountSequence(ref ImmutableDictionary<QualifiedName, Uses>.Builder? uses, CatalogColumn column, IdentifierRules rules, int by)
    {
        if (column.Default is { } text && SequenceDefaults.Sequence(text, rules) is { } sequence) Add(uses ??= _uses.ToBuilder(), sequence, PostgresNameSpaces.Relation, by);
    }

    /// <summary>
    /// How many tables and domains take <paramref name="name"/> in <paramref name="space"/> (one of
    /// the spaces); relations count right only once <see cref="HasUncountedSequences"/> is false.
    /// </summary>
    public int Count(QualifiedName name, PostgresNameSpaces space)
        => !_uses.TryGetValue(name, out var uses) ? 0 : space == PostgresNameSpaces.Relation ? uses.Relations : uses.Constraints;

    private static void Change(ImmutableDictionary<QualifiedName, Uses>.Builder uses, CatalogTable table, int by)
        => PostgresTableNames.VisitOwn(table, PostgresNameSpaces.Relation | PostgresNameSpaces.Constraint, (name, space) => Add(uses, name, space, by));

    private static void Change(ImmutableDictionary<QualifiedName, Uses>.Builder uses, CatalogDomain domain, int by)
    {
        foreach (var check in domain.Checks) Add(uses, new QualifiedName(domain.Name.Schema, check.Name), PostgresNameSpaces.Constraint, by);
    }

    internal static void Add(ImmutableDictionary<QualifiedName, Uses>.Builder uses, QualifiedName name, PostgresNameSpaces space, int by)
    {
        var found = uses.TryGetValue(name, out var current) ? current : default;
        var changed = space == PostgresNameSpaces.Relation ? found with { Relations = found.Relations + by } : found with { Constraints = found.Constraints + by };
        if (changed == default) uses.Remove(name);
        else uses[name] = changed;
    }

    internal readonly record struct Uses(int Relations, int Constraints);
}
