using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A PostgreSQL table's place in table inheritance (<see cref="TableInheritance"/>).</summary>
/// <param name="Parents">The tables it inherits from, in the order INHERITS lists them.</param>
/// <param name="Children">The tables that inherit from it.</param>
internal sealed record TableInheritanceLinks(ImmutableArray<QualifiedName> Parents, ImmutableSortedSet<QualifiedName> Children)
{
    public static TableInheritanceLinks? Of(ImmutableArray<QualifiedName> parents, ImmutableSortedSet<QualifiedName> children)
        => parents.IsEmpty && children.IsEmpty ? null : new(parents, children);

    public bool Equals(TableInheritanceLinks? other)
        => other is not null && Parents.SequenceEqual(other.Parents) && Children.SetEquals(other.Children);

    public override int GetHashCode() => Parents.Length ^ (Children.Count * 397);
}
