using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>How a PostgreSQL partitioned table splits its rows (<c>PARTITION BY RANGE | LIST | HASH</c>).</summary>
internal enum PartitionStrategy
{
    Range,
    List,
    Hash,
}

/// <summary>One element of a partition key.</summary>
/// <param name="Column">The column it is, as stored; <see langword="null"/> for an expression.</param>
/// <param name="Qualified">
/// Whether a <c>COLLATE</c> or an operator class follows the column, which a unique constraint's
/// column must then match, and which the engine does not compare.
/// </param>
internal readonly record struct PartitionKeyPart(string? Column, bool Qualified);

/// <summary>A PostgreSQL partitioned table's <c>PARTITION BY</c>: its strategy and key, in order.</summary>
internal sealed record PartitionKey(PartitionStrategy Strategy, ImmutableArray<PartitionKeyPart> Parts)
{
    /// <summary>The key after column <paramref name="from"/> is renamed to <paramref name="to"/> (the server keeps the key by column number).</summary>
    public PartitionKey WithColumnRenamed(string from, string to)
        => Parts.Any(p => p.Column == from) ? this with { Parts = [.. Parts.Select(p => p.Column == from ? p with { Column = to } : p)] } : this;

    public bool Equals(PartitionKey? other) => other is not null && Strategy == other.Strategy && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => (int)Strategy ^ Parts.Length;
}
