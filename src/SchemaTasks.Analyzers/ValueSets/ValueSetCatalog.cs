using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaTasks.Analyzers.ValueSets;

/// <summary>Every value set of the migrated schema, and how a <c>[DbEnum]</c> target names one.</summary>
internal sealed class ValueSetCatalog
{
    public ValueSetCatalog(string dialect, IReadOnlyList<ValueSetObject> objects)
    {
        Dialect = dialect;
        Objects = objects;
    }

    public string Dialect { get; }

    public IReadOnlyList<ValueSetObject> Objects { get; }

    /// <summary>
    /// The objects <paramref name="target"/> names: <c>Type</c>, <c>schema.Type</c>,
    /// <c>table.column</c> or <c>schema.table.column</c>, with optional <c>"</c> or <c>`</c>
    /// quotes. An exact spelling wins; otherwise a spelling that differs only in case.
    /// </summary>
    public IReadOnlyList<ValueSetObject> Resolve(string target)
    {
        var parts = target.Split('.').Select(p => p.Trim().Trim('"', '`')).ToArray();
        var exact = Objects.Where(o => Matches(o, parts, StringComparison.Ordinal)).ToList();
        return exact.Count > 0 ? exact : Objects.Where(o => Matches(o, parts, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private static bool Matches(ValueSetObject o, string[] parts, StringComparison comparison)
    {
        bool Eq(string a, string b) => string.Equals(a, b, comparison);
        return parts.Length switch
        {
            1 => o.IsEnumType && Eq(o.Name, parts[0]),
            2 => o.IsEnumType ? Eq(o.Schema, parts[0]) && Eq(o.Name, parts[1]) : Eq(o.Name, parts[0]) && Eq(o.Column, parts[1]),
            3 => !o.IsEnumType && Eq(o.Schema, parts[0]) && Eq(o.Name, parts[1]) && Eq(o.Column, parts[2]),
            _ => false,
        };
    }
}
