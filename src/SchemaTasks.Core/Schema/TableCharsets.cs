using System.Collections.Immutable;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL: the charsets the migrations set for a table (its default, for columns added later) and
/// for its character columns. A charset missing here is the database's default, which the
/// migrations cannot tell.
/// </summary>
/// <param name="Default">The table's default charset, or <see langword="null"/> when not known.</param>
/// <param name="Columns">The known charsets of columns, by column name.</param>
internal sealed record TableCharsets(string? Default, ImmutableDictionary<string, string> Columns)
{
    /// <summary>The table's default collation as the migrations wrote it, in lower case; <see langword="null"/> when they wrote none (its charset's default).</summary>
    public string? DefaultCollation { get; init; }

    /// <summary>The charsets of <paramref name="table"/> so far; none known when the migrations set none.</summary>
    public static TableCharsets Of(CatalogTable table, IdentifierRules rules)
        => table.Charsets ?? new TableCharsets(null, ImmutableDictionary.Create<string, string>(rules.ColumnComparer));

    /// <summary>MariaDB: the collations of columns the migrations tell (<see cref="MariaDbColumnCollations"/>), by column name; <see langword="null"/> when none.</summary>
    public ImmutableDictionary<string, string>? Collations { get; init; }

    /// <summary>A charset a statement names, or <see langword="null"/> when it names none the migrations can tell.</summary>
    public static string? Known(string? written) => string.IsNullOrEmpty(written) ? null : written;

    /// <summary>The known charset of <paramref name="column"/>, or <see langword="null"/>.</summary>
    public string? Of(string column) => Columns.TryGetValue(column, out var charset) ? charset : null;

    /// <summary>The known collation of <paramref name="column"/>, or <see langword="null"/>.</summary>
    public string? CollationOf(string column) => Collations is { } collations && collations.TryGetValue(column, out var collation) ? collation : null;

    /// <summary>These charsets with <paramref name="column"/> in <paramref name="collation"/> (<see langword="null"/>: not known).</summary>
    public TableCharsets WithCollation(string column, string? collation, IdentifierRules rules)
        => collation is not null
            ? this with { Collations = (Collations ?? ImmutableDictionary.Create<string, string>(rules.ColumnComparer)).SetItem(column, collation) }
            : Collations is { } collations && collations.ContainsKey(column) ? this with { Collations = collations.Remove(column) } : this;

    /// <summary>The charset a column definition gives its column: its own, else the table's default.</summary>
    public string? For(ColumnSpec column) => column.Charset is { } own ? Known(own) : Default;

    /// <summary>Equal when the default and every column's charset are.</summary>
    public bool Equals(TableCharsets? other)
    {
        if (other is null || Default != other.Default || DefaultCollation != other.DefaultCollation || Columns.Count != other.Columns.Count) return false;
        if ((Collations?.Count ?? 0) != (other.Collations?.Count ?? 0)) return false;

        // Loops rather than LINQ: asked after every MariaDB ALTER TABLE of a table with a primary key (MariaDbKeyLength).
        foreach (var (column, charset) in Columns)
        {
            if (!other.Columns.TryGetValue(column, out var otherCharset) || otherCharset != charset) return false;
        }

        if (Collations is null) return true;
        foreach (var (column, collation) in Collations)
        {
            if (other.CollationOf(column) != collation) return false;
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => unchecked(((Default is null ? 0 : StringComparer.Ordinal.GetHashCode(Default)) * 397) ^ Columns.Count);

    /// <summary>These charsets with <paramref name="column"/> in <paramref name="charset"/> (<see langword="null"/>: not known).</summary>
    public TableCharsets WithColumn(string column, string? charset)
    {
        // A new charset leaves the column's collation to be told again.
        var collations = Collations is { } known && known.ContainsKey(column) ? known.Remove(column) : Collations;
        return Known(charset) is { } named
            ? this with { Columns = Columns.SetItem(column, named), Collations = collations }
            : this with { Columns = Columns.Remove(column), Collations = collations };
    }
}
