namespace SchemaTasks.Sql;

/// <summary>
/// Finds, in a PostgreSQL <c>INSERT</c>, <c>UPDATE</c> or <c>DELETE</c> (also after <c>WITH</c>'s
/// queries, and in <c>MERGE</c>'s actions), and in a <c>SELECT</c>'s <c>WHERE</c>, the syntax
/// errors the server stops it at (42601): a comma missing between SET's assignments
/// (<c>SET "a" = x "b" = y</c>), between rows or values, a SET column without <c>=</c>, a value
/// left out, an operator without its right operand, a parenthesis not closed. Fed each token as
/// the reader passes it; a few comparisons a token, no allocation.
/// </summary>
/// <remarks>
/// It recognises known-bad shapes and says nothing of anything else: SET's assignments, WHERE's
/// condition, VALUES' rows and a column list are followed, and in their values only the plain
/// operands and operators; a call's or keyword construct's parentheses and brackets
/// (<c>f(...)</c>, <c>IN (...)</c>, <c>ARRAY[...]</c>), a subquery, FROM and USING, the conflict
/// target, RETURNING, and whatever follows a query are passed over, and a symbol it does not know
/// (a placeholder's <c>$</c>, <c>:</c>, <c>{</c>) ends the watch. Two operands side by side are
/// an error only where no alias can stand (a value, not a select list or FROM), and only when
/// the first is certain to be a whole value: a word is one when it is not a keyword that starts a
/// construct (<see cref="PostgresKeywordWords"/>), and a string after a name or a call may be a
/// typed literal (<c>date '2020-01-01'</c>, <c>varchar(3) 'x'</c>). Strings on different lines
/// are one string to the server. Each shape was checked on PostgreSQL 15.
/// </remarks>
internal partial struct PostgresDataSyntaxWatch
{
    private Clause _clause;
    private Context _context;
    private Operand _state;
    private SqlToken _last; // The token before the current one.
    private SqlToken _operand; // The token the current operand ended with, or that began a word operand.
    private SqlToken _operator; // The operator, keyword or separator that wants an operand after it.
    private SqlToken _suspect; // A word that followed an operand (Operand.WordAfter).
    private Operand _beforeSuspect; // The state before it.
    private SqlToken _beforeSuspectToken; // And the token.
    private SqlToken _open; // The outermost parenthesis still open.
    private SqlToken _target; // SET's column.
    private int _depth; // Parentheses grouping values, inside the current value.
    private int _skipped; // Parentheses and brackets passed over, still open.
    private bool _justOpened; // The last token opened a grouping parenthesis: a query may follow.
    private bool _skippedOperator; // The parentheses passed over are OPERATOR(...)'s: an operand follows them.
    private bool _nameIsWord; // Operand.Name stands for an unqualified word, a column only if it is not a keyword.
    private bool _afterSet; // The last token was UPDATE's SET.
    private bool _merge; // The statement is a MERGE: WHEN ends an action.
    private bool _select; // WHERE's condition is a query's: the clauses after it end it.
    private int _cases; // CASE ... END still open where WHEN and THEN are read as MERGE's.
    private int _headNames;

    private enum Clause : byte
    {
        Off, // Not a data statement, one already refused, or one written in a way the watch does not follow.
        InsertInto,
        InsertTable,
        InsertAfterTable,
        InsertAlias,
        InsertAfterAlias,
        ColumnsOpen, // After '(' following the table: a column list or a query.
        InsertSource, // After the column list.
        Overriding,
        DefaultValues,
        RowStart, // After VALUES or a comma between rows: a row follows.
        Row,
        AfterRows,
        OnConflict,
        ConflictTarget,
        ConflictDo,
        ConflictUpdate,
        UpdateHead,
        SetTarget,
        SetAfterTarget,
        SetTargetDot,
        SetTargetSubscript,
        SetValue,
        SkipToWhere, // FROM, USING and DELETE's head: passed over up to WHERE.
        Where,
        NameExpected, // In a column list (INSERT's, or SET's (a, b)).
        NameRead,
        NameDot,
        NameSubscript,
        SetListClosed,
        WithHead, // WITH's queries, passed over up to the statement they lead to.
        SelectHead, // A query's select list and FROM, passed over up to WHERE.
        MergeHead, // MERGE's target, source and join condition, passed over up to WHEN.
        MergeWhen, // WHEN [NOT] MATCHED [AND condition], passed over up to THEN.
        MergeAction,
        MergeUpdate,
        MergeDo,
        MergeAfterAction,
    }

