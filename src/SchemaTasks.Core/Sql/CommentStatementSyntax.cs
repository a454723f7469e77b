using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>What a PostgreSQL <c>COMMENT ON</c> names, of the objects the engine tracks.</summary>
internal enum CommentTarget : byte
{
    Table,
    Column,
    Constraint,
}

/// <summary>
/// PostgreSQL <c>COMMENT ON TABLE t</c>, <c>COMMENT ON COLUMN t.c</c> or <c>COMMENT ON CONSTRAINT k ON t</c>:
/// a comment is not in the schema, but the server refuses one on an object that does not exist.
/// </summary>
/// <param name="At">The statement's first token.</param>
/// <param name="Target">Which kind of object it names.</param>
/// <param name="Table">The table (or, to the server, any relation of that name).</param>
/// <param name="TableAt">Where the table's name starts.</param>
/// <param name="Member">The column or constraint named; <see langword="null"/> for <see cref="CommentTarget.Table"/>.</param>
/// <param name="MemberAt">Where <paramref name="Member"/> is written.</param>
internal sealed record CommentOnStatement(SqlToken At, CommentTarget Target, QualifiedName Table, SqlToken TableAt, string? Member, SqlToken MemberAt) : SqlStatement(At);
