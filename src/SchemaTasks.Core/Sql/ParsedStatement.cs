namespace SchemaTasks.Sql;

/// <summary>
/// What <see cref="DdlParser.Parse"/> gave for a whole statement: the statement (or
/// <see langword="null"/> for one that shapes no tracked object), or the refusal it raised.
/// </summary>
/// <param name="Statement">The statement, when it parsed.</param>
/// <param name="Refusal">The refusal, when it did not.</param>
internal sealed record ParsedStatement(SqlStatement? Statement, SqlParseException? Refusal);
