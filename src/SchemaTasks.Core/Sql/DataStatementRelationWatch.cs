namespace SchemaTasks.Sql;

/// <summary>
/// Follows, one token at a time, the rest of a PostgreSQL INSERT, UPDATE or DELETE whose head
/// named a table not worth its tokens (<see cref="DataStatementHead"/>), for a relation it reads
/// besides: a name after FROM, JOIN, USING or a comma of the list FROM or USING starts
/// (<c>UPDATE a SET x = 1 FROM b, c</c>, a subquery's FROM). The server reads those relations'
/// columns too, so the statement is worth reading when one of them is
/// (<see cref="IDataStatementTargets"/>). Commas elsewhere (a VALUES list, SET's assignments)
/// are not asked about; a comma of a FROM list's function call may be, which only keeps a
/// statement that need not be.
/// </summary>
internal struct DataStatementRelationWatch
{
    private static readonly string[] EndsList = ["WHERE", "SET", "RETURNING", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "UNION", "EXCEPT", "INTERSECT"];

    private Step _step;
    private SqlToken _name; // The first part of the relation's name.
    private int _depth; // Parentheses open.
    private ulong _lists; // The depths at which a FROM or USING list is being read, one bit each; past 63, every depth.

    /// <summary>Starts over, for the next statement.</summary>
    public void Reset() => (_step, _name, _depth, _lists) = (Step.Other, default, 0, 0);

    private enum Step : byte
    {
        Other,
        Relation, // A relation's name may come next.
        AfterName,
        SecondPart,
    }

    /// <summary>Takes the statement's next token: whether it ends the name of a relation <paramref name="targets"/> keeps the statement for.</summary>
    public bool Take(string sql, SqlToken token, IDataStatementTargets targets)
    {
        switch (_step)
        {
            case Step.Relation when SqlTokenText.IsName(token):
                if (token.Kind == SqlTokenKind.Word && (SqlTokenText.IsWord(sql, token, "ONLY") || SqlTokenText.IsWord(sql, token, "LATERAL"))) return false;
                (_name, _step) = (token, Step.AfterName);
                return false;
            case Step.AfterName:
                if (SqlTokenText.IsSymbol(sql, token, '.'))
                {
                    _step = Step.SecondPart;
                    return false;
                }

                if (targets.KeepsStatementOn(sql, null, _name)) return true;
                break;
            case Step.SecondPart:
                _step = Step.Other;
                if (SqlTokenText.IsName(token)) return targets.KeepsStatementOn(sql, _name, token);
                break;
        }

        _step = StartsRelation(sql, token) ? Step.Relation : Step.Other;
        return false;
    }

    // FROM, JOIN, USING, or a comma of a FROM or USING list (read at its depth, up to a word that
    // ends it; a subquery in parentheses has lists of its own).
    private bool StartsRelation(string sql, SqlToken token)
    {
        var bit = _depth < 64 ? 1UL << _depth : 0;
        if (token.Kind == SqlTokenKind.Word)
        {
            if (SqlTokenText.IsWord(sql, token, "FROM") || SqlTokenText.IsWord(sql, token, "USING"))
            {
                _lists |= bit;
                return true;
            }

            if (SqlTokenText.IsWord(sql, token, "JOIN")) return true;
            if ((_lists & bit) != 0 && SqlTokenText.IsOneOf(sql, token, EndsList)) _lists &= ~bit;
            return false;
        }

        if (SqlTokenText.IsSymbol(sql, token, '('))
        {
            _depth++;
        }
        else if (SqlTokenText.IsSymbol(sql, token, ')'))
        {
            _lists &= ~bit; // The lists of the parentheses it closes.
            _depth = Math.Max(0, _depth - 1);
        }

        return SqlTokenText.IsSymbol(sql, token, ',') && (bit == 0 || (_lists & bit) != 0);
    }

    /// <summary>Whether the statement ended right after a relation's unqualified name that <paramref name="targets"/> keeps it for.</summary>
    public readonly bool EndsOnKept(string sql, IDataStatementTargets targets)
        => _step == Step.AfterName && targets.KeepsStatementOn(sql, null, _name);
}
