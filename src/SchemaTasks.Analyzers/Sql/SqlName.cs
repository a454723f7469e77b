using SchemaTasks.Sql;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>
/// One part of a name as a SQL statement writes it. Quoted parts match exactly; unquoted parts
/// match as the dialect folds them: PostgreSQL to lower case, MySQL without regard to case.
/// </summary>
internal readonly struct SqlName
{
    private SqlName(string text, bool quoted)
    {
        Text = text;
        Quoted = quoted;
        Folded = quoted ? text : text.ToLowerInvariant();
    }

    public string Text { get; }

    public bool Quoted { get; }

    /// <summary>The name <paramref name="token"/> spells, or null when it is not an identifier.</summary>
    public static SqlName? Of(string sql, SqlToken token) => token.Kind switch
    {
        SqlTokenKind.Word => new SqlName(SqlTokenText.Raw(sql, token), quoted: false),
        SqlTokenKind.QuotedIdentifier when !token.Unterminated && token.PrefixLength == 0 => new SqlName(SqlTokenText.Unquote(sql, token), quoted: true),
        _ => null,
    };

    public bool Matches(string actual, SqlDialect dialect)
    {
        if (Quoted)
        {
            return string.Equals(Text, actual, StringComparison.Ordinal);
        }

        return dialect == SqlDialect.Postgres
            ? string.Equals(Folded, actual, StringComparison.Ordinal)
            : string.Equals(Text, actual, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether two names in one statement name the same thing (an alias and its use).</summary>
    public bool SameAs(SqlName other, SqlDialect dialect)
        => dialect == SqlDialect.Postgres
            ? string.Equals(Folded, other.Folded, StringComparison.Ordinal)
            : string.Equals(Text, other.Text, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text;

    // Compared once per candidate object: folded when the name is read, not at each comparison.
    private string Folded { get; }
}
