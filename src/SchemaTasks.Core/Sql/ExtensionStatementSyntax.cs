namespace SchemaTasks.Sql;

// CREATE/DROP/ALTER EXTENSION as plain data: extensions are tracked only for the types they create.

/// <summary><c>CREATE EXTENSION</c>; <see cref="Schema"/> is the written <c>SCHEMA</c>, or <see langword="null"/>.</summary>
internal sealed record CreateExtensionStatement(SqlToken At, string Name, bool IfNotExists, string? Schema, bool Cascade) : SqlStatement(At);

internal sealed record DropExtensionStatement(SqlToken At, IReadOnlyList<string> Names, bool IfExists, bool Cascade) : SqlStatement(At);

/// <summary><c>ALTER EXTENSION name SET SCHEMA s</c>: its types move along.</summary>
internal sealed record MoveExtensionStatement(SqlToken At, string Name, string Schema) : SqlStatement(At);
