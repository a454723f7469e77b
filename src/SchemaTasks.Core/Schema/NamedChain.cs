using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SchemaTasks.Schema;

/// <summary>
/// Items in an order of their own, each with a name unique under one comparer, held as a
/// persistent doubly linked list: every item knows its neighbours' names, in an immutable
/// dictionary by name.
/// </summary>
/// <remarks>
/// Histories place enum labels <c>BEFORE</c>/<c>AFTER</c> another and MySQL columns
/// <c>FIRST</c>/<c>AFTER</c> another, thousands of times in a row, and the engine keeps a version
/// after every statement. A list by position would have to find the neighbour's position, a scan
/// or an index that every insertion in the middle invalidates. Here an item is placed next to a
/// named neighbour by rewriting at most three dictionary entries, O(log n), and the new version
/// shares everything else with the one before. The price is that positions are not kept: the
/// order is read by walking the links (<see cref="ToImmutableArray"/>), which callers do once per
/// version, and only when they read it.
/// </remarks>
/// <typeparam name="T">What each name holds.</typeparam>
internal sealed class NamedChain<T>
{
    private readonly ImmutableDictionary<string, Link> _links;
    private readonly string? _first;
    private readonly string? _last;

    private NamedChain(ImmutableDictionary<string, Link> links, string? first, string? last)
        => (_links, _first, _last) = (links, first, last);

    /// <summary>How names are compared (MySQL's column names ignore case).</summary>
    public StringComparer Comparer => (StringComparer)_links.KeyComparer;

    /// <summary>How many items there are.</summary>
    public int Count => _links.Count;

    /// <summary>
    /// The chain of <paramref name="items"/> in their order, or <see langword="null"/> when two of
    /// them have the same name under <paramref name="comparer"/> (a chain cannot tell them apart;
    /// the caller keeps its array then).
    /// </summary>
    public static NamedChain<T>? Of(ImmutableArray<T> items, Func<T, string> nameOf, StringComparer comparer)
    {
        var links = ImmutableDictionary.CreateBuilder<string, Link>(comparer);
        for (var i = 0; i < items.Length; i++)
        {
            var name = nameOf(items[i]);
            if (links.ContainsKey(name)) return null;
            links.Add(name, new Link(name, items[i], i == 0 ? null : nameOf(items[i - 1]), i == items.Length - 1 ? null : nameOf(items[i + 1])));
        }

        return new NamedChain<T>(links.ToImmutable(), items.IsEmpty ? null : nameOf(items[0]), items.IsEmpty ? null : nameOf(items[^1]));
    }

    /// <summary>Whether an item is named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _links.ContainsKey(name);

    /// <summary>The item named <paramref name="name"/>.</summary>
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out T value)
    {
        var found = _links.TryGetValue(name, out var link);
        value = found ? link!.Value : default;
        return found;
    }

    /// <summary>A chain with <paramref name="value"/>, named <paramref name="name"/> (a new name), first.</summary>
    public NamedChain<T> InsertFirst(string name, T value) => Between(null, At(_first), name, value);

    /// <summary>A chain with <paramref name="value"/>, named <paramref name="name"/> (a new name), last.</summary>
    public NamedChain<T> InsertLast(string name, T value) => Between(At(_last), null, name, value);

    /// <summary>A chain with <paramref name="value"/>, named <paramref name="name"/> (a new name), right after the item <paramref name="existing"/> names, which must be there.</summary>
    public NamedChain<T> InsertAfter(string existing, string name, T value)
    {
        var previous = _links[existing];
        return Between(previous, At(previous.Next), name, value);
    }

    /// <summary>A chain with <paramref name="value"/>, named <paramref name="name"/> (a new name), right before the item <paramref name="existing"/> names, which must be there.</summary>
    public NamedChain<T> InsertBefore(string existing, string name, T value)
    {
        var next = _links[existing];
        return Between(At(next.Previous), next, name, value);
    }

    /// <summary>A chain without the item <paramref name="name"/> names, which must be there.</summary>
    public NamedChain<T> Remove(string name) => Without(_links[name]);

    /// <summary>
    /// A chain where the item <paramref name="name"/> names (which must be there) becomes
    /// <paramref name="value"/>, named <paramref name="newName"/> (its old name or a new one), in the same place.
    /// </summary>
    public NamedChain<T> Replace(string name, string newName, T value)
    {
        var link = _links[name];
        var rest = Without(link);
        return rest.Between(rest.At(link.Previous), rest.At(link.Next), newName, value);
    }

    /// <summary>The items in their order: a walk of the links, O(n log n).</summary>
    public ImmutableArray<T> ToImmutableArray()
    {
        var items = ImmutableArray.CreateBuilder<T>(_links.Count);
        for (var name = _first; name is not null;)
        {
            var link = _links[name];
            items.Add(link.Value);
            name = link.Next;
        }

        return items.MoveToImmutable();
    }

    private Link? At(string? name) => name is null ? null : _links[name];

    // Neighbours are linked by the names the dictionary holds (Link.Name), so that a name written
    // in another case (MySQL) still rewrites the one entry.
    private NamedChain<T> Between(Link? previous, Link? next, string name, T value)
    {
        var links = _links.Add(name, new Link(name, value, previous?.Name, next?.Name));
        if (previous is { } before) links = links.SetItem(before.Name, before with { Next = name });
        if (next is { } after) links = links.SetItem(after.Name, after with { Previous = name });
        return new NamedChain<T>(links, previous is null ? name : _first, next is null ? name : _last);
    }

    private NamedChain<T> Without(Link link)
    {
        var links = _links.Remove(link.Name);
        if (link.Previous is { } previous) links = links.SetItem(previous, links[previous] with { Next = link.Next });
        if (link.Next is { } next) links = links.SetItem(next, links[next] with { Previous = link.Previous });
        return new NamedChain<T>(links, link.Previous is null ? link.Next : _first, link.Next is null ? link.Previous : _last);
    }

    private sealed record Link(string Name, T Value, string? Previous, string? Next);
}
