namespace SchemaTasks.Schema;

/// <summary>The parts of a table whose names <see cref="PostgresTableNames.VisitOwn"/> visits.</summary>
[Flags]
internal enum PostgresTableParts
{
    None = 0,

    /// <summary>The table's own name.</summary>
    Name = 1,

    /// <summary>Its CHECK constraints.</summary>
    Checks = 2,

    /// <summary>Its other constraints and its indexes (whose kinds the keys tell).</summary>
    Keys = 4,

    All = Name | Checks | Keys,
}
