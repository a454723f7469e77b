using System.Collections.Generic;

namespace SchemaTasks.ValueSets;

/// <summary>What restricts values: an enum type itself, or a column (by whatever rules restrict it).</summary>
internal enum ValueSetObjectKind
{
    EnumType,
    Column,
}

/// <summary>
/// A database object that restricts a column to a set of values, as the value-set file carries
/// it. Its name travels in parts (schema, name, column), never as one dotted string, so a
/// quoted name that holds a dot stays one name.
/// </summary>
internal sealed class ValueSetObject
{
    public ValueSetObject(ValueSetObjectKind kind, string schema, string name, string column, string description, string fixTemplate, IReadOnlyList<string> values)
    {
        Kind = kind;
        Schema = schema;
        Name = name;
        Column = column;
        Description = description;
        FixTemplate = fixTemplate;
        Values = values;
    }

    public ValueSetObjectKind Kind { get; }

    /// <summary>The PostgreSQL schema or MySQL database; empty for MySQL's current database.</summary>
    public string Schema { get; }

    /// <summary>The type name, or the table name for a column.</summary>
    public string Name { get; }

    /// <summary>The column name, empty for an enum type.</summary>
    public string Column { get; }

    /// <summary>How messages name the object, e.g. <c>enum type "JobStatus"</c>.</summary>
    public string Description { get; }

    /// <summary>The migration that allows one more value, with <see cref="FixSql.ValuePlaceholder"/> where the quoted value goes.</summary>
    public string FixTemplate { get; }

    /// <summary>The allowed values, in declared order.</summary>
    public IReadOnlyList<string> Values { get; }

    public bool IsEnumType => Kind == ValueSetObjectKind.EnumType;

    /// <summary>The name users write in <c>[DbEnum]</c>: <c>Type</c> or <c>table.column</c>, parts quoted where they must be.</summary>
    public string ShortName => IsEnumType ? ObjectReference.Format(Name) : ObjectReference.Format(Name, Column);
}
