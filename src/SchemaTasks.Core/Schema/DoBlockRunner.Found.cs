using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Following PL/pgSQL's <c>FOUND</c>, which blocks test after <c>PERFORM 1 FROM pg_type WHERE
/// ...</c> to run DDL only when a catalog row is missing. The server sets it false when the body
/// starts; <c>PERFORM</c> and <c>SELECT ... INTO</c> set it to whether a row came back, a loop to
/// whether it ran at all, <c>FETCH</c>, <c>MOVE</c> and data statements to what the data holds;
/// nothing else (DDL, <c>EXECUTE</c>, assignments) changes it. Only the body's own statements set
/// it, not SQL it EXECUTEs.
/// </summary>
internal sealed partial class DoBlockRunner
{
    private PlpgsqlVariableValue _found = new("FOUND", false, null);

    /// <summary>Follows what a statement that is not DDL does to FOUND.</summary>
    private void FollowFound(EmbeddedSql sql, SqlStatementRange range)
    {
        if (!ReferenceEquals(sql, _body) || range.End <= range.Start) return;
        var first = sql.Tokens[range.Start];
        if (SqlTokenText.IsWord(sql.Text, first, "PERFORM"))
        {
            SetFound(sql, range, RowsReturned(sql, range.Start + 1, range.End));
        }
        else if (SqlTokenText.IsWord(sql.Text, first, "SELECT"))
        {
            SetFound(sql, range, SelectIntoRows(sql, range));
        }
        else if (ChangesFound(sql, range.Start))
        {
            SetFound(sql, range, null);
        }
    }

    // PERFORM, FETCH and MOVE among the quiet statements, and every data statement, set FOUND.
    private static bool ChangesFound(EmbeddedSql sql, int start)
    {
        var first = sql.Tokens[start];
        return !(SqlTokenText.IsWord(sql.Text, first, "NULL") || SqlTokenText.IsWord(sql.Text, first, "GET") || SqlTokenText.IsWord(sql.Text, first, "OPEN")
             || SqlTokenText.IsWord(sql.Text, first, "CLOSE") || SqlTokenText.IsWord(sql.Text, first, "EXIT") || SqlTokenText.IsWord(sql.Text, first, "CONTINUE")
             || SqlTokenText.IsWord(sql.Text, first, "ASSERT") || SqlTokenText.IsWord(sql.Text, first, "CALL") || SqlTokenText.IsWord(sql.Text, first, "RAISE")
             || SqlTokenText.IsWord(sql.Text, first, "COMMIT") || SqlTokenText.IsWord(sql.Text, first, "ROLLBACK"))
               && !IsAssignment(sql, start);
    }

    private static bool IsAssignment(EmbeddedSql sql, int start)
    {
        if (start + 1 >= sql.Tokens.Count) return false;
        var next = sql.Tokens[start + 1];
        return next.Kind == SqlTokenKind.Symbol && (SqlTokenText.Raw(sql.Text, next) is ":=" or "=" or "." or "[");
    }

    // SELECT count(*) ... INTO v FROM ... always assigns one row; SELECT item INTO v FROM ... one when the query yields any.
    private bool? SelectIntoRows(EmbeddedSql sql, SqlStatementRange range)
    {
        if (PlpgsqlBooleanAssignment.Read(sql.Text, sql.Tokens, range) is not null) return true; // A count, or a SELECT without FROM: one row.

        var into = range.Start + 2;
        if (into + 2 >= range.End || !SqlTokenText.IsWord(sql.Text, sql.Tokens[into], "INTO") || !SqlTokenText.IsWord(sql.Text, sql.Tokens[into + 2], "FROM")) return null;
        return RowsReturned(sql, range.Start + 1, range.Start + 2, new SqlStatementRange(into + 2, range.End));
    }

    // PERFORM item FROM ...: as many rows as the query, when the item is a constant or a column (no aggregate, no set-returning call).
    private bool? RowsReturned(EmbeddedSql sql, int start, int end)
    {
        if (start + 1 >= end || !SqlTokenText.IsWord(sql.Text, sql.Tokens[start + 1], "FROM")) return null;
        return RowsReturned(sql, start, start + 1, new SqlStatementRange(start + 1, end));
    }

    private bool? RowsReturned(EmbeddedSql sql, int item, int itemEnd, SqlStatementRange from)
    {
        if (itemEnd != item + 1) return null;
        var token = sql.Tokens[item];
        var plain = token.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.QuotedIdentifier
                    || SqlTokenText.IsSymbol(sql.Text, token, '*')
                    || (token.Kind == SqlTokenKind.Word && !SqlTokenText.IsWord(sql.Text, token, "DISTINCT") && !SqlTokenText.IsWord(sql.Text, token, "ALL"));
        if (!plain || MentionsBound(sql, from)) return null;
        return ExistenceCondition.RowsExist(sql.Text, sql.Tokens, from, _catalog, out _, out _, Variable);
    }

    private void SetFound(EmbeddedSql sql, SqlStatementRange range, bool? value)
        => _found = new PlpgsqlVariableValue("FOUND", value, value is null ? $"is set by '{Excerpt(sql, range)}', which SchemaTasks does not decide" : null);

    // A loop, or statements not run, may have set FOUND.
    private void ForgetFound(EmbeddedSql sql, string why)
    {
        if (ReferenceEquals(sql, _body)) _found = new PlpgsqlVariableValue("FOUND", null, why);
    }

    // Whether a statement not run could have set FOUND.
    private static bool MaySetFound(EmbeddedSql sql, PlpgsqlStatement statement) => statement switch
    {
        PlpgsqlDataDependent => true,
        PlpgsqlSql plain => plain.Range.End > plain.Range.Start && !DdlText.StartsDdl(sql.Text, sql.Tokens[plain.Range.Start], SqlDialect.Postgres),
        PlpgsqlQuiet quiet => quiet.Range.End > quiet.Range.Start && ChangesFound(sql, quiet.Range.Start),
        _ => false,
    };
}
