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
    // time, and the engine keeps a version of the table after every statement. So that such a
    // run stays linear, a version made by WithColumnAppended shares its columns with the one
    // before (a persistent list, and a name index once the table is wide), and Columns is made
    // from them only when someone reads it. At least one of _columns and _columnList is set.
    private ImmutableArray<CatalogColumn> _columns = Columns.IsDefault ? [] : Columns;
    private ImmutableList<CatalogColumn>? _columnList;
    private ColumnIndex? _columnIndex;

    /// <summary>The columns in table order.</summary>
    public ImmutableArray<CatalogColumn> Columns
    {
        get
        {
            if (_columns.IsDefault) _columns = _columnList!.ToImmutableArray();
            return _columns;
        }

        init
        {
            _columns = value.IsDefault ? [] : value;
            (_columnList, _columnIndex) = (null, null);
        }
    }

    /// <summary>How many columns the table has.</summary>
    internal int ColumnCount => _columns.IsDefault ? _columnList!.Count : _columns.Length;

    /// <summary>
    /// The columns of the constraints in <see cref="OtherConstraints"/> that migrations created;
    /// a name without an entry (read from a live database or a snapshot) has unknown columns.
    /// </summary>
    internal ImmutableDictionary<string, TableKey> Keys { get; init; } = ImmutableDictionary<string, TableKey>.Empty;

    /// <summary>
    /// The column named <paramref name="name"/>, compared as the dialect compares column names
    /// (MySQL: ignoring case), or <see langword="null"/>.
    /// </summary>
    public CatalogColumn? FindColumn(string name, SqlDialect dialect)
    {
        var index = IndexOfColumn(name, dialect);
        return index < 0 ? null : Columns[index];
    }

    /// <summary>
    /// The next version of the table, with <paramref name="column"/> (a name it does not have)
    /// last; it shares this version's columns instead of copying them.
    /// </summary>
    internal CatalogTable WithColumnAppended(CatalogColumn column)
    {
        var list = _columnList ?? ImmutableList.CreateRange(_columns);
        var index = _columnIndex?.With(column.Name, list.Count);
        return this with { _columns = default, _columnList = list.Add(column), _columnIndex = index };
    }

    internal int IndexOfColumn(string name, SqlDialect dialect)
    {
        var rules = Sql.IdentifierRules.For(dialect);
        if (ColumnCount > ColumnIndex.WorthBuilding)
        {
            if (_columnIndex is null || _columnIndex.Comparer != rules.ColumnComparer) _columnIndex = ColumnIndex.Of(Columns, rules.ColumnComparer);
            return _columnIndex.Find(name);
        }

        var comparison = rules.ColumnComparison;
        var columns = Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, comparison)) return i;
        }

        return -1;
    }

    /// <summary>
    /// Equal when the names, the columns (in order), the checks, the other constraints and their
    /// keys are; how the columns happen to be held (shared with an earlier version, or already
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
            && EqualityComparer<ImmutableDictionary<string, TableKey>>.Default.Equals(Keys, other.Keys);
    }

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Name.GetHashCode() * 397) ^ ColumnCount);

    private bool SameColumns(CatalogTable other)
    {
        if (ColumnCount != other.ColumnCount) return false;
        if (_columnList is not null && ReferenceEquals(_columnList, other._columnList)) return true;
        return Columns.SequenceEqual(other.Columns);
    }

    /// <summary>Column positions by name, under one dialect's comparison.</summary>
    private sealed class ColumnIndex(StringComparer comparer, ImmutableDictionary<string, int> positions)
    {
        /// <summary>Below this many columns a scan is as fast as a lookup.</summary>
        public const int WorthBuilding = 32;

        public StringComparer Comparer { get; } = comparer;

        public static ColumnIndex Of(ImmutableArray<CatalogColumn> columns, StringComparer comparer)
        {
            var positions = ImmutableDictionary.CreateBuilder<string, int>(comparer);
            for (var i = 0; i < columns.Length; i++)
            {
                if (!positions.ContainsKey(columns[i].Name)) positions.Add(columns[i].Name, i);
            }

            return new ColumnIndex(comparer, positions.ToImmutable());
        }

        public int Find(string name) => positions.TryGetValue(name, out var index) ? index : -1;

        public ColumnIndex With(string name, int index) => new(Comparer, positions.SetItem(name, index));
    }
}
