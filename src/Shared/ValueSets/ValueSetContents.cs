using System.Collections.Generic;

namespace SchemaTasks.ValueSets;

/// <summary>What a value-set file holds: the dialect and every object that restricts values.</summary>
internal sealed class ValueSetContents
{
    public ValueSetContents(string dialect, IReadOnlyList<ValueSetObject> objects)
    {
        Dialect = dialect;
        Objects = objects;
    }

    /// <summary><c>postgres</c>, <c>mysql</c> or <c>mariadb</c>.</summary>
    public string Dialect { get; }

    public IReadOnlyList<ValueSetObject> Objects { get; }
}
