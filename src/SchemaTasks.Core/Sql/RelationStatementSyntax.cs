using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL relations the engine does not model (views, materialized views, sequences, foreign
// tables, indexes other than the unique ones a constraint can be made from), read only for their
// names: an IF EXISTS test on pg_class or information_schema must know them to answer.

/// <summary>
/// <c>CREATE [OR REPLACE] [TEMP] VIEW</c>, <c>CREATE MATERIALIZED VIEW</c>, <c>CREATE SEQUENCE</c>
/// or <c>CREATE FOREIGN TABLE</c>.
/// </summary>
/// <param name="At">Where the statement starts.</param>
/// <param name="Name">The relation; a temporary one has schema <c>pg_temp</c>.</param>
/// <param name="Kind">Its pg_class.relkind: <c>v</c>, <c>m</c>, <c>S</c> or <c>f</c>.</param>
/// <param name="OwnedBy">A sequence's <c>OWNED BY table.column</c>, which drops it with the column.</param>
internal sealed record CreateRelationStatement(SqlToken At, QualifiedName Name, char Kind, (QualifiedName Table, string Column)? OwnedBy) : SqlStatement(At)
{
    /// <summary>What a view's or materialized view's query reads; <see langword="null"/> for other relations, or a query not found.</summary>
    public ViewQueryReferences? Query { get; init; }

    /// <summary>A view's or materialized view's query, read for its columns (<see cref="QueryShape"/>); <see langword="null"/> when not of the forms read, or renamed by a column list.</summary>
    public QueryShape? Shape { get; init; }

    /// <summary>Whether <c>OR REPLACE</c> was written: an existing view of the name takes the new query.</summary>
    public bool OrReplace { get; init; }

    /// <summary>Whether <c>IF NOT EXISTS</c> was written: a relation of the name makes the server skip the statement.</summary>
    public bool IfNotExists { get; init; }
}

/// <summary><c>ALTER VIEW / MATERIALIZED VIEW / FOREIGN TABLE ... RENAME TO / SET SCHEMA</c>.</summary>
internal sealed record RenameRelationStatement(SqlToken At, QualifiedName Name, QualifiedName NewName) : SqlStatement(At);

/// <summary><c>ALTER VIEW / MATERIALIZED VIEW ... RENAME [COLUMN] a TO b</c>: the view's columns are no longer the ones recorded.</summary>
internal sealed record RenameRelationColumnStatement(SqlToken At, QualifiedName Name) : SqlStatement(At);

/// <summary><c>ALTER SEQUENCE ... OWNED BY table.column | NONE</c>.</summary>
internal sealed record SequenceOwnerStatement(SqlToken At, QualifiedName Name, (QualifiedName Table, string Column)? OwnedBy) : SqlStatement(At);

/// <summary><c>DROP VIEW / MATERIALIZED VIEW / FOREIGN TABLE</c>.</summary>
internal sealed record DropRelationStatement(SqlToken At, IReadOnlyList<QualifiedName> Names, bool Cascade) : SqlStatement(At);

/// <summary>
/// A PostgreSQL index other than a named unique B-tree index on plain columns, kept by name.
/// </summary>
/// <param name="At">Where the statement starts.</param>
/// <param name="Table">The indexed table (or materialized view).</param>
/// <param name="Name">The index's name; <see langword="null"/> when the server makes one up.</param>
/// <param name="Mentioned">Every name the elements and WHERE clause mention: the index goes when one of those columns is dropped.</param>
/// <param name="NameParts">For an unnamed index on plain columns, the columns its generated name is made of; <see langword="null"/> when an element is an expression.</param>
/// <param name="IfNotExists">IF NOT EXISTS: nothing happens when the name is taken.</param>
internal sealed record CreateIndexStatement(SqlToken At, QualifiedName Table, string? Name, IReadOnlyList<string> Mentioned, IReadOnlyList<string>? NameParts, bool IfNotExists) : SqlStatement(At)
{
    /// <summary>The operator classes its elements name (the last part of each name), with where each is written.</summary>
    public IReadOnlyList<(string Name, SqlToken At)> OperatorClasses { get; init; } = [];

    /// <summary><c>ON ONLY table</c>: a partitioned table's index made for it alone.</summary>
    public bool Only { get; init; }

    /// <summary>A unique index's elements (a column, qualified or not, or an expression); <see langword="null"/> for an index that is not unique.</summary>
    public IReadOnlyList<PartitionKeyPart>? UniqueElements { get; init; }
}

/// <summary>
/// A statement that creates a relation of a name the engine could not read, in <paramref name="Schema"/> (<see langword="null"/>: any).
/// <paramref name="IndexOnly"/>: it is a CREATE INDEX, so the relation owns no row type in pg_type.
/// </summary>
internal sealed record UnreadRelationStatement(SqlToken At, string? Schema, bool IndexOnly = false) : SqlStatement(At);
