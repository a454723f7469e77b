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

    internal int IndexOfColumn(string name, SqlDialect dialect)
    {
        var comparison = Sql.IdentifierRules.For(dialect).ColumnComparison;
        for (var i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i].Name, name, comparison)) return i;
        }

        return -1;
    }
}
