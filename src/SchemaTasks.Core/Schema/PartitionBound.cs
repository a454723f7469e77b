using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>What a value in a partition's <c>FOR VALUES</c> is, as written.</summary>
internal enum BoundValueKind
{
    /// <summary>An expression the engine does not evaluate (and a value not written).</summary>
    Other,

    /// <summary>A numeric literal, with its sign.</summary>
    Number,

    /// <summary>A string literal, or a typed one (<c>date '2024-01-01'</c>, <c>'1'::int</c>).</summary>
    String,

    Null,
    MinValue,
    MaxValue,
}

/// <summary>One value of a partition bound: its kind and its text (a string literal's value, a number's digits).</summary>
internal readonly record struct BoundValue(BoundValueKind Kind, string Text);

/// <summary>
/// A PostgreSQL partition's <c>FOR VALUES</c>: <c>FROM (...) TO (...)</c> (<see cref="Lower"/> and
/// <see cref="Upper"/>), <c>IN (...)</c> (<see cref="Lower"/> holds the values) or <c>WITH
/// (MODULUS m, REMAINDER r)</c> (<see cref="Lower"/> holds m and r). A DEFAULT partition has none.
/// </summary>
internal sealed record PartitionBound(PartitionStrategy Strategy, ImmutableArray<BoundValue> Lower, ImmutableArray<BoundValue> Upper)
{
    public bool Equals(PartitionBound? other)
        => other is not null && Strategy == other.Strategy && Lower.SequenceEqual(other.Lower) && Upper.SequenceEqual(other.Upper);

    public override int GetHashCode() => (int)Strategy ^ (Lower.Length * 31);
}