    private enum Context : byte
    {
        InsertColumns,
        SetTargets,
    }

    /// <summary>The error found in the current statement, if any.</summary>
    public DataSyntaxError? Found { get; private set; }

    /// <summary>Whether the current statement is still read.</summary>
    public readonly bool Watching => _clause != Clause.Off;

    /// <summary>Starts a statement at its first token; any but INSERT, UPDATE, DELETE, MERGE, SELECT and WITH is not watched.</summary>
    public void Start(string sql, SqlToken first)
    {
        this = default;
        _clause = first.Kind != SqlTokenKind.Word ? Clause.Off
            : SqlTokenText.IsWord(sql, first, "INSERT") ? Clause.InsertInto
            : SqlTokenText.IsWord(sql, first, "UPDATE") ? Clause.UpdateHead
            : SqlTokenText.IsWord(sql, first, "DELETE") ? Clause.SkipToWhere
            : SqlTokenText.IsWord(sql, first, "MERGE") ? Clause.MergeHead
            : SqlTokenText.IsWord(sql, first, "SELECT") ? Clause.SelectHead
            : SqlTokenText.IsWord(sql, first, "WITH") ? Clause.WithHead
            : Clause.Off;
        _merge = _clause == Clause.MergeHead;
        _last = first;
    }

    /// <summary>Forgets the statement (psql's \gdesc sends none).</summary>
    public void Reset() => this = default;

    /// <summary>Reads the statement's next token.</summary>
    public void Step(string sql, SqlToken token)
    {
        if (_clause == Clause.Off) return;
        StepClause(sql, token);
        _last = token;
    }

    /// <summary>Ends the statement at <paramref name="terminator"/> (its <c>;</c>), or at the end of the text when null.</summary>
    public void End(SqlToken? terminator)
    {
        if (_clause == Clause.Off) return;
        var at = terminator ?? _last;
        var end = terminator is null;
        switch (_clause)
        {
            case Clause.Row or Clause.SetValue or Clause.Where when _depth > 0 || _skipped > 0 || _clause == Clause.Row:
            case Clause.NameExpected or Clause.NameRead or Clause.NameDot or Clause.NameSubscript:
                Refuse(DataSyntaxFault.Unclosed, at, _open, end);
                break;
            case Clause.SetValue or Clause.Where when Expecting:
                Refuse(_state == Operand.Start ? DataSyntaxFault.EmptyItem : DataSyntaxFault.MissingOperand, at, _operator, end);
                break;
            case Clause.SetTarget:
                Refuse(DataSyntaxFault.EmptyItem, at, _last, end);
                break;
            case Clause.SetAfterTarget or Clause.SetListClosed:
                Refuse(DataSyntaxFault.MissingEquals, at, _target, end);
                break;
            case Clause.RowStart:
                Refuse(DataSyntaxFault.NotARow, at, _last, end);
                break;
        }
    }

