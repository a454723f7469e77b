namespace SchemaTasks.Sql;

/// <summary>
/// Follows, one token at a time, the rest of a PostgreSQL INSERT, UPDATE or DELETE whose head
/// named a table not worth its tokens (<see cref="DataStatementHead"/>), for a relation it reads
/// besides: a name after FROM, JOIN, USING or a comma (<c>UPDATE a SET x = 1 FROM b</c>, a
/// subquery's FROM). The server reads those relations' columns too, so the statement is worth
/// reading when one of them is (<see cref="IDataStatementTargets"/>). A comma outside a FROM list
/// may put a column's name where a relation's would be: it is asked about all the same, which
/// only keeps a statement that need not be.
/// </summary>
internal struct DataStatementRelationWatch
{
    private Step _step;
    private SqlToken _name; // The first part of the relation's name.

    private enum Step : byte
    {
        Other,
        Relation, // A relation's name may come next.
        AfterName,
        SecondPart,
    }

    /// <summary>Starts over, for the next statement.</summary>
    public void Reset() => (_step, _name) = (Step.Other, default);

    /// <summary>Takes the statement's next token: whether it ends the name of a relation <paramref name="targets"/> keeps the statement for.</summary>
    public bool Take(string sql, SqlToken token, IDataStatementTargets targets)
    {
        switch (_step)
        {
            case Step.Relation when IsName(token):
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
                if (IsName(token)) return targets.KeepsStatementOn(sql, _name, token);
                break;
        }

        _step = StartsRelation(sql, token) ? Step.Relation : Step.Other;
        return false;
    }

    /// <summary>Whether the statement ended right after a relation's unqualified name that <paramref name="targets"/> keeps it for.</summary>
    public readonly bool EndsOnKept(string sql, IDataStatementTargets targets)
        => _step == Step.AfterName && targets.KeepsStatementOn(sql, null, _name);

    private static bool StartsRelation(string sql, SqlToken token)
        => token.Kind == SqlTokenKind.Word
            ? SqlTokenText.IsWord(sql, token, "FROM") || SqlTokenText.IsWord(sql, token, "JOIN") || SqlTokenText.IsWord(sql, token, "USING")
            : SqlTokenText.IsSymbol(sql, token, ',');

    private static bool IsName(SqlToken token) => token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}
