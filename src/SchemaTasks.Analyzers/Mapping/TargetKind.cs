namespace SchemaTasks.Analyzers.Mapping;

/// <summary>What a mapping may name: <c>[DbEnum]</c> either kind, Npgsql an enum type, EF Core a column.</summary>
internal enum TargetKind
{
    /// <summary>An enum type or a column.</summary>
    Any,

    /// <summary>An enum type only.</summary>
    EnumType,

    /// <summary>A column only.</summary>
    Column,
}
