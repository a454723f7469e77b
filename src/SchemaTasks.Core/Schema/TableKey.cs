using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The columns a primary key, unique, foreign key or exclusion constraint uses, kept beside its
/// name so that DROP COLUMN and RENAME COLUMN do to it what the server does.
/// </summary>
/// <param name="Kind">What the constraint is.</param>
/// <param name="Columns">The table's columns it uses, in key order (for an exclusion constraint or a functional key part, every column the elements mention).</param>
internal sealed record TableKey(ConstraintKind Kind, ImmutableArray<string> Columns)
{
    /// <summary>A key made from an existing index (PostgreSQL's <c>UNIQUE USING INDEX</c>): its columns are not known.</summary>
    public bool ColumnsUnknown { get; init; }

    /// <summary>
    /// What a foreign key references: PostgreSQL drops the key it needs with CASCADE, and MySQL
    /// refuses to drop the last index that serves it; <see langword="null"/> when not read.
    /// </summary>
    public ForeignKeyTarget? References { get; init; }

    /// <summary>
    /// MySQL: an index that cannot serve a foreign key (FULLTEXT, SPATIAL, or with a prefix or an
    /// expression among its parts), so the server makes the foreign key an index of its own.
    /// </summary>
    public bool Unfit { get; init; }

    /// <summary>
    /// MariaDB: a foreign key written without a name, so the server chose it, and a newer server
    /// chooses another (<see cref="MariaDbGeneratedForeignKeyNames"/>).
    /// </summary>
    public bool NameGenerated { get; init; }

    /// <summary>
    /// MySQL: the index that shares a foreign key's name, or the one the server made for it
    /// (<see cref="MySqlForeignKeyIndexes"/>); <see langword="null"/> when another index serves it.
    /// </summary>
    public ForeignKeyIndex? Index { get; init; }

    /// <summary>Whether the key uses <paramref name="column"/>, compared as the dialect compares column names.</summary>
    public bool Uses(string column, StringComparison comparison)
        => Columns.Any(c => string.Equals(c, column, comparison));

    /// <summary>The key with <paramref name="from"/> renamed to <paramref name="to"/>.</summary>
    public TableKey RenameColumn(string from, string to, StringComparison comparison)
        => this with
        {
            Columns = Renamed(Columns, from, to, comparison),
            Index = Index is { } index ? index with { Columns = Renamed(index.Columns, from, to, comparison) } : null,
        };

    private static ImmutableArray<string> Renamed(ImmutableArray<string> columns, string from, string to, StringComparison comparison)
        => columns.Select(c => string.Equals(c, from, comparison) ? to : c).ToImmutableArray();
}
