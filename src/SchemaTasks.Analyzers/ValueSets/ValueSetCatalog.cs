using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.ValueSets;

/// <summary>Every value set of the migrated schema, and how a <c>[DbEnum]</c> target names one.</summary>
internal sealed class ValueSetCatalog
{
    private static readonly IReadOnlyList<ValueSetObject> None = Array.Empty<ValueSetObject>();

    // Lookups happen for every mapped value and every name in SQL text: by name with ASCII letters
    // lower-cased, then the exact rule on the few left. Two ASCII names that any rule matches have
    // equal keys; a name with other characters (which case rules may fold onto ASCII ones) is a
    // candidate for every lookup, and a lookup by such a name sees every object.
    private readonly NameIndex _enumTypes = new();
    private readonly NameIndex _columns = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<ValueSetObject>> _resolved = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyList<ValueSetObject>> _resolve;

    public ValueSetCatalog(ValueSetContents contents)
    {
        Dialect = contents.Dialect;
        Objects = contents.Objects;
        foreach (var o in Objects)
        {
            if (o.IsEnumType)
            {
                _enumTypes.Add(o.Name, o);
            }
            else
            {
                _columns.Add(o.Column, o);
            }
        }

        _resolve = ResolveUncached;
    }

    public string Dialect { get; }

    public IReadOnlyList<ValueSetObject> Objects { get; }

    /// <summary>The catalog of the value-set file's <paramref name="text"/>, or an error message saying what is wrong.</summary>
    public static (ValueSetCatalog? Catalog, string? Error) Parse(string text)
    {
        var (contents, error) = ValueSetFile.Read(text);
        return contents is null ? (null, error) : (new ValueSetCatalog(contents), null);
    }

    /// <summary>The enum types whose name is <paramref name="name"/> in some letter case.</summary>
    public IReadOnlyList<ValueSetObject> EnumTypesNamedLike(string name) => _enumTypes.Candidates(name);

    /// <summary>The restricted columns whose column name is <paramref name="column"/> in some letter case.</summary>
    public IReadOnlyList<ValueSetObject> ColumnsNamedLike(string column) => _columns.Candidates(column);

    /// <summary>
    /// The objects <paramref name="target"/> names (see <see cref="ObjectReference"/>). An exact
    /// spelling wins; otherwise a spelling that differs only in case.
    /// </summary>
    public IReadOnlyList<ValueSetObject> Resolve(string target) => _resolved.GetOrAdd(target, _resolve);

    private IReadOnlyList<ValueSetObject> ResolveUncached(string target)
    {
        var parts = ObjectReference.Split(target);
        IEnumerable<ValueSetObject> candidates = parts.Count switch
        {
            1 => EnumTypesNamedLike(parts[0]),
            2 => EnumTypesNamedLike(parts[1]).Concat(ColumnsNamedLike(parts[1])),
            3 => ColumnsNamedLike(parts[2]),
            _ => None,
        };
        var list = candidates.ToList();
        var exact = list.Where(o => Matches(o, parts, StringComparison.Ordinal)).ToList();
        return exact.Count > 0 ? exact : list.Where(o => Matches(o, parts, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static bool Matches(ValueSetObject o, IReadOnlyList<string> parts, StringComparison comparison)
    {
        bool Eq(string a, string b) => string.Equals(a, b, comparison);
        return parts.Count switch
        {
            1 => o.IsEnumType && Eq(o.Name, parts[0]),
            2 => o.IsEnumType ? Eq(o.Schema, parts[0]) && Eq(o.Name, parts[1]) : Eq(o.Name, parts[0]) && Eq(o.Column, parts[1]),
            3 => !o.IsEnumType && Eq(o.Schema, parts[0]) && Eq(o.Name, parts[1]) && Eq(o.Column, parts[2]),
            _ => false,
        };
    }

    private sealed class NameIndex
    {
        private readonly Dictionary<string, List<ValueSetObject>> _byAsciiName = new(StringComparer.Ordinal);
        private readonly List<ValueSetObject> _all = new();
        private readonly List<ValueSetObject> _nonAscii = new();

        public void Add(string name, ValueSetObject o)
        {
            _all.Add(o);
            if (AsciiKey(name) is not { } key)
            {
                _nonAscii.Add(o);
                return;
            }

            if (!_byAsciiName.TryGetValue(key, out var list))
            {
                _byAsciiName[key] = list = new List<ValueSetObject>(1);
            }

            list.Add(o);
        }

        public IReadOnlyList<ValueSetObject> Candidates(string name)
        {
            if (AsciiKey(name) is not { } key)
            {
                return _all;
            }

            var named = _byAsciiName.TryGetValue(key, out var list) ? list : (IReadOnlyList<ValueSetObject>)None;
            return _nonAscii.Count == 0 ? named : named.Concat(_nonAscii).ToList();
        }

        // The name with ASCII letters lower-cased; null when it holds any other character.
        private static string? AsciiKey(string name)
        {
            foreach (var c in name)
            {
                if (c > 0x7F)
                {
                    return null;
                }
            }

            return name.ToLowerInvariant();
        }
    }
}
