using System;
using System.Collections.Generic;
using System.Linq;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.ValueSets;

/// <summary>Every value set of the migrated schema, and how a <c>[DbEnum]</c> target names one.</summary>
internal sealed class ValueSetCatalog
{
    public ValueSetCatalog(ValueSetContents contents)
    {
        Dialect = contents.Dialect;
        Objects = contents.Objects;
    }

    public string Dialect { get; }

    public IReadOnlyList<ValueSetObject> Objects { get; }

    /// <summary>The catalog of the value-set file's <paramref name="text"/>, or an error message saying what is wrong.</summary>
    public static (ValueSetCatalog? Catalog, string? Error) Parse(string text)
    {
        var (contents, error) = ValueSetFile.Read(text);
        return contents is null ? (null, error) : (new ValueSetCatalog(contents), null);
    }

    /// <summary>
    /// The objects <paramref name="target"/> names (see <see cref="ObjectReference"/>). An exact
    /// spelling wins; otherwise a spelling that differs only in case.
    /// </summary>
    public IReadOnlyList<ValueSetObject> Resolve(string target)
    {
        var parts = ObjectReference.Split(target);
        var exact = Objects.Where(o => Matches(o, parts, StringComparison.Ordinal)).ToList();
        return exact.Count > 0 ? exact : Objects.Where(o => Matches(o, parts, StringComparison.OrdinalIgnoreCase)).ToList();
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
}
