namespace SchemaTasks.Sql;

/// <summary>
/// PostgreSQL's keywords that are not plain names where a value is read: the reserved ones, and
/// those that may name a type or function only (<c>pg_get_keywords()</c> of PostgreSQL 15,
/// categories R, T and C), with the words later versions added to them. A word outside the list
/// (an unreserved keyword such as <c>name</c> or <c>type</c>, or no keyword at all) read where a
/// value starts is a column; one in it may start a construct (<c>INTERVAL '1 day'</c>,
/// <c>EXISTS (...)</c>, <c>CURRENT_DATE</c>), so what follows it is not judged.
/// </summary>
internal static class PostgresKeywordWords
{
    private static readonly string[] NotNames =
    [
        "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN", "BIGINT", "BINARY", "BIT", "BOOLEAN", "BOTH",
        "CASE", "CAST", "CHAR", "CHARACTER", "CHECK", "COALESCE", "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE", "CROSS",
        "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEC", "DECIMAL",
        "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FLOAT", "FOR", "FOREIGN",
        "FREEZE", "FROM", "FULL", "GRANT", "GREATEST", "GROUP", "GROUPING", "HAVING", "ILIKE", "IN", "INITIALLY", "INNER", "INOUT", "INT", "INTEGER",
        "INTERSECT", "INTERVAL", "INTO", "IS", "ISNULL", "JOIN", "LATERAL", "LEADING", "LEAST", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP",
        "NATIONAL", "NATURAL", "NCHAR", "NONE", "NORMALIZE", "NOT", "NOTNULL", "NULL", "NULLIF", "NUMERIC", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUT",
        "OUTER", "OVERLAPS", "OVERLAY", "PLACING", "POSITION", "PRECISION", "PRIMARY", "REAL", "REFERENCES", "RETURNING", "RIGHT", "ROW", "SELECT",
        "SESSION_USER", "SETOF", "SIMILAR", "SMALLINT", "SOME", "SUBSTRING", "SYMMETRIC", "TABLE", "TABLESAMPLE", "THEN", "TIME", "TIMESTAMP", "TO",
        "TRAILING", "TREAT", "TRIM", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VALUES", "VARCHAR", "VARIADIC", "VERBOSE", "WHEN", "WHERE", "WINDOW",
        "WITH", "XMLATTRIBUTES", "XMLCONCAT", "XMLELEMENT", "XMLEXISTS", "XMLFOREST", "XMLNAMESPACES", "XMLPARSE", "XMLPI", "XMLROOT", "XMLSERIALIZE",
        "XMLTABLE",

        // PostgreSQL 16 and 17.
        "SYSTEM_USER", "JSON", "JSON_ARRAY", "JSON_ARRAYAGG", "JSON_EXISTS", "JSON_OBJECT", "JSON_OBJECTAGG", "JSON_QUERY", "JSON_SCALAR",
        "JSON_SERIALIZE", "JSON_TABLE", "JSON_VALUE", "MERGE_ACTION",
    ];

    // The fields of an interval literal, which follow its string: INTERVAL '1' DAY = x.
    private static readonly string[] IntervalFields = ["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"];

    /// <summary>Whether the word <paramref name="token"/> is read as a column where a value starts.</summary>
    public static bool IsName(string sql, SqlToken token)
        => token.Kind == SqlTokenKind.Word && !SqlTokenText.IsOneOf(sql, token, NotNames); // Asked only of a word a finding hangs on.

    /// <summary>Whether the word <paramref name="token"/> may follow a value as part of it (an interval field).</summary>
    public static bool IsIntervalField(string sql, SqlToken token) => SqlTokenText.IsOneOf(sql, token, IntervalFields);
}
