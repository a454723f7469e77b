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

/// <summary>PostgreSQL <c>DROP FUNCTION ... CASCADE</c> (or a procedure, aggregate or operator): it takes along whatever uses the routine.</summary>
internal sealed record DropRoutinesCascadeStatement(SqlToken At) : SqlStatement(At);
