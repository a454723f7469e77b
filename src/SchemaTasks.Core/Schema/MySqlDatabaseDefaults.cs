using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL's <c>CREATE</c> and <c>ALTER DATABASE</c> (or <c>SCHEMA</c>), which SchemaTasks does not
/// otherwise track: a default collation they give may compare case, and tables that name none of
/// their own take it (<see cref="MySqlSession.DatabaseCollationMayCompareCase"/>). Which database
/// they name is not weighed: any such statement counts.
/// </summary>
internal static class MySqlDatabaseDefaults
{
    /// <summary>Notes in <paramref name="session"/> what the statement <paramref name="tokens"/> sets, when it is one of these.</summary>
    public static void Note(string sql, List<SqlToken> tokens, MySqlSession session)
    {
        if (tokens.Count < 3 || !(SqlTokenText.IsWord(sql, tokens[0], "CREATE") || SqlTokenText.IsWord(sql, tokens[0], "ALTER"))) return;
        if (!(SqlTokenText.IsWord(sql, tokens[1], "DATABASE") || SqlTokenText.IsWord(sql, tokens[1], "SCHEMA"))) return;
        for (var i = 2; i + 1 < tokens.Count; i++)
        {
            var collation = SqlTokenText.IsWord(sql, tokens[i], "COLLATE");
            var charset = SqlTokenText.IsWord(sql, tokens[i], "CHARSET") || (SqlTokenText.IsWord(sql, tokens[i], "SET") && i > 2 && SqlTokenText.IsWord(sql, tokens[i - 1], "CHARACTER"));
            if (!collation && !charset) continue;
            var value = i + 1;
            if (SqlTokenText.IsSymbol(sql, tokens[value], '=') && value + 1 < tokens.Count) value++;
            var name = tokens[value].Kind is SqlTokenKind.String or SqlTokenKind.QuotedIdentifier ? SqlTokenText.Unquote(sql, tokens[value]) : SqlTokenText.Raw(sql, tokens[value]);
            if (collation ? !MySqlCaseFolding.IsCaseInsensitive(name) : MySqlCharsets.Named(name) is MySqlCharsets.Binary or MySqlCharsets.Unknown)
            {
                session.DatabaseCollationMayCompareCase = true;
            }
        }
    }
}
