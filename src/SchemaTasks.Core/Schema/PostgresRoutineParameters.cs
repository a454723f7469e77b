using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The named parameters of a PostgreSQL <c>CREATE FUNCTION</c> or <c>CREATE PROCEDURE</c>, read
/// from its parameter list: <c>([mode] [name] type [DEFAULT value], ...)</c>. Only whether a
/// parameter is a <c>regclass</c> is kept: that is all a routine's dynamic SQL needs to know.
/// </summary>
internal static class PostgresRoutineParameters
{
    /// <summary>The named parameters, names folded as the server folds them, and whether each is declared <c>regclass</c>.</summary>
    /// <param name="sql">The text the tokens index.</param>
    /// <param name="tokens">The definition after the routine's name, its parameter list first.</param>
    public static IEnumerable<(string Name, bool IsRegclass)> Read(string sql, List<SqlToken> tokens)
    {
        if (tokens.Count == 0 || !SqlTokenText.IsSymbol(sql, tokens[0], '(')) yield break;
        var rules = IdentifierRules.For(SqlDialect.Postgres);
        var depth = 0;
        var start = 1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsSymbol(sql, tokens[i], '(')) depth++;
            else if (SqlTokenText.IsSymbol(sql, tokens[i], ')')) depth--;
            if (depth == 1 && !SqlTokenText.IsSymbol(sql, tokens[i], ',') || depth > 1 || i == 0) continue;
            if (Parameter(sql, tokens, start, i, rules) is { } parameter) yield return parameter;
            start = i + 1;
            if (depth == 0) yield break;
        }
    }

    // [IN | OUT | INOUT | VARIADIC] name type [DEFAULT | = value]; a lone type has no name.
    private static (string, bool)? Parameter(string sql, List<SqlToken> tokens, int start, int end, IdentifierRules rules)
    {
        if (start < end && IsMode(sql, tokens[start])) start++;
        var typeEnd = start;
        while (typeEnd < end && !SqlTokenText.IsWord(sql, tokens[typeEnd], "DEFAULT") && !SqlTokenText.IsSymbol(sql, tokens[typeEnd], '=')) typeEnd++;
        if (typeEnd - start < 2 || tokens[start].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        var type = typeEnd - start == 2 ? tokens[start + 1]
            : typeEnd - start == 4 && SqlTokenText.IsWord(sql, tokens[start + 1], "pg_catalog") && SqlTokenText.IsSymbol(sql, tokens[start + 2], '.') ? tokens[start + 3]
            : (SqlToken?)null;
        var isRegclass = type is { } word && SqlTokenText.IsWord(sql, word, "regclass");
        return (rules.Name(sql, tokens[start]), isRegclass);
    }

    private static bool IsMode(string sql, SqlToken token)
        => SqlTokenText.IsWord(sql, token, "IN") || SqlTokenText.IsWord(sql, token, "OUT") || SqlTokenText.IsWord(sql, token, "INOUT") || SqlTokenText.IsWord(sql, token, "VARIADIC");
}
