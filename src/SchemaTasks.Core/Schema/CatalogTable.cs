using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A table with its ordered columns and its constraints.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Columns">The columns in table order.</param>
/// <param name="Checks">The CHECK constraints, in the order added.</param>
/// <param name="OtherConstraints">
/// Names of the table's primary key, unique, foreign key and exclusion constraints; tracked
/// only so that dropping or renaming them is understood.
/// </param>
public sealed record CatalogTable(
    QualifiedName Name,
    ImmutableArray<CatalogColumn> Columns,
    ImmutableArray<CatalogCheck> Checks,
    ImmutableSortedSet<string> OtherConstraints)
{
    // A history may add hundreds of columns to one table, one ALTER TABLE ... ADD COLUMN at a
    // time (in MySQL often FIRST or AFTER another column), and the engine keeps a version of the
    // table after every statement. So that such a run stays linear, a version made by
    // WithColumnAdded or WithColumnReplaced shares its columns with the one before (a chain, which
    // places a column next to a named one in O(log n)), and Columns is made from them only when
    // someone reads it. At least one of _columns and _chain is set. _columnIndex finds positions
    // in _columns, for the callers that want one (they read Columns anyway).
    //
    // A chain costs a link and a dictionary entry per column, about fifteen times the memory of
    // copying the array of a table of thirty columns, and most tables are narrow. So a table
    // narrower than ChainWorthBuilding is copied: each version costs at most that many
    // references, and a run of changes stays linear.
    private const int ChainWorthBuilding = 64;

    private ImmutableArray<CatalogColumn> _columns = Columns.IsDefault ? [] : Columns;
    private NamedChain<CatalogColumn>? _chain;
    private ColumnIndex? _columnIndex;

    /// <summary>The columns in table order.</summary>
    public ImmutableArray<CatalogColumn> Columns
    {
        get
        {
            if (_columns.IsDefault) _columns = _chain!.ToImmutableArray();
            return _columns;
        }

        init
        {
            _columns = value.IsDefault ? [] : value;
            (_chain, _columnIndex) = (null, null);
        }
    }

    /// <summary>How many columns the table has.</summary>
    internal int ColumnCount => _columns.IsDefault ? _chain!.Count : _columns.Length;

    /// <summary>
    /// The columns of the constraints in <see cref="OtherConstraints"/> that migrations created;
    /// a name without an entry (read from a live database or a snapshot) has unknown columns.
    /// </summary>
    internal ImmutableDictionary<string, TableKey> Keys
    {
        get => _keys;
        init => (_keys, _referencedTables) = (value, null);
    }

    // Keys are looked up by name as OtherConstraints are (see KeyNameComparer).
    private ImmutableDictionary<string, TableKey> _keys = NoKeys(OtherConstraints);

    private static readonly ImmutableDictionary<string, TableKey> NoKeysIgnoringCase = ImmutableDictionary.Create<string, TableKey>(StringComparer.OrdinalIgnoreCase);

    // The tables this one's foreign keys reference, found when first asked: a DROP COLUMN asks
    // every table whether it references the dropped column's, and most tables stay the same
    // object from one statement to the next.
    private HashSet<QualifiedName>? _referencedTables;

    private static ImmutableDictionary<string, TableKey> NoKeys(ImmutableSortedSet<string>? constraints)
        => constraints is not null && ReferenceEquals(constraints.KeyComparer, StringComparer.OrdinalIgnoreCase) ? NoKeysIgnoringCase : ImmutableDictionary<string, TableKey>.Empty;

    /// <summary>
    /// PostgreSQL: the row security policies on the table, by name, with what their expressions
    /// use (<see cref="ViewDependencies"/>). Known only for catalogs the migrations build.
    /// </summary>
    internal ImmutableSortedDictionary<string, TablePolicy> Policies { get; init; } = ImmutableSortedDictionary<string, TablePolicy>.Empty;

    /// <summary>
    /// PostgreSQL: the triggers on the table, by name (<see cref="TriggerStatements"/>). Not part of
    /// the snapshot; known only for catalogs the migrations build.
    /// </summary>
    internal ImmutableSortedDictionary<string, TableTrigger> Triggers { get; init; } = ImmutableSortedDictionary.Create<string, TableTrigger>(StringComparer.Ordinal);

    /// <summary>
    /// PostgreSQL: the composite type of a typed table (<c>CREATE TABLE t OF type</c>, <c>ALTER
    /// TABLE t OF type</c>), whose attributes are its columns (<see cref="TypedTables"/>); null for
    /// any other table. Not part of the snapshot; known only for catalogs the migrations build.
    /// </summary>
    internal QualifiedName? OfType { get; init; }

    /// <summary>
    /// How the names of the table's keys, indexes and constraints compare: the
    /// <see cref="Sql.IdentifierRules.KeyNameComparer"/> of its dialect, which the engine gives
    /// <see cref="OtherConstraints"/> when it makes the table (a set made otherwise compares as written).
    /// </summary>
    internal StringComparer KeyNameComparer
        => ReferenceEquals(OtherConstraints.KeyComparer, StringComparer.OrdinalIgnoreCase) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>An empty set of constraint names that compares them as <paramref name="rules"/> compare key names.</summary>
    internal static ImmutableSortedSet<string> NoConstraints(Sql.IdentifierRules rules)
        => ReferenceEquals(rules.KeyNameComparer, StringComparer.OrdinalIgnoreCase) ? NoConstraintsIgnoringCase : NoConstraintsAsWritten;

    private static readonly ImmutableSortedSet<string> NoConstraintsIgnoringCase = ImmutableSortedSet.Create<string>(StringComparer.OrdinalIgnoreCase);
    private static readonly ImmutableSortedSet<string> NoConstraintsAsWritten = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>
    /// The spelling <see cref="Keys"/> keeps for <paramref name="name"/> (MySQL: the first one
    /// written, whatever case a later statement uses), else <paramref name="name"/> itself.
    /// </summary>
    internal string StoredKeyName(string name) => Keys.TryGetKey(name, out var stored) ? stored : name;

    /// <summary>The CHECK constraint named <paramref name="name"/>, compared as <see cref="KeyNameComparer"/> says, or <see langword="null"/>.</summary>
    internal CatalogCheck? FindCheck(string name)
    {
        var comparer = KeyNameComparer;
        foreach (var check in Checks)
        {
            if (comparer.Equals(check.Name, name)) return check;
        }

        return null;
    }

    /// <summary>The table without its primary key, unique, foreign key or exclusion constraint (or index) <paramref name="name"/>.</summary>
    internal CatalogTable WithoutConstraint(string name)
        => this with { OtherConstraints = OtherConstraints.Remove(name), Keys = Keys.Remove(name) };

    /// <summary>Whether a foreign key of this table references <paramref name="table"/> (one read from a snapshot, whose target is not known, never does).</summary>
    internal bool References(QualifiedName table) => Referenced().Contains(table);

    /// <summary>The tables the foreign keys of this table reference (those read from a snapshot, whose targets are not known, are left out).</summary>
    /// <remarks>The set is the table's own (a shared one when empty): read it, never change it.</remarks>
    internal HashSet<QualifiedName> ReferencedTables => Referenced();

    private HashSet<QualifiedName> Referenced()
    {
        var referenced = _referencedTables;
        if (referenced is null)
        {
            foreach (var key in _keys)
            {
                if (key.Value.References is { } target) (referenced ??= []).Add(target.Table);
            }

            // Most tables reference none: they share one empty set, which nothing adds to.
            _referencedTables = referenced ??= NoReferencedTables;
        }

        return referenced;
    }

    private static readonly HashSet<QualifiedName> NoReferencedTables = [];

    /// <summary>
    /// PostgreSQL: the tables this one inherits from (<c>INHERITS</c>) and those that inherit from
    /// it; <see langword="null"/> for a table in no inheritance, as nearly all are (<see cref="TableInheritance"/>).
    /// </summary>
    internal TableInheritanceLinks? Inheritance { get; init; }

    /// <summary>
    /// MySQL: the charsets the migrations gave the table and its columns, which decide what
    /// <c>CONVERT TO CHARACTER SET</c> makes of TEXT types; <see langword="null"/> when none are
    /// known (a table read from a live database or a snapshot, or of PostgreSQL). Part of equality,
    /// as <see cref="Keys"/> are, so that a statement that changes only them makes a new version.
    /// </summary>
    internal TableCharsets? Charsets { get; init; }

    /// <summary>
    /// MySQL: whether <see cref="Keys"/> holds every index of the table, as for one a migration
    /// created; not for one read from a live database or a snapshot, which keep no plain indexes.
    /// </summary>
    internal bool IndexesKnown { get; init; }

    /// <summary>
    /// The column named <paramref name="name"/>, compared as the dialect compares column names
    /// (MySQL: ignoring case), or <see langword="null"/>.
    /// </summary>
    public CatalogColumn? FindColumn(string name, SqlDialect dialect)
    {
        if (_chain is { } chain && chain.Comparer == Sql.IdentifierRules.For(dialect).ColumnComparer)
        {
            return chain.TryGetValue(name, out var column) ? column : null;
        }

        var index = IndexOfColumn(name, dialect);
        return index < 0 ? null : Columns[index];
    }

    /// <summary>
    /// The next version of the table, with <paramref name="column"/> (a name it does not have)
    /// placed as MySQL's <c>FIRST</c> or <c>AFTER</c> <paramref name="after"/> says: last without
    /// them, and when <paramref name="after"/> names no column (the server refuses that; the order
    /// stays as it was). It shares this version's columns instead of copying them.
    /// </summary>
    internal CatalogTable WithColumnAdded(CatalogColumn column, bool first, string? after, SqlDialect dialect)
    {
        if (ChainFor(dialect) is not { } chain)
        {
            var columns = Columns.Add(column);
            var placed = Moved(columns, columns.Length - 1, first, after, dialect);
            var next = this with { Columns = placed };

            // Added last, every other column keeps its position, so this version's index of
            // positions serves the next one too (ColumnIndex looks past its end): a history adds
            // columns to wide tables one statement at a time.
            if (placed == columns) next._columnIndex = _columnIndex;
            return next;
        }

        var last = !(after is not null && chain.Contains(after)) && !(first && after is null);
        chain = last ? chain.InsertLast(column.Name, column)
            : after is not null ? chain.InsertAfter(after, column.Name, column)
            : chain.InsertFirst(column.Name, column);
        return this with { _columns = default, _chain = chain, _columnIndex = last ? _columnIndex : null };
    }

    /// <summary>
    /// The next version of the table, with <paramref name="column"/> in place of column
    /// <paramref name="old"/> (MODIFY/CHANGE; no other column has <paramref name="column"/>'s
    /// name), where it was or placed as MySQL's <c>FIRST</c> or <c>AFTER</c>
    /// <paramref name="after"/> says (where it was when <paramref name="after"/> names no other
    /// column). It shares this version's columns instead of copying them.
    /// </summary>
    internal CatalogTable WithColumnReplaced(string old, CatalogColumn column, bool first, string? after, SqlDialect dialect)
    {
        if (ChainFor(dialect) is not { } chain)
        {
            var index = IndexOfColumn(old, dialect);
            return first || after is not null
                ? this with { Columns = Moved(Columns.SetItem(index, column), index, first, after, dialect) }
                : WithColumnChanged(index, column);
        }

        var rest = first || after is not null ? chain.Remove(old) : null;
        chain = after is not null && rest!.Contains(after) ? rest.InsertAfter(after, column.Name, column)
            : first && after is null ? rest!.InsertFirst(column.Name, column)
            : chain.Replace(old, column.Name, column);
        return this with { _columns = default, _chain = chain, _columnIndex = null };
    }

    /// <summary>
    /// The next version of the table, with the column at <paramref name="index"/> replaced by
    /// <paramref name="column"/>, where it was: a change of its type, nullability or default, or a
    /// rename. A column that keeps its name keeps its position, so this version's index of positions
    /// serves the next one too: a history changes columns of wide tables thousands of times, and
    /// building the index again for each version was a twelfth of what the engine allocated.
    /// </summary>
    internal CatalogTable WithColumnChanged(int index, CatalogColumn column)
    {
        var sameName = string.Equals(Columns[index].Name, column.Name, StringComparison.Ordinal);
        var next = this with { Columns = Columns.SetItem(index, column) };
        if (sameName) next._columnIndex = _columnIndex;
        return next;
    }

    // The chain under the dialect's comparison of names, made from the columns when this version
    // has none (or one under another comparison); null when two columns have the same name, and
    // for a table narrower than ChainWorthBuilding that has none yet.
    private NamedChain<CatalogColumn>? ChainFor(SqlDialect dialect)
    {
        var comparer = Sql.IdentifierRules.For(dialect).ColumnComparer;
        if (_chain is { } chain && chain.Comparer == comparer) return chain;
        return ColumnCount < ChainWorthBuilding ? null : NamedChain<CatalogColumn>.Of(Columns, c => c.Name, comparer);
    }

    internal int IndexOfColumn(string name, SqlDialect dialect)
    {
        var rules = Sql.IdentifierRules.For(dialect);
        if (ColumnCount > ColumnIndex.WorthBuilding)
        {
            var columns = Columns;
            if (_columnIndex is null || _columnIndex.Comparer != rules.ColumnComparer || columns.Length - _columnIndex.Covered > ColumnIndex.WorthBuilding)
            {
                _columnIndex = ColumnIndex.Of(columns, rules.ColumnComparer);
            }

            return _columnIndex.Find(name, columns);
        }

        return IndexIn(Columns, name, rules.ColumnComparison);
    }

    private static int IndexIn(ImmutableArray<CatalogColumn> columns, string name, StringComparison comparison)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, comparison)) return i;
        }

        return -1;
    }

    // Where there is no chain (a narrow table, or two columns with the same name): the column at
    // `index` moved as FIRST / AFTER say, by copying the array.
    private static ImmutableArray<CatalogColumn> Moved(ImmutableArray<CatalogColumn> columns, int index, bool first, string? after, SqlDialect dialect)
    {
        if (!first && after is null) return columns;
        var rest = columns.RemoveAt(index);
        var at = 0;
        if (after is not null)
        {
            var previous = IndexIn(rest, after, Sql.IdentifierRules.For(dialect).ColumnComparison);
            if (previous < 0) return columns;
            at = previous + 1;
        }

        return rest.Insert(at, columns[index]);
    }

    /// <summary>
    /// Equal when the names, the columns (in order), the checks, the other constraints and their
    /// keys (and the policies, triggers, charsets, inheritance and type of a typed table) are; how the columns happen to be held (shared with an earlier version, or already
    /// made into an array) does not count.
    /// </summary>
    public bool Equals(CatalogTable? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return Name.Equals(other.Name)
            && SameColumns(other)
            && EqualityComparer<ImmutableArray<CatalogCheck>>.Default.Equals(Checks, other.Checks)
            && EqualityComparer<ImmutableSortedSet<string>>.Default.Equals(OtherConstraints, other.OtherConstraints)
            && EqualityComparer<ImmutableDictionary<string, TableKey>>.Default.Equals(Keys, other.Keys)
            && EqualityComparer<ImmutableSortedDictionary<string, TablePolicy>>.Default.Equals(Policies, other.Policies)
            && EqualityComparer<ImmutableSortedDictionary<string, TableTrigger>>.Default.Equals(Triggers, other.Triggers)
            && Equals(Charsets, other.Charsets)
            && Inheritance == other.Inheritance
            && OfType == other.OfType;
    }

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Name.GetHashCode() * 397) ^ ColumnCount);

    private bool SameColumns(CatalogTable other)
    {
        if (ColumnCount != other.ColumnCount) return false;
        if (_chain is not null && ReferenceEquals(_chain, other._chain)) return true;
        return Columns.SequenceEqual(other.Columns);
    }

    /// <summary>Column positions by name, under one dialect's comparison.</summary>
    /// <remarks>
    /// Made once per version of a wide table that someone looks a column up in, and never
    /// changed after: a plain dictionary, which costs a fraction of an immutable one to build. A
    /// later version that only changed or added columns after the ones it covers keeps using it,
    /// and a name it lacks is looked for among those added.
    /// </remarks>
    private sealed class ColumnIndex(StringComparer comparer, Dictionary<string, int> positions, int covered)
    {
        /// <summary>Below this many columns a scan is as fast as a lookup.</summary>
        public const int WorthBuilding = 8;

        public StringComparer Comparer { get; } = comparer;

        /// <summary>How many of the first columns the index holds.</summary>
        public int Covered { get; } = covered;

        public static ColumnIndex Of(ImmutableArray<CatalogColumn> columns, StringComparer comparer)
        {
            var positions = new Dictionary<string, int>(columns.Length, comparer);
            for (var i = 0; i < columns.Length; i++)
            {
                positions.TryAdd(columns[i].Name, i);
            }

            return new ColumnIndex(comparer, positions, columns.Length);
        }

        public int Find(string name, ImmutableArray<CatalogColumn> columns)
        {
            if (positions.TryGetValue(name, out var index)) return index;
            for (var i = Covered; i < columns.Length; i++)
            {
                if (Comparer.Equals(columns[i].Name, name)) return i;
            }

            return -1;
        }
    }
}
