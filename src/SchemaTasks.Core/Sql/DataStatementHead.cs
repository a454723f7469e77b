namespace SchemaTasks.Sql;

/// <summary>
/// Reads, one token at a time, the head of a PostgreSQL <c>INSERT INTO t</c>,
/// <c>UPDATE [ONLY] t</c> or <c>DELETE FROM [ONLY] t</c> up to the table it names (qualified or
/// not), so whether the statement's tokens are worth keeping can be asked of that table
/// (<see cref="IDataStatementTargets"/>) after a few tokens, before the rest are stored.
/// </summary>
internal struct DataStatementHead
{
    private Step _step;
    private SqlToken _name; // The first part of the table's name.

    private enum Step : byte
    {
        First,
        Into, // INSERT: INTO comes next.
        From, // DELETE: FROM comes next.
        Table,
        AfterName,
        SecondPart,
        Decided,
    }

    /// <summary>Whether <paramref name="first"/> starts an INSERT, UPDATE or DELETE.</summary>
    public static bool Starts(string sql, SqlToken first)
        => first.Kind == SqlTokenKind.Word
           && (SqlTokenText.IsWord(sql, first, "INSERT") || SqlTokenText.IsWord(sql, first, "UPDATE") || SqlTokenText.IsWord(sql, first, "DELETE"));

    /// <summary>
    /// Takes the statement's next token (from its first): <see langword="null"/> while the table is
    /// not read yet, then once the answer of <paramref name="targets"/> for it, or
    /// <see langword="true"/> for a head written otherwise than this reads (the tokens are kept, as
    /// nothing says they cannot matter). Not asked again once it has answered.
    /// </summary>
    public bool? Take(string sql, SqlToken token, IDataStatementTargets targets)
    {
        switch (_step)
        {
            case Step.First:
                _step = SqlTokenText.IsWord(sql, token, "INSERT") ? Step.Into : SqlTokenText.IsWord(sql, token, "DELETE") ? Step.From : Step.Table;
                return null;
            case Step.Into:
                return Expect(sql, token, "INTO");
            case Step.From:
                return Expect(sql, token, "FROM");
            case Step.Table:
                if (token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, "ONLY")) return null;
                if (!SqlTokenText.IsName(token)) return Decide(true);
                (_name, _step) = (token, Step.AfterName);
                return null;
            case Step.AfterName:
                if (SqlTokenText.IsSymbol(sql, token, '.'))
                {
                    _step = Step.SecondPart;
                    return null;
                }

                return Decide(targets.KeepsStatementOn(sql, null, _name));
            case Step.SecondPart:
                return Decide(!SqlTokenText.IsName(token) || targets.KeepsStatementOn(sql, _name, token));
            default:
                return null;
        }
    }

    /// <summary>Starts over, for the next statement.</summary>
    public void Reset() => (_step, _name) = (Step.First, default);

    private bool? Expect(string sql, SqlToken token, string word)
    {
        if (!SqlTokenText.IsWord(sql, token, word)) return Decide(true);
        _step = Step.Table;
        return null;
    }

    private bool? Decide(bool keeps)
    {
        _step = Step.Decided;
        return keeps;
    }
}
