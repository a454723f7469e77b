using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A PostgreSQL table's place in table inheritance and partitioning (<see cref="TableInheritance"/>).</summary>
/// <param name="Parents">The tables it inherits from, in the order INHERITS lists them (a partition's one parent).</param>
/// <param name="Children">The tables that inherit from it (a partitioned table's partitions).</param>
internal sealed record TableInheritanceLinks(ImmutableArray<QualifiedName> Parents, ImmutableSortedSet<QualifiedName> Children)
{
    private static readonly ImmutableHashSet<string> NoNames = ImmutableHashSet<string>.Empty;

    /// <summary><c>PARTITION BY</c>: it takes partitions, and no child by INHERITS.</summary>
    public bool Partitioned { get; init; }

    /// <summary>Its <c>PARTITION BY</c> key, when <see cref="Partitioned"/>.</summary>
    public PartitionKey? Key { get; init; }

    /// <summary>Its <c>FOR VALUES</c>, when it is a partition and not the DEFAULT one.</summary>
    public PartitionBound? Bound { get; init; }

    /// <summary><c>PARTITION OF</c> (or attached): its one parent is partitioned.</summary>
    public bool IsPartition { get; init; }

    /// <summary>Its parent's <c>DEFAULT</c> partition, of which there is one at most.</summary>
    public bool IsDefaultPartition { get; init; }

    /// <summary>
    /// The columns it has only from its parents (<c>attislocal</c> false), which a parent's DROP
    /// COLUMN takes away; a column it declared itself survives it.
    /// </summary>
    public ImmutableHashSet<string> InheritedColumns { get; init; } = NoNames;

    /// <summary>The CHECK constraints it has only from its parents (<c>conislocal</c> false).</summary>
    public ImmutableHashSet<string> InheritedChecks { get; init; } = NoNames;

    public static TableInheritanceLinks? Of(ImmutableArray<QualifiedName> parents, ImmutableSortedSet<QualifiedName> children)
        => parents.IsEmpty && children.IsEmpty ? null : new(parents, children);

    /// <summary>These links, or <see langword="null"/> when they no longer say anything.</summary>
    public TableInheritanceLinks? OrNone() => Parents.IsEmpty && Children.IsEmpty && !Partitioned ? null : this;

    public bool Equals(TableInheritanceLinks? other)
        => other is not null && Parents.SequenceEqual(other.Parents) && Children.SetEquals(other.Children)
           && Partitioned == other.Partitioned && IsPartition == other.IsPartition && IsDefaultPartition == other.IsDefaultPartition
           && Equals(Key, other.Key) && Equals(Bound, other.Bound)
           && InheritedColumns.SetEquals(other.InheritedColumns) && InheritedChecks.SetEquals(other.InheritedChecks);

    public override int GetHashCode() => Parents.Length ^ (Children.Count * 397);
}