    private void StepClause(string sql, SqlToken token)
    {
        switch (_clause)
        {
            case Clause.InsertInto:
                _clause = SqlTokenText.IsWord(sql, token, "INTO") ? Clause.InsertTable : Clause.Off;
                break;
            case Clause.InsertTable:
                _clause = IsName(token) ? Clause.InsertAfterTable : Clause.Off;
                break;
            case Clause.InsertAfterTable:
                if (SqlTokenText.IsSymbol(sql, token, '.')) _clause = Clause.InsertTable;
                else if (SqlTokenText.IsWord(sql, token, "AS")) _clause = Clause.InsertAlias;
                else InsertSource(sql, token, columnsMayFollow: true);
                break;
            case Clause.InsertAlias:
                _clause = IsName(token) ? Clause.InsertAfterAlias : Clause.Off;
                break;
            case Clause.InsertAfterAlias:
                InsertSource(sql, token, columnsMayFollow: true);
                break;
            case Clause.ColumnsOpen:
                if (StartsQuery(sql, token) || SqlTokenText.IsSymbol(sql, token, '('))
                {
                    _clause = Clause.Off;
                    break;
                }

                _clause = Clause.NameExpected;
                StepClause(sql, token);
                break;
            case Clause.InsertSource:
                InsertSource(sql, token, columnsMayFollow: false);
                break;
            case Clause.Overriding:
                if (SqlTokenText.IsWord(sql, token, "SYSTEM") || SqlTokenText.IsWord(sql, token, "USER") || SqlTokenText.IsWord(sql, token, "VALUE")) break;
                InsertSource(sql, token, columnsMayFollow: false);
                break;
            case Clause.DefaultValues:
                _clause = SqlTokenText.IsWord(sql, token, "VALUES") ? Clause.AfterRows : Clause.Off;
                break;
            case Clause.RowStart:
                if (SqlTokenText.IsSymbol(sql, token, '('))
                {
                    BeginValue(Clause.Row, token);
                    _open = token;
                }
                else
                {
                    Refuse(DataSyntaxFault.NotARow, token, _last);
                }

                break;
            case Clause.AfterRows:
                AfterRows(sql, token);
                break;
            case Clause.OnConflict:
                _clause = SqlTokenText.IsWord(sql, token, "CONFLICT") ? Clause.ConflictTarget : Clause.Off;
                break;
            case Clause.ConflictTarget:
                if (Skip(sql, token) && SqlTokenText.IsWord(sql, token, "DO")) _clause = Clause.ConflictDo;
                break;
            case Clause.ConflictDo:
                _clause = SqlTokenText.IsWord(sql, token, "UPDATE") ? Clause.ConflictUpdate : Clause.Off;
                break;
            case Clause.ConflictUpdate:
                _clause = SqlTokenText.IsWord(sql, token, "SET") ? Clause.SetTarget : Clause.Off;
                break;
            case Clause.UpdateHead:
                UpdateHead(sql, token);
                break;
            case Clause.SetTarget:
                SetTarget(sql, token);
                break;
            case Clause.SetAfterTarget:
                SetAfterTarget(sql, token);
                break;
            case Clause.SetTargetDot:
                _clause = IsName(token) ? Clause.SetAfterTarget : Clause.Off;
                break;
            case Clause.SetTargetSubscript:
                Skip(sql, token);
                if (_skipped == 0 && _clause != Clause.Off) _clause = Clause.SetAfterTarget;
                break;
            case Clause.SetValue or Clause.Where or Clause.Row:
                StepValue(sql, token);
                break;
            case Clause.SkipToWhere:
                if (!Skip(sql, token)) break;
                if (SqlTokenText.IsWord(sql, token, "WHERE")) BeginValue(Clause.Where, token);
                else if (SqlTokenText.IsWord(sql, token, "RETURNING")) _clause = Clause.Off;
                break;
            case Clause.NameExpected or Clause.NameRead or Clause.NameDot or Clause.NameSubscript:
                StepNames(sql, token);
                break;
            case Clause.SetListClosed:
                if (SqlTokenText.IsSymbol(sql, token, '=')) BeginValue(Clause.SetValue, token);
                else if (IsOperandToken(token) || SqlTokenText.IsSymbol(sql, token, '(')) Refuse(DataSyntaxFault.MissingEquals, token, _target);
                else _clause = Clause.Off;
                break;
            case Clause.WithHead:
                // WITH x AS (...) UPDATE ...: the statement after the last query is watched as if it began there.
                if (Skip(sql, token) && SqlTokenText.IsSymbol(sql, _last, ')') && (DataStatementHead.Starts(sql, token) || SqlTokenText.IsWord(sql, token, "SELECT") || SqlTokenText.IsWord(sql, token, "MERGE"))) Start(sql, token);
                break;
            case Clause.SelectHead:
                if (!Skip(sql, token)) break;
                if (SqlTokenText.IsWord(sql, token, "WHERE"))
                {
                    BeginValue(Clause.Where, token);
                    _select = true;
                }
                else if (SqlTokenText.IsOneOf(sql, token, QueryClauses) && !SqlTokenText.IsWord(sql, token, "INTO")) _clause = Clause.Off; // A WHERE after them is another query's; SELECT ... INTO t FROM leads to the same WHERE.
                break;
            case Clause.MergeHead or Clause.MergeWhen:
                if (!Skip(sql, token)) break;
                if (SqlTokenText.IsWord(sql, token, "CASE")) _cases++;
                else if (SqlTokenText.IsWord(sql, token, "END") && _cases > 0) _cases--;
                else if (_cases == 0 && _clause == Clause.MergeHead && SqlTokenText.IsWord(sql, token, "WHEN")) _clause = Clause.MergeWhen;
                else if (_cases == 0 && _clause == Clause.MergeWhen && SqlTokenText.IsWord(sql, token, "THEN")) _clause = Clause.MergeAction;
                break;
            case Clause.MergeAction:
                _clause = SqlTokenText.IsWord(sql, token, "UPDATE") ? Clause.MergeUpdate
                    : SqlTokenText.IsWord(sql, token, "DELETE") ? Clause.MergeAfterAction
                    : SqlTokenText.IsWord(sql, token, "DO") ? Clause.MergeDo
                    : SqlTokenText.IsWord(sql, token, "INSERT") ? Clause.InsertAfterAlias
                    : Clause.Off;
                break;
            case Clause.MergeUpdate:
                if (SqlTokenText.IsWord(sql, token, "SET")) (_clause, _afterSet) = (Clause.SetTarget, true);
                else _clause = Clause.Off;
                break;
            case Clause.MergeDo:
                _clause = SqlTokenText.IsWord(sql, token, "NOTHING") ? Clause.MergeAfterAction : Clause.Off;
                break;
            case Clause.MergeAfterAction:
                MergeWhen(sql, token);
                break;
        }
    }

