using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>How an assignment read by <see cref="PlpgsqlBooleanAssignment"/> computes its value.</summary>
internal enum PlpgsqlBooleanSource
{
    /// <summary><c>v := condition</c> or <c>SELECT condition INTO v</c>: the range is the condition.</summary>
    Condition,

    /// <summary><c>SELECT count(*) != 0 INTO v FROM ...</c> (or <c>&lt;&gt; 0</c>, <c>&gt; 0</c>, <c>&gt;= 1</c>): the range starts at FROM.</summary>
    RowsExist,

    /// <summary><c>SELECT count(*) = 0 INTO v FROM ...</c>: the range starts at FROM.</summary>
    NoRows,

    /// <summary><c>SELECT count(*) INTO v FROM ...</c>, for an integer: the range starts at FROM.</summary>
    Count,
}

/// <summary>
/// Reads the assignments of one variable whose value a <c>DO</c> block's text may decide:
/// <c>v := condition;</c>, <c>SELECT condition INTO v;</c> and
/// <c>SELECT count(*) {!= 0 | &lt;&gt; 0 | &gt; 0 | &gt;= 1 | = 0} INTO v FROM ... [WHERE ...];</c>,
/// and <c>SELECT count(*) INTO v FROM ...</c> of an integer (<c>count(1)</c> counts the same).
/// A count query always yields one row, so it always assigns; other queries may yield none,
/// which sets NULL, and are not read.
/// </summary>
internal static class PlpgsqlBooleanAssignment
{
    /// <summary>The assignment's target (folded), where its value comes from and that range; <see langword="null"/> for any other statement.</summary>
    public static (string Target, PlpgsqlBooleanSource Source, SqlStatementRange Range)? Read(string text, List<SqlToken> tokens, SqlStatementRange statement)
    {
        var (start, end) = (statement.Start, statement.End);
        if (end - start >= 3 && Name(text, tokens[start]) is { } assigned && (Symbol(text, tokens[start + 1], ":=") || Symbol(text, tokens[start + 1], "=")))
        {
            return (assigned, PlpgsqlBooleanSource.Condition, new SqlStatementRange(start + 2, end));
        }

        if (!SqlTokenText.IsWord(text, tokens[start], "SELECT")) return null;
        var into = IntoAtTopLevel(text, tokens, start + 1, end);
        if (into < 0 || into + 1 >= end || into == start + 1 || Name(text, tokens[into + 1]) is not { } target) return null;
        var list = new SqlStatementRange(start + 1, into);
        var rest = into + 2;
        if (rest == end) return (target, PlpgsqlBooleanSource.Condition, list);
        if (!SqlTokenText.IsWord(text, tokens[rest], "FROM")) return null;
        return CountComparison(text, tokens, list) is { } source ? (target, source, new SqlStatementRange(rest, end)) : null;
    }

    private static int IntoAtTopLevel(string text, List<SqlToken> tokens, int start, int end)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            if (Symbol(text, tokens[i], "(")) depth++;
            else if (Symbol(text, tokens[i], ")")) depth--;
            else if (depth == 0 && SqlTokenText.IsWord(text, tokens[i], "INTO")) return i;
            else if (depth == 0 && SqlTokenText.IsWord(text, tokens[i], "FROM")) return -1;
        }

        return -1;
    }

    // count(*) alone, or compared with a constant in a way that asks only whether there are rows.
    private static PlpgsqlBooleanSource? CountComparison(string text, List<SqlToken> tokens, SqlStatementRange list)
    {
        var i = list.Start;
        if (!IsCountOfRows(text, tokens, i, list.End)) return null;
        if (list.End - i == 4) return PlpgsqlBooleanSource.Count;
        if (list.End - i != 6 || tokens[i + 5].Kind != SqlTokenKind.Number) return null;
        return RowsAsked(SqlTokenText.Raw(text, tokens[i + 4]), SqlTokenText.Raw(text, tokens[i + 5])) switch
        {
            true => PlpgsqlBooleanSource.RowsExist,
            false => PlpgsqlBooleanSource.NoRows,
            null => null,
        };
    }

    /// <summary>Whether <c>count(*)</c> or <c>count(1)</c>, which count every row, starts at <paramref name="at"/>.</summary>
    public static bool IsCountOfRows(string text, List<SqlToken> tokens, int at, int end)
        => at + 4 <= end && SqlTokenText.IsWord(text, tokens[at], "count") && Symbol(text, tokens[at + 1], "(")
           && (Symbol(text, tokens[at + 2], "*") || (tokens[at + 2].Kind == SqlTokenKind.Number && SqlTokenText.Raw(text, tokens[at + 2]) == "1"))
           && Symbol(text, tokens[at + 3], ")");

    /// <summary>
    /// What a count compared by <paramref name="comparison"/> with <paramref name="number"/> asks:
    /// <see langword="true"/> when it holds exactly when there are rows, <see langword="false"/>
    /// when exactly when there are none, <see langword="null"/> for a comparison that asks more.
    /// </summary>
    public static bool? RowsAsked(string comparison, string number) => (comparison + " " + number) switch
    {
        "!= 0" or "<> 0" or "> 0" or ">= 1" => true,
        "= 0" or "< 1" or "<= 0" => false,
        _ => null,
    };

    private static string? Name(string text, SqlToken token) => token.Kind switch
    {
        SqlTokenKind.Word => SqlTokenText.Raw(text, token).ToLowerInvariant(),
        SqlTokenKind.QuotedIdentifier => SqlTokenText.Unquote(text, token),
        _ => null,
    };

    private static bool Symbol(string text, SqlToken token, string symbol)
        => token.Kind == SqlTokenKind.Symbol && text.AsSpan(token.Start, token.Length).SequenceEqual(symbol);
}
