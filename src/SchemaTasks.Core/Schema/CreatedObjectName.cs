using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Reads what a CREATE statement the parser does not model creates (a procedure, a function, a
/// MySQL view): the kind word among its first tokens, and the object's name after it.
/// </summary>
internal static class CreatedObjectName
{
    // CREATE [OR REPLACE] [ALGORITHM = ...] [DEFINER = user] [SQL SECURITY ...] [AGGREGATE] <kind>.
    private static readonly string[] Kinds = ["PROCEDURE", "FUNCTION", "VIEW", "TABLE", "TRIGGER"];

    /// <summary>The index of the first kind word (PROCEDURE, FUNCTION, VIEW, TABLE, TRIGGER) before <paramref name="within"/>, or -1.</summary>
    public static int KindAt(string sql, List<SqlToken> tokens, int within)
    {
        for (var i = 1; i < Math.Min(tokens.Count, within); i++)
        {
            foreach (var kind in Kinds)
            {
                if (SqlTokenText.IsWord(sql, tokens[i], kind)) return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the last part of the name after the kind word at <paramref name="kind"/> (past IF NOT EXISTS and qualifiers), or -1.</summary>
    public static int NameAt(string sql, List<SqlToken> tokens, int kind)
    {
        var name = kind + 1;
        if (name < tokens.Count && SqlTokenText.IsWord(sql, tokens[name], "IF")) name += 3; // IF NOT EXISTS
        return LastPart(sql, tokens, name);
    }

    /// <summary>The index of the last part of a possibly qualified name starting at <paramref name="index"/>, or -1 when no name starts there.</summary>
    public static int LastPart(string sql, List<SqlToken> tokens, int index)
    {
        if (index >= tokens.Count || tokens[index].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return -1;
        while (index + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[index + 1], '.') && tokens[index + 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            index += 2;
        }

        return index;
    }

    /// <summary>A name as the server keeps it: quoted as written, unquoted folded by the dialect's rule.</summary>
    public static string Identifier(string sql, SqlToken token, SqlDialect dialect)
        => IdentifierRules.For(dialect).Name(sql, token);
}