    // After one of MERGE's actions: the next WHEN, or the end.
    private void MergeWhen(string sql, SqlToken token)
    {
        if (_merge && SqlTokenText.IsWord(sql, token, "WHEN")) (_clause, _cases, _skipped) = (Clause.MergeWhen, 0, 0);
        else _clause = Clause.Off;
    }

    // After INSERT's table (or its column list): the rows or query it inserts.
    private void InsertSource(string sql, SqlToken token, bool columnsMayFollow)
    {
        if (columnsMayFollow && SqlTokenText.IsSymbol(sql, token, '('))
        {
            (_clause, _open, _context) = (Clause.ColumnsOpen, token, Context.InsertColumns);
        }
        else if (SqlTokenText.IsWord(sql, token, "VALUES"))
        {
            _clause = Clause.RowStart;
        }
        else if (SqlTokenText.IsWord(sql, token, "DEFAULT"))
        {
            _clause = Clause.DefaultValues;
        }
        else if (SqlTokenText.IsWord(sql, token, "OVERRIDING"))
        {
            _clause = Clause.Overriding;
        }
        else
        {
            _clause = Clause.Off; // A query, or a form not followed.
        }
    }

    private void AfterRows(string sql, SqlToken token)
    {
        if (_merge && !IsOperandToken(token) && !SqlTokenText.IsSymbol(sql, token, '('))
        {
            MergeWhen(sql, token); // MERGE's INSERT takes one row; what else may follow is not followed.
        }
        else if (SqlTokenText.IsSymbol(sql, token, ','))
        {
            _clause = Clause.RowStart;
        }
        else if (SqlTokenText.IsWord(sql, token, "ON"))
        {
            _clause = Clause.OnConflict;
        }
        else if (IsOperandToken(token) || SqlTokenText.IsSymbol(sql, token, '('))
        {
            Refuse(DataSyntaxFault.SideBySide, token, _last); // VALUES (1) (2): a comma is missing between the rows.
        }
        else
        {
            _clause = Clause.Off; // RETURNING, or VALUES read as a query (ORDER BY, UNION, LIMIT).
        }
    }

    // UPDATE [ONLY] name [*] [[AS] alias] SET: a table or alias named set is read as a name.
    private void UpdateHead(string sql, SqlToken token)
    {
        if (SqlTokenText.IsWord(sql, token, "SET") && _headNames > 0)
        {
            (_clause, _afterSet) = (Clause.SetTarget, true);
        }
        else if (IsName(token))
        {
            if (!(_headNames == 0 && SqlTokenText.IsWord(sql, token, "ONLY"))) _headNames++;
            if (_headNames > 5) _clause = Clause.Off;
        }
        else if (!SqlTokenText.IsSymbol(sql, token, '.') && !SqlTokenText.IsSymbol(sql, token, '*'))
        {
            _clause = Clause.Off;
        }
    }

    private void SetTarget(string sql, SqlToken token)
    {
        var afterSet = _afterSet;
        _afterSet = false;
        if (SqlTokenText.IsWord(sql, token, "WHERE") || SqlTokenText.IsWord(sql, token, "FROM") || SqlTokenText.IsWord(sql, token, "RETURNING") || (_merge && SqlTokenText.IsWord(sql, token, "WHEN")))
        {
            Refuse(DataSyntaxFault.EmptyItem, token, _last); // SET a = 1, WHERE ...: reserved words, no column's names.
        }
        else if (IsName(token))
        {
            // UPDATE t set SET ...: the first SET was an alias; not followed.
            if (afterSet && SqlTokenText.IsWord(sql, token, "SET")) _clause = Clause.Off;
            else (_clause, _target) = (Clause.SetAfterTarget, token);
        }
        else if (SqlTokenText.IsSymbol(sql, token, '('))
        {
            (_clause, _open, _context) = (Clause.NameExpected, token, Context.SetTargets);
        }
        else if (IsOperandToken(token) || SqlTokenText.IsSymbol(sql, token, ',') || SqlTokenText.IsSymbol(sql, token, '=') || SqlTokenText.IsSymbol(sql, token, ')'))
        {
            Refuse(DataSyntaxFault.EmptyItem, token, _last);
        }
        else
        {
            _clause = Clause.Off;
        }
    }

