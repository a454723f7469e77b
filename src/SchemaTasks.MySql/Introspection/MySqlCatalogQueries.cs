namespace SchemaTasks.MySql.Introspection;

/// <summary>
/// The information_schema queries of <see cref="MySqlSchemaReader"/>: one per object kind, each
/// reading every object of the connection's current database at once. information_schema shows
/// any user the objects it has some privilege on, and nothing here writes.
/// </summary>
internal static class MySqlCatalogQueries
{
    /// <summary>
    /// TABLE_NAME of base tables. MariaDB shows a table created WITH SYSTEM VERSIONING as
    /// 'SYSTEM VERSIONED', not 'BASE TABLE': it is a table like any other to the snapshot.
    /// </summary>
    public const string Tables = """
        SELECT TABLE_NAME FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')
        ORDER BY TABLE_NAME
        """;

    /// <summary>TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA in column order.</summary>
    public const string Columns = """
        SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE()
        ORDER BY TABLE_NAME, ORDINAL_POSITION
        """;

    /// <summary>
    /// MariaDB: TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE. MariaDB's CHECK_CONSTRAINTS has the table
    /// itself, and check names are unique only per table there (a column-level CHECK is named after
    /// its column), so it must not be joined by name.
    /// </summary>
    public const string MariaDbChecks = """
        SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE()
        ORDER BY TABLE_NAME, CONSTRAINT_NAME
        """;

    /// <summary>MySQL 8: TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE; check names are unique per database there.</summary>
    public const string MySqlChecks = """
        SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
        FROM information_schema.CHECK_CONSTRAINTS cc
        JOIN information_schema.TABLE_CONSTRAINTS tc
          ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'
        WHERE cc.CONSTRAINT_SCHEMA = DATABASE()
        ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME
        """;

    /// <summary>
    /// TABLE_NAME, CONSTRAINT_NAME of primary keys, unique keys and foreign keys. From
    /// KEY_COLUMN_USAGE, not TABLE_CONSTRAINTS: MariaDB hides TABLE_CONSTRAINTS from a user that
    /// may only SELECT.
    /// </summary>
    public const string OtherConstraints = """
        SELECT DISTINCT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE()
        ORDER BY TABLE_NAME, CONSTRAINT_NAME
        """;
}
