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
    /// PostgreSQL: what a foreign key references, kept so that dropping the key it needs with
    /// CASCADE drops it too; <see langword="null"/> when not read (another dialect or kind).
    /// </summary>
    public ForeignKeyTarget? References { get; init; }

    /// <summary>Whether the key uses <paramref name="column"/>, compared as the dialect compares column names.</summary>
    public bool Uses(string column, StringComparison comparison)
        => Columns.Any(c => string.Equals(c, column, comparison));

    /// <summary>The key with <paramref name="from"/> renamed to <paramref name="to"/>.</summary>
    public TableKey RenameColumn(string from, string to, StringComparison comparison)
        => this with { Columns = Columns.Select(c => string.Equals(c, from, comparison) ? to : c).ToImmutableArray() };
}