    private void SetAfterTarget(string sql, SqlToken token)
    {
        if (SqlTokenText.IsSymbol(sql, token, '='))
        {
            BeginValue(Clause.SetValue, token);
        }
        else if (SqlTokenText.IsSymbol(sql, token, '.'))
        {
            _clause = Clause.SetTargetDot;
        }
        else if (SqlTokenText.IsSymbol(sql, token, '['))
        {
            (_clause, _skipped) = (Clause.SetTargetSubscript, 1);
        }
        else if (IsName(token) || IsOperandToken(token) || SqlTokenText.IsSymbol(sql, token, ','))
        {
            Refuse(DataSyntaxFault.MissingEquals, token, _target);
        }
        else
        {
            _clause = Clause.Off;
        }
    }

    // A column list: INSERT's, or SET's (a, b) = ...; each column may be qualified or subscripted.
    private void StepNames(string sql, SqlToken token)
    {
        switch (_clause)
        {
            case Clause.NameExpected:
                if (IsName(token)) (_clause, _target) = (Clause.NameRead, token);
                else if (SqlTokenText.IsSymbol(sql, token, ',') || SqlTokenText.IsSymbol(sql, token, ')')) Refuse(DataSyntaxFault.EmptyItem, token, _last);
                else _clause = Clause.Off;
                break;
            case Clause.NameRead:
                if (SqlTokenText.IsSymbol(sql, token, ',')) _clause = Clause.NameExpected;
                else if (SqlTokenText.IsSymbol(sql, token, ')')) (_clause, _target) = _context == Context.InsertColumns ? (Clause.InsertSource, _target) : (Clause.SetListClosed, token);
                else if (SqlTokenText.IsSymbol(sql, token, '.')) _clause = Clause.NameDot;
                else if (SqlTokenText.IsSymbol(sql, token, '[')) (_clause, _skipped) = (Clause.NameSubscript, 1);
                else if (IsName(token) || IsOperandToken(token)) Refuse(DataSyntaxFault.SideBySide, token, _last);
                else _clause = Clause.Off;
                break;
            case Clause.NameDot:
                _clause = IsName(token) || SqlTokenText.IsSymbol(sql, token, '*') ? Clause.NameRead : Clause.Off;
                break;
            case Clause.NameSubscript:
                Skip(sql, token);
                if (_skipped == 0 && _clause != Clause.Off) _clause = Clause.NameRead;
                break;
        }
    }

    // Passes over a token of a part not followed, counting parentheses and brackets: whether the
    // token is outside them all (a ')' that closes nothing ends the watch).
    private bool Skip(string sql, SqlToken token)
    {
        if (token.Kind != SqlTokenKind.Symbol || token.Length != 1) return _skipped == 0;
        var symbol = sql[token.Start];
        if (symbol is '(' or '[')
        {
            _skipped++;
            return false;
        }

        if (symbol is ')' or ']')
        {
            if (--_skipped < 0) _clause = Clause.Off;
            return false;
        }

        return _skipped == 0;
    }

    private void Refuse(DataSyntaxFault fault, SqlToken at, SqlToken before, bool atEnd = false)
    {
        Found = new DataSyntaxError(fault, at, before, atEnd);
        _clause = Clause.Off;
    }

    private static bool IsName(SqlToken token) => token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    // A literal, a parameter or a quoted name: nothing that continues what came before it.
    private static bool IsOperandToken(SqlToken token)
        => token.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.QuotedIdentifier or SqlTokenKind.Parameter;

    private static bool StartsQuery(string sql, SqlToken token)
        => SqlTokenText.IsWord(sql, token, "SELECT") || SqlTokenText.IsWord(sql, token, "WITH") || SqlTokenText.IsWord(sql, token, "VALUES") || SqlTokenText.IsWord(sql, token, "TABLE");

    // The reserved words that may follow a query's WHERE: each ends its condition. INTO too, which
    // PL/pgSQL takes out of the statement wherever it stands.
    private static readonly string[] QueryClauses = ["GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "UNION", "INTERSECT", "EXCEPT", "INTO"];
}
