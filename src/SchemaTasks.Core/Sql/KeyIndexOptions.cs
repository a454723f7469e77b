namespace SchemaTasks.Sql;

/// <summary>
/// What PostgreSQL compares, besides the key columns, to decide that two primary key or unique
/// specs of one CREATE TABLE describe the same index (and keeps only one of them), and the INCLUDE
/// columns that its generated name lists after the key columns.
/// </summary>
/// <param name="NullsNotDistinct"><c>NULLS NOT DISTINCT</c>.</param>
/// <param name="Deferrable"><c>DEFERRABLE</c> (implied by <c>INITIALLY DEFERRED</c>).</param>
/// <param name="InitiallyDeferred"><c>INITIALLY DEFERRED</c>.</param>
/// <param name="Include">The <c>INCLUDE</c> columns, in order.</param>
internal sealed record KeyIndexOptions(bool NullsNotDistinct, bool Deferrable, bool InitiallyDeferred, IReadOnlyList<string> Include)
{
    /// <summary>No options: a plain btree index.</summary>
    public static KeyIndexOptions Plain { get; } = new(false, false, false, []);

    /// <summary>Whether the two give the same index (the key columns aside).</summary>
    public bool SameIndexAs(KeyIndexOptions other)
        => NullsNotDistinct == other.NullsNotDistinct
            && Deferrable == other.Deferrable
            && InitiallyDeferred == other.InitiallyDeferred
            && Include.SequenceEqual(other.Include, StringComparer.Ordinal);
}

/// <summary>The table a PostgreSQL foreign key references, and the columns (empty: the table's primary key).</summary>
/// <param name="Table">The referenced table, as written (the default schema when unqualified).</param>
/// <param name="Columns">The referenced columns as written; empty when the reference names none.</param>
internal sealed record ForeignKeyTarget(Schema.QualifiedName Table, IReadOnlyList<string> Columns)
{
    /// <summary>
    /// <c>ON DELETE SET NULL</c> or <c>ON UPDATE SET NULL</c>: MySQL and MariaDB then need every
    /// referencing column nullable. Read for MySQL's table-level foreign keys and every inline
    /// <c>REFERENCES</c>; <see langword="false"/> where the actions were not read.
    /// </summary>
    public bool SetsNull { get; init; }
}
