using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A PostgreSQL enum type.</summary>
/// <remarks>
/// A history may add thousands of labels to one type, one <c>ALTER TYPE ... ADD VALUE</c> at a
/// time, and the engine keeps a version of the type after every statement. Copying the labels,
/// or searching them for a <c>BEFORE</c>/<c>AFTER</c> neighbour, at each version would make such
/// a history quadratic, so a version made by <see cref="WithLabelAdded"/> shares its labels with
/// the one before, and <see cref="Labels"/> is made from them only when someone reads it. Labels
/// added last go to a persistent list and set, the cheapest to add to; the first label placed
/// next to another turns them into a <see cref="NamedChain{T}"/>, which places a label next to a
/// named one in O(log n) (once a chain, a type stays one).
/// </remarks>
public sealed record CatalogEnumType
{
    // At least one of _labels, _list (with _set) and _chain is set; _labels is made from the
    // others when first read, _set from _labels when first needed.
    private ImmutableArray<string> _labels;
    private ImmutableList<string>? _list;
    private ImmutableHashSet<string>? _set;
    private NamedChain<string>? _chain;

    /// <summary>A type with the given labels.</summary>
    /// <param name="Name">The type's name.</param>
    /// <param name="Labels">The labels in the type's sort order.</param>
    /// <remarks>The parameters are named as the properties they set, as a positional record's are.</remarks>
    public CatalogEnumType(QualifiedName Name, ImmutableArray<string> Labels)
    {
        this.Name = Name;
        _labels = Labels.IsDefault ? ImmutableArray<string>.Empty : Labels;
    }

    private CatalogEnumType(QualifiedName name, ImmutableList<string> list, ImmutableHashSet<string> set)
    {
        Name = name;
        (_list, _set) = (list, set);
    }

    private CatalogEnumType(QualifiedName name, NamedChain<string> chain)
    {
        Name = name;
        _chain = chain;
    }

    /// <summary>The type's name.</summary>
    public QualifiedName Name { get; init; }

    /// <summary>The labels in the type's sort order (declared order, with <c>BEFORE</c>/<c>AFTER</c> insertions).</summary>
    public ImmutableArray<string> Labels
    {
        get
        {
            if (_labels.IsDefault) _labels = _chain?.ToImmutableArray() ?? _list!.ToImmutableArray();
            return _labels;
        }

        init
        {
            _labels = value.IsDefault ? ImmutableArray<string>.Empty : value;
            (_list, _set, _chain) = (null, null, null);
        }
    }

    /// <summary>How many labels the type has.</summary>
    public int LabelCount => !_labels.IsDefault ? _labels.Length : _chain?.Count ?? _list!.Count;

    /// <summary>Whether the type has <paramref name="label"/> (ordinal).</summary>
    public bool HasLabel(string label) => _chain?.Contains(label) ?? LabelSet.Contains(label);

    private ImmutableHashSet<string> LabelSet => _set ??= (_labels.IsDefault ? (IEnumerable<string>)_list! : _labels).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The position of <paramref name="label"/> in sort order, or -1.</summary>
    internal int IndexOfLabel(string label) => HasLabel(label) ? Labels.IndexOf(label, StringComparer.Ordinal) : -1;

    /// <summary>
    /// The next version of the type, with <paramref name="label"/> (not one of its labels) last,
    /// or right before or after <paramref name="neighbour"/> (one of its labels); it shares this
    /// version's labels instead of copying them.
    /// </summary>
    internal CatalogEnumType WithLabelAdded(string label, string? neighbour, bool before)
    {
        if (neighbour is null && _chain is null)
        {
            return new CatalogEnumType(Name, (_list ?? ImmutableList.CreateRange(_labels)).Add(label), LabelSet.Add(label));
        }

        if ((_chain ?? NamedChain<string>.Of(Labels, l => l, StringComparer.Ordinal)) is not { } chain)
        {
            // Two labels alike (a type read from elsewhere): no chain holds them; insert by position.
            var at = neighbour is null ? LabelCount : IndexOfLabel(neighbour) + (before ? 0 : 1);
            return new CatalogEnumType(Name, Labels.Insert(at, label));
        }

        return new CatalogEnumType(
            Name,
            neighbour is null ? chain.InsertLast(label, label)
            : before ? chain.InsertBefore(neighbour, label, label)
            : chain.InsertAfter(neighbour, label, label));
    }

    /// <summary>Splits the type into its name and labels.</summary>
    /// <param name="Name">The type's name.</param>
    /// <param name="Labels">The labels in the type's sort order.</param>
    public void Deconstruct(out QualifiedName Name, out ImmutableArray<string> Labels) => (Name, Labels) = (this.Name, this.Labels);

    /// <summary>Equal when the names and the labels, in order, are.</summary>
    public bool Equals(CatalogEnumType? other)
    {
        if (other is null || !Name.Equals(other.Name) || LabelCount != other.LabelCount) return false;
        if (ReferenceEquals(this, other) || (_chain is not null && ReferenceEquals(_chain, other._chain)) || (_list is not null && ReferenceEquals(_list, other._list))) return true;
        return Labels.SequenceEqual(other.Labels, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Name.GetHashCode() * 397) ^ LabelCount);
}
