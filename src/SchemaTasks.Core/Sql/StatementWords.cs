namespace SchemaTasks.Sql;

/// <summary>
/// The words a statement the server runs can start with, and the kinds of object CREATE, ALTER
/// and DROP take. A statement outside them is refused by the server (a typo such as
/// <c>CREATE TABLEE</c>, a tool's own directive such as a <c>delimiter</c> line in a PostgreSQL
/// file), so the migration stops there; passing over it would build a schema no server has.
/// </summary>
/// <remarks>
/// Generous on purpose: PostgreSQL's SQL command list and MySQL's and MariaDB's statements,
/// including the ones SchemaTasks never reads, since a false refusal breaks a build.
/// </remarks>
internal static class StatementWords
{
    private static readonly HashSet<string> PostgresStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "ABORT", "ALTER", "ANALYZE", "ANALYSE", "BEGIN", "CALL", "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT", "COPY",
        "CREATE", "DEALLOCATE", "DECLARE", "DELETE", "DISCARD", "DO", "DROP", "END", "EXECUTE", "EXPLAIN", "FETCH", "GRANT",
        "IMPORT", "INSERT", "LISTEN", "LOAD", "LOCK", "MERGE", "MOVE", "NOTIFY", "PREPARE", "REASSIGN", "REFRESH", "REINDEX",
        "RELEASE", "RESET", "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY", "SELECT", "SET", "SHOW", "START", "TABLE", "TRUNCATE",
        "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH",
    };

    private static readonly HashSet<string> MySqlStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALTER", "ANALYZE", "BACKUP", "BEGIN", "BINLOG", "CACHE", "CALL", "CHANGE", "CHECK", "CHECKSUM", "COMMIT", "CREATE",
        "DEALLOCATE", "DECLARE", "DELETE", "DELIMITER", "DESC", "DESCRIBE", "DO", "DROP", "EXECUTE", "EXPLAIN", "FLUSH", "GET",
        "GRANT", "HANDLER", "HELP", "IMPORT", "INSERT", "INSTALL", "KILL", "LOAD", "LOCK", "OPTIMIZE", "PREPARE", "PURGE",
        "RELEASE", "RENAME", "REPAIR", "REPLACE", "RESET", "RESIGNAL", "RESTART", "REVOKE", "ROLLBACK", "SAVEPOINT", "SELECT",
        "SET", "SHOW", "SHUTDOWN", "SIGNAL", "START", "STOP", "TABLE", "TRUNCATE", "UNINSTALL", "UNLOCK", "UPDATE", "USE",
        "VALUES", "WITH", "XA",
    };

    // After CREATE, [OR REPLACE] and PostgreSQL's GLOBAL/LOCAL TEMP/UNLOGGED, which the parser reads first.
    private static readonly HashSet<string> PostgresKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "ACCESS", "AGGREGATE", "CAST", "COLLATION", "CONSTRAINT", "CONVERSION", "DATABASE", "DEFAULT", "DOMAIN", "EVENT",
        "EXTENSION", "FOREIGN", "FUNCTION", "GROUP", "INDEX", "LANGUAGE", "LARGE", "MATERIALIZED", "OPERATOR", "OWNED", "POLICY",
        "PROCEDURAL", "PROCEDURE", "PUBLICATION", "RECURSIVE", "ROLE", "ROUTINE", "RULE", "SCHEMA", "SEQUENCE", "SERVER",
        "STATISTICS", "SUBSCRIPTION", "SYSTEM", "TABLE", "TABLESPACE", "TEMP", "TEMPORARY", "TEXT", "TRANSFORM", "TRIGGER",
        "TRUSTED", "TYPE", "UNIQUE", "UNLOGGED", "USER", "VIEW",
    };

    private static readonly HashSet<string> MySqlKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "AGGREGATE", "ALGORITHM", "DATABASE", "DEFINER", "EVENT", "FULLTEXT", "FUNCTION", "IGNORE", "INDEX", "INSTANCE", "KEY",
        "LOGFILE", "OFFLINE", "ONLINE", "PACKAGE", "PREPARE", "PROCEDURE", "RESOURCE", "ROLE", "SCHEMA", "SEQUENCE", "SERVER",
        "SPATIAL", "SQL", "TABLE", "TABLESPACE", "TEMPORARY", "TRIGGER", "UNDO", "UNIQUE", "USER", "VIEW",
    };

    /// <summary>Whether a statement may start with the word <paramref name="first"/> in <paramref name="dialect"/>.</summary>
    public static bool StartsStatement(string source, SqlToken first, SqlDialect dialect)
        => first.Kind != SqlTokenKind.Word || Contains(dialect.IsMySqlFamily() ? MySqlStarts : PostgresStarts, source, first);

    /// <summary>Whether <paramref name="word"/> names a kind of object CREATE, ALTER or DROP takes in <paramref name="dialect"/>.</summary>
    public static bool IsObjectKind(string source, SqlToken word, SqlDialect dialect)
        => word.Kind == SqlTokenKind.Word && Contains(dialect.IsMySqlFamily() ? MySqlKinds : PostgresKinds, source, word);

    // The mysql client's own commands that may stand where a statement does (DELIMITER is read by the lexer).
    private static readonly HashSet<string> MySqlClientCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "SOURCE", "CHARSET", "CONNECT", "EGO", "GO", "NOPAGER", "NOTEE", "NOWARNING", "PAGER", "PRINT", "PROMPT", "QUIT", "EXIT",
        "REHASH", "STATUS", "SYSTEM", "TEE", "WARNINGS",
    };

    /// <summary>Whether <paramref name="word"/> is a command of the mysql client rather than SQL.</summary>
    public static bool IsMySqlClientCommand(string word) => MySqlClientCommands.Contains(word);

    private static bool Contains(HashSet<string> words, string source, SqlToken token)
    {
        // Most statements start with one of a dozen words: compared in place, without a string.
        foreach (var common in Common)
        {
            if (SqlTokenText.IsWord(source, token, common)) return words.Contains(common);
        }

        return words.Contains(SqlTokenText.Raw(source, token));
    }

    private static readonly string[] Common = ["CREATE", "ALTER", "DROP", "INSERT", "SELECT", "SET", "UPDATE", "DELETE", "TABLE", "INDEX", "TYPE"];
}
