using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>The body of a PL/pgSQL <c>DO</c> block as SQL located in the file, for the checks that read a block's text without running it.</summary>
internal static class DoBlockBody
{
    /// <summary>The body; <see langword="null"/> when the block has none or is written in another language.</summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The DO statement's tokens, DO first.</param>
    public static EmbeddedSql? Read(string sql, List<SqlToken> tokens)
    {
        SqlToken? body = null;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(sql, tokens[i], "LANGUAGE") && i + 1 < tokens.Count)
            {
                var name = tokens[++i];
                var language = name.Kind == SqlTokenKind.Word ? SqlTokenText.Raw(sql, name) : SqlTokenText.Unquote(sql, name);
                if (!language.Equals("plpgsql", StringComparison.OrdinalIgnoreCase)) return null;
            }
            else if (tokens[i].Kind == SqlTokenKind.String && body is null)
            {
                body = tokens[i];
            }
        }

        return body is { } literal ? EmbeddedSql.FromLiteral(sql, literal, []) : null;
    }
}
