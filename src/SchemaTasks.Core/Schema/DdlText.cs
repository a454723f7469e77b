using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether SQL the engine does not run itself (a string built for <c>EXECUTE</c>, a routine's
/// body, a DO block in another language) may create, alter or drop a tracked object. Unknown
/// is yes: the answer decides between staying silent and saying the outcome cannot be told.
/// </summary>
internal static class DdlText
{
    /// <summary>
    /// Whether SQL starting with <paramref name="prefix"/> (the constant start of a built string)
    /// may create, alter or drop a tracked kind of object.
    /// </summary>
    public static bool StartsTrackedStatement(string prefix, SqlDialect dialect)
    {
        var (tokens, _) = SqlLexer.Lex(prefix, dialect);
        return tokens.Count == 0 || StartsTrackedStatement(prefix, tokens, 0, dialect);
    }

    /// <summary>Whether any statement of <paramref name="text"/> may change a tracked object, or runs SQL that may.</summary>
    public static bool LooksLikeDdl(string text, SqlDialect dialect)
    {
        var (tokens, _) = SqlLexer.Lex(text, dialect);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(text, tokens[i], "EXECUTE") || (dialect.IsMySqlFamily() && SqlTokenText.IsWord(text, tokens[i], "PREPARE"))) return true;
            if (StartsDdl(text, tokens[i], dialect) && StartsTrackedStatement(text, tokens, i, dialect)) return true;
        }

        return false;
    }

    /// <summary>
    /// Whether a string constant may be a statement that changes a tracked object (or runs one):
    /// it starts like one. A word such as <c>'atlas:create'</c> inside a value is no statement.
    /// </summary>
    public static bool MayBeDdlStatement(string text, SqlDialect dialect)
    {
        var (tokens, _) = SqlLexer.Lex(text, dialect);
        if (tokens.Count == 0) return false;
        if (SqlTokenText.IsWord(text, tokens[0], "EXECUTE") || (dialect.IsMySqlFamily() && SqlTokenText.IsWord(text, tokens[0], "PREPARE"))) return true;
        return StartsDdl(text, tokens[0], dialect) && StartsTrackedStatement(text, tokens, 0, dialect);
    }

    /// <summary>Whether a statement starting with <paramref name="first"/> is DDL the parser reads: CREATE, ALTER, DROP, and MySQL's RENAME.</summary>
    public static bool StartsDdl(string text, SqlToken first, SqlDialect dialect)
        => SqlTokenText.IsWord(text, first, "CREATE") || SqlTokenText.IsWord(text, first, "ALTER") || SqlTokenText.IsWord(text, first, "DROP")
           || (dialect.IsMySqlFamily() && SqlTokenText.IsWord(text, first, "RENAME"));

    private static bool StartsTrackedStatement(string text, List<SqlToken> tokens, int start, SqlDialect dialect)
    {
        bool Is(int i, string word) => i < tokens.Count && SqlTokenText.IsWord(text, tokens[i], word);
        if (Is(start, "RENAME")) return true;
        if (!Is(start, "CREATE") && !Is(start, "ALTER") && !Is(start, "DROP")) return false;
        var k = start + 1;
        if (Is(start, "CREATE"))
        {
            if (Is(k, "OR") && Is(k + 1, "REPLACE")) k += 2;
            if (Is(k, "GLOBAL") || Is(k, "LOCAL")) k++;
            if (Is(k, "TEMP") || Is(k, "TEMPORARY")) return false;
            if (Is(k, "UNLOGGED")) k++;
        }
        else if (Is(start, "DROP") && Is(k, "TEMPORARY"))
        {
            return false;
        }

        if (k >= tokens.Count) return true; // The kind of object is not constant.
        // MySQL's keys are indexes, and its databases are schemas.
        return Is(k, "TABLE") || Is(k, "TYPE") || Is(k, "DOMAIN") || Is(k, "SCHEMA") || tokens[k].Kind != SqlTokenKind.Word
               || (dialect.IsMySqlFamily() && (Is(k, "DATABASE") || Is(k, "INDEX") || Is(k, "UNIQUE") || Is(k, "FULLTEXT") || Is(k, "SPATIAL")));
    }
}
