using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's row security policies, read for the columns their expressions use: nothing of a
// policy is in the schema the snapshot describes, but the server refuses to retype or drop the
// columns a policy uses (ViewDependencies).

/// <summary>PostgreSQL <c>CREATE POLICY</c>: what its USING and WITH CHECK expressions read (<see langword="null"/> when absent).</summary>
internal sealed record CreatePolicyStatement(SqlToken At, string Name, QualifiedName Table, ViewQueryReferences? Using, ViewQueryReferences? Check) : SqlStatement(At);

/// <summary>PostgreSQL <c>ALTER POLICY</c> with new expressions: one not written stays as it was.</summary>
internal sealed record AlterPolicyStatement(SqlToken At, string Name, QualifiedName Table, ViewQueryReferences? Using, ViewQueryReferences? Check) : SqlStatement(At);

/// <summary>PostgreSQL <c>ALTER POLICY ... RENAME TO</c>.</summary>
internal sealed record RenamePolicyStatement(SqlToken At, string Name, QualifiedName Table, string NewName) : SqlStatement(At);

/// <summary>PostgreSQL <c>DROP POLICY</c>.</summary>
internal sealed record DropPolicyStatement(SqlToken At, string Name, QualifiedName Table) : SqlStatement(At);

/// <summary>
/// PostgreSQL <c>DROP FUNCTION</c> (or a procedure, routine, aggregate or operator): with
/// <paramref name="Cascade"/> it takes along whatever uses the routines. <paramref name="Routines"/>
/// lists the functions, procedures and routines named; empty for the other kinds.
/// </summary>
internal sealed record DropRoutinesStatement(SqlToken At, System.Collections.Immutable.ImmutableArray<DroppedRoutine> Routines, bool Cascade) : SqlStatement(At)
{
    /// <summary>Whether the statement says IF EXISTS: a name or argument list that matches nothing is then passed over.</summary>
    public bool IfExists { get; init; }
}

/// <summary>PostgreSQL <c>ALTER AGGREGATE</c>: it may rename or move an aggregate, which the engine does not follow.</summary>
internal sealed record AlterAggregateStatement(SqlToken At) : SqlStatement(At);

/// <summary>PostgreSQL <c>ALTER FUNCTION ... RENAME TO</c> or <c>SET SCHEMA</c>: <paramref name="NewName"/> differs from <paramref name="Name"/> in one part.</summary>
internal sealed record RenameRoutineStatement(SqlToken At, QualifiedName Name, QualifiedName NewName) : SqlStatement(At);

/// <summary>
/// A function, procedure or routine named by <c>DROP FUNCTION</c> (<c>PROCEDURE</c>, <c>ROUTINE</c>):
/// its argument list as <see cref="RoutineSignature.Text"/> writes it, or null when none follows the name.
/// </summary>
internal sealed record DroppedRoutine(QualifiedName Name, RoutineKind Kind = RoutineKind.Function, string? Arguments = null);

/// <summary>
/// What kind of routine a <c>DROP</c> names (PostgreSQL's <c>DROP ROUTINE</c> drops a function or a
/// procedure), or a <c>CREATE</c> makes (an aggregate is a kind of its own there).
/// </summary>
internal enum RoutineKind
{
    Function,
    Procedure,
    Routine,
    Aggregate,
}
