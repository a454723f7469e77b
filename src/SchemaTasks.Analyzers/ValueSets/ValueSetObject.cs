using System.Collections.Generic;

namespace SchemaTasks.Analyzers.ValueSets;

/// <summary>A database object that restricts a column to a set of values: an enum type, or a column.</summary>
internal sealed class ValueSetObject
{
    public ValueSetObject(string kind, string schema, string name, string column, string description, string fixTemplate, IReadOnlyList<string> values)
    {
        Kind = kind;
        Schema = schema;
        Name = name;
        Column = column;
        Description = description;
        FixTemplate = fixTemplate;
        Values = values;
    }

    /// <summary><c>enum</c> for an enum type, <c>column</c> for a column's allowed values.</summary>
    public string Kind { get; }

    public string Schema { get; }

    /// <summary>The type name, or the table name for a column.</summary>
    public string Name { get; }

    /// <summary>The column name, empty for an enum type.</summary>
    public string Column { get; }

    /// <summary>How messages name the object, e.g. <c>enum type "JobStatus"</c>.</summary>
    public string Description { get; }

    /// <summary>The migration that adds a value: <c>{value}</c> is the new value, <c>{values}</c> the whole new list, both quoted.</summary>
    public string FixTemplate { get; }

    /// <summary>The allowed values, in declared order.</summary>
    public IReadOnlyList<string> Values { get; }

    public bool IsEnumType => Kind == "enum";

    /// <summary>The name users write in <c>[DbEnum]</c>: <c>Type</c> or <c>table.column</c>.</summary>
    public string ShortName => IsEnumType ? Name : Name + "." + Column;
}
