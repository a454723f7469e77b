using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The data type a PL/pgSQL declaration names: <c>name [CONSTANT] type [COLLATE c] [NOT NULL]
/// [{DEFAULT | := | =} expression]</c>. Aliases, cursors, <c>%TYPE</c> and <c>%ROWTYPE</c> have
/// none that this reads.
/// </summary>
internal static class PlpgsqlDeclaredType
{
    /// <summary>The type and its first token; <see langword="null"/> when the declaration names no type this reads.</summary>
    public static (TypeSpec Type, SqlToken At)? Read(EmbeddedSql body, PlpgsqlDeclaration declaration, IdentifierRules rules)
    {
        var (text, tokens) = (body.Text, body.Tokens);
        var start = declaration.Range.Start + 1;
        var end = declaration.Range.End;
        if (start < end && SqlTokenText.IsWord(text, tokens[start], "CONSTANT")) start++;
        if (start >= end || HasNoType(text, tokens[start])) return null;

        var stop = start;
        var depth = 0;
        for (; stop < end; stop++)
        {
            var token = tokens[stop];
            if (SqlTokenText.IsSymbol(text, token, '(') || SqlTokenText.IsSymbol(text, token, '[')) depth++;
            else if (SqlTokenText.IsSymbol(text, token, ')') || SqlTokenText.IsSymbol(text, token, ']')) depth--;
            else if (SqlTokenText.IsSymbol(text, token, '%')) return null;
            else if (depth == 0 && EndsType(text, token)) break;
        }

        if (stop == start) return null;
        try
        {
            return (DdlParser.ParseDataType(text[tokens[start].Start..tokens[stop - 1].End], rules), tokens[start]);
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    // name ALIAS FOR $1, name [NO] [SCROLL] CURSOR ..., name RECORD (a pseudo-type).
    private static bool HasNoType(string text, SqlToken first)
        => SqlTokenText.IsWord(text, first, "ALIAS") || SqlTokenText.IsWord(text, first, "CURSOR") || SqlTokenText.IsWord(text, first, "NO")
           || SqlTokenText.IsWord(text, first, "SCROLL") || SqlTokenText.IsWord(text, first, "RECORD");

    private static bool EndsType(string text, SqlToken token)
        => SqlTokenText.IsWord(text, token, "COLLATE") || SqlTokenText.IsWord(text, token, "NOT") || SqlTokenText.IsWord(text, token, "DEFAULT")
           || SqlTokenText.IsSymbol(text, token, '=') || SqlTokenText.IsSymbol(text, token, ":=");
}
