namespace SchemaTasks.Sql;

/// <summary>
/// A PostgreSQL routine's argument list as written, unquoted words folded, one token a word:
/// <c>( x status , n int ) </c>. CREATE OR REPLACE of the same overload repeats it, and a DROP
/// that writes it the same way names that overload; a list written otherwise (types without
/// names, int for integer) may name it too, which only the server's type resolution can tell.
/// </summary>
internal static class RoutineSignature
{
    /// <summary>The list whose opening parenthesis is <paramref name="tokens"/>[<paramref name="open"/>].</summary>
    public static string Text(string sql, List<SqlToken> tokens, int open)
    {
        var text = new System.Text.StringBuilder();
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            var token = tokens[i];
            text.Append(SqlTokenText.Raw(sql, token).ToLowerInvariant()).Append(' ');
            if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, token, ')') && --depth == 0) break;
        }

        return text.ToString();
    }
}
