using System.Collections.Immutable;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's triggers, read for what the server checks when it creates, drops or renames one:
// nothing of a trigger is in the schema the snapshot describes (TriggerStatements).

/// <summary>When a PostgreSQL trigger fires.</summary>
internal enum TriggerTiming
{
    Before,
    After,
    InsteadOf,
}

/// <summary>
/// PostgreSQL <c>CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name timing events ON table ... EXECUTE
/// FUNCTION | PROCEDURE function(...)</c>.
/// </summary>
/// <param name="At">The statement's first token.</param>
/// <param name="Name">The trigger's name.</param>
/// <param name="Table">The relation after ON.</param>
/// <param name="TableAt">Where the relation's name is written.</param>
/// <param name="Timing">BEFORE, AFTER or INSTEAD OF.</param>
/// <param name="UpdateColumns">The columns of <c>UPDATE OF</c>, with where each is written; empty when none.</param>
/// <param name="ForEachRow">Whether it says FOR EACH ROW (the default is FOR EACH STATEMENT).</param>
/// <param name="Function">The function after EXECUTE FUNCTION | PROCEDURE.</param>
/// <param name="FunctionQualified">Whether the function's name is written with a schema.</param>
/// <param name="FunctionAt">Where the function's name is written.</param>
internal sealed record CreateTriggerStatement(
    SqlToken At,
    string Name,
    QualifiedName Table,
    SqlToken TableAt,
    TriggerTiming Timing,
    ImmutableArray<(string Name, SqlToken At)> UpdateColumns,
    bool ForEachRow,
    QualifiedName Function,
    bool FunctionQualified,
    SqlToken FunctionAt) : SqlStatement(At)
{
    /// <summary>Whether it says OR REPLACE.</summary>
    public bool OrReplace { get; init; }

    /// <summary>Whether it is a CONSTRAINT TRIGGER.</summary>
    public bool Constraint { get; init; }

    /// <summary>Whether TRUNCATE is among its events.</summary>
    public bool Truncate { get; init; }

    /// <summary>Where its WHEN condition starts; null when it has none.</summary>
    public SqlToken? WhenAt { get; init; }

    /// <summary>Where its REFERENCING clause (transition tables) starts; null when it has none.</summary>
    public SqlToken? ReferencingAt { get; init; }
}

/// <summary>PostgreSQL <c>DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]</c>.</summary>
internal sealed record DropTriggerStatement(SqlToken At, string Name, QualifiedName Table, SqlToken TableAt, bool IfExists) : SqlStatement(At);

/// <summary>PostgreSQL <c>ALTER TRIGGER name ON table RENAME TO new</c>.</summary>
internal sealed record RenameTriggerStatement(SqlToken At, string Name, QualifiedName Table, SqlToken TableAt, string NewName) : SqlStatement(At);
