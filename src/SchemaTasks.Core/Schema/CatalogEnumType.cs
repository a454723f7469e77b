using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>A PostgreSQL enum type.</summary>
/// <remarks>
/// A history may add thousands of labels to one type, one <c>ALTER TYPE ... ADD VALUE</c> at a
/// time, and the engine keeps a version of the type after every statement. Copying the labels
/// for each version would make such a history quadratic, so a version made by
/// <see cref="WithLabelInserted"/> shares its labels with the one before (a persistent list and
/// set), and <see cref="Labels"/> is made from them only when someone reads it.
/// </remarks>
public sealed record CatalogEnumType
{
    // At least one of _labels and _list is set; the others are made from it when first needed.
    private ImmutableArray<string> _labels;
    private ImmutableList<string>? _list;
    private ImmutableHashSet<string>? _set;

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
        _list = list;
        _set = set;
    }

    /// <summary>The type's name.</summary>
    public QualifiedName Name { get; init; }

    /// <summary>The labels in the type's sort order (declared order, with <c>BEFORE</c>/<c>AFTER</c> insertions).</summary>
    public ImmutableArray<string> Labels
    {
        get
        {
            if (_labels.IsDefault) _labels = _list!.ToImmutableArray();
            return _labels;
        }

        init
        {
            _labels = value.IsDefault ? ImmutableArray<string>.Empty : value;
            (_list, _set) = (null, null);
        }
    }

    /// <summary>How many labels the type has.</summary>
    public int LabelCount => _labels.IsDefault ? _list!.Count : _labels.Length;

    /// <summary>Whether the type has <paramref name="label"/> (ordinal).</summary>
    public bool HasLabel(string label) => LabelSet.Contains(label);

    private ImmutableList<string> LabelList => _list ??= ImmutableList.CreateRange(_labels);

    private ImmutableHashSet<string> LabelSet => _set ??= (_labels.IsDefault ? (IEnumerable<string>)_list! : _labels).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The position of <paramref name="label"/> in sort order, or -1.</summary>
    internal int IndexOfLabel(string label) => HasLabel(label) ? LabelList.IndexOf(label, StringComparer.Ordinal) : -1;

    /// <summary>
    /// The next version of the type, with <paramref name="label"/> (not one of its labels) at
    /// <paramref name="index"/>; it shares this version's labels instead of copying them.
    /// </summary>
    internal CatalogEnumType WithLabelInserted(int index, string label)
        => new(Name, LabelList.Insert(index, label), LabelSet.Add(label));

    /// <summary>Splits the type into its name and labels.</summary>
    /// <param name="Name">The type's name.</param>
    /// <param name="Labels">The labels in the type's sort order.</param>
    public void Deconstruct(out QualifiedName Name, out ImmutableArray<string> Labels) => (Name, Labels) = (this.Name, this.Labels);

    /// <summary>Equal when the names and the labels, in order, are.</summary>
    public bool Equals(CatalogEnumType? other)
    {
        if (other is null || !Name.Equals(other.Name) || LabelCount != other.LabelCount) return false;
        if (ReferenceEquals(this, other) || (_list is not null && ReferenceEquals(_list, other._list))) return true;
        return Labels.SequenceEqual(other.Labels, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((Name.GetHashCode() * 397) ^ LabelCount);
}
