namespace SchemaTasks.Sql;

/// <summary>
/// Unwinds the recursive-descent parser to the statement boundary, where it becomes a
/// diagnostic. Never escapes <see cref="DdlParser"/>.
/// </summary>
internal sealed class SqlParseException(string code, string message, SqlToken at) : Exception(message)
{
    public string Code { get; } = code;

    public SqlToken At { get; } = at;

    /// <summary>A table the refused statement creates with columns SchemaTasks cannot know (CREATE TABLE ... AS, LIKE, INHERITS, PARTITION OF).</summary>
    public Schema.QualifiedName? UnknownShapeTable { get; init; }

    /// <summary>
    /// Whether <see cref="UnknownShapeTable"/> takes its columns from a query (SELECT ... INTO,
    /// CREATE TABLE ... AS SELECT): a scratch table that is no error until a statement depends on
    /// its columns (<see cref="Schema.QueryShapedTables"/>).
    /// </summary>
    public bool ColumnsFromQuery { get; init; }

    /// <summary>
    /// The table and the query it is made from, when the query was read: the statement applies
    /// after all when the query's columns are certain (<see cref="Schema.QueryTables"/>), and is
    /// refused as this exception says otherwise.
    /// </summary>
    public TableFromQuery? FromQuery { get; init; }

    /// <summary>The refused statement shapes no tracked object, but its failure stops the migration, so the statements after it never run.</summary>
    public bool OutsideTrackedStatement { get; init; }
}
