namespace SchemaTasks.Sql;

/// <summary>
/// Reads the head of an <c>INSERT</c> or <c>REPLACE</c>, whose tokens are not kept, for the columns
/// it gives values: MariaDB in a strict sql_mode refuses the statement when it leaves out a NOT NULL
/// column without a default (error 1364), even when no row comes (<see cref="Schema.MariaDbOmittedColumns"/>).
/// Fed each token as the reader passes it. Any other statement costs a comparison or two a token
/// from its second on (<see cref="Reading"/>); an INSERT keeps its table's token and its columns'
/// tokens (in a list reused for every statement), so nothing is allocated a token.
/// </summary>
/// <remarks>
/// The columns given are those of the column list, or the targets of <c>SET a = 1, ...</c>;
/// with <c>VALUES</c> or <c>SET</c>, the targets of <c>ON DUPLICATE KEY UPDATE</c> count as given
/// too, and with a query they do not (checked on MariaDB 10.11). An INSERT without a column list
/// gives every column, unless its first row is <c>VALUES ()</c>, which gives none. Anything the
/// watch does not follow (a <c>PARTITION</c> clause, an odd column list) leaves the statement unwatched.
/// </remarks>
internal struct MariaDbInsertWatch(List<SqlToken> columns)
{
    private readonly List<SqlToken> _columns = columns;
    private State _state;
    private int _depth;
    private bool _afterOn;
    private bool _assigning; // Rows reads an assignment's value, after which ',' brings the next target.
    private bool _givesColumns;
    private bool _qualified;
    private bool _ignore;
    private SqlToken _table;
    private SqlToken _name; // The last name of the column reference being read.

    private enum State : byte
    {
        First, // Before the statement's first token.
        Off, // Not an INSERT or REPLACE, or one the watch does not follow.
        Modifiers, // After INSERT: LOW_PRIORITY, DELAYED, HIGH_PRIORITY, IGNORE, INTO.
        AfterTable,
        TableDot,
        ListOpen, // After '(' following the table: a column list or a query.
        ListName, // In the column list, after a name.
        ListNext, // In the column list, after ',' or '.'.
        AfterList,
        RowsWithoutList, // VALUES without a column list: '(' next.
        EmptyRow, // VALUES ( without a column list: ')' next, for an empty row.
        Rows, // VALUES rows, or an assignment's value: ON DUPLICATE KEY UPDATE may follow at depth 0.
        Duplicate, // ON DUPLICATE: KEY next.
        DuplicateKey, // ON DUPLICATE KEY: UPDATE next.
        Target, // An assignment's column next (SET, ON DUPLICATE KEY UPDATE), or its next part after '.'.
        TargetName,
        Done, // The columns are known; the rest does not matter.
    }

    /// <summary>What the current statement is, once read: an INSERT or REPLACE the server checks the columns of, or <see langword="null"/>.</summary>
    public readonly MariaDbInsertHead? Head => _givesColumns && _state is State.Rows or State.Done
        ? new MariaDbInsertHead(_table, _qualified, _ignore, _columns, 0, _columns.Count)
        : null;

    /// <summary>Whether the next token may still matter; the reader tests it before <see cref="Step"/>, so that a statement that is no INSERT costs no call a token.</summary>
    public readonly bool Reading => _state is not (State.Off or State.Done);

    /// <summary>Starts a new statement.</summary>
    public void Reset()
    {
        if (_state == State.First) return;
        _columns.Clear();
        (_state, _depth, _afterOn, _assigning, _givesColumns, _qualified, _ignore) = (State.First, 0, false, false, false, false, false);
    }

    /// <summary>Reads the statement's next token.</summary>
    public void Step(string source, SqlToken token)
    {
        switch (_state)
        {
            case State.Off or State.Done:
                return;
            case State.First:
                _state = IsWord(source, token, "INSERT") || IsWord(source, token, "REPLACE") ? State.Modifiers : State.Off;
                return;
            case State.Modifiers:
                if (IsWord(source, token, "IGNORE")) _ignore = true;
                else if (!(IsWord(source, token, "INTO") || IsWord(source, token, "LOW_PRIORITY") || IsWord(source, token, "DELAYED") || IsWord(source, token, "HIGH_PRIORITY"))) Table(token);
                return;
            case State.AfterTable:
                if (Is(source, token, '.') && !_qualified) (_state, _qualified) = (State.TableDot, true);
                else if (Is(source, token, '(')) _state = State.ListOpen;
                else if (IsWord(source, token, "VALUES") || IsWord(source, token, "VALUE")) _state = State.RowsWithoutList;
                else if (IsWord(source, token, "SET")) (_state, _givesColumns) = (State.Target, true);
                else _state = State.Off; // A query without a column list gives every column; PARTITION is not followed.
                return;
            case State.TableDot:
                Table(token);
                return;
            case State.ListOpen:
                if (Is(source, token, ')')) (_state, _givesColumns) = (State.AfterList, true);
                else if (IsWord(source, token, "SELECT") || IsWord(source, token, "WITH") || IsWord(source, token, "VALUES") || Is(source, token, '(')) _state = State.Off; // INSERT INTO t (SELECT ...) gives every column.
                else ListName(token);
                return;
            case State.ListName:
                if (Is(source, token, '.')) _state = State.ListNext;
                else if (Is(source, token, ',')) Given(State.ListNext);
                else if (Is(source, token, ')')) Given(State.AfterList, listEnds: true);
                else _state = State.Off;
                return;
            case State.ListNext:
                ListName(token);
                return;
            case State.AfterList:
                if (IsWord(source, token, "VALUES") || IsWord(source, token, "VALUE")) _state = State.Rows;
                else _state = IsWord(source, token, "SELECT") || IsWord(source, token, "WITH") || Is(source, token, '(') ? State.Done : State.Off;
                return;
            case State.RowsWithoutList:
                _state = Is(source, token, '(') ? State.EmptyRow : State.Off;
                return;
            case State.EmptyRow:
                if (Is(source, token, ')')) (_state, _givesColumns) = (State.Rows, true);
                else _state = State.Off; // A row of values without a column list gives every column.
                return;
            case State.Rows:
                Rows(source, token);
                return;
            case State.Duplicate:
                _state = IsWord(source, token, "KEY") ? State.DuplicateKey : State.Off;
                return;
            case State.DuplicateKey:
                _state = IsWord(source, token, "UPDATE") ? State.Target : State.Off;
                return;
            case State.Target:
                if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) (_state, _name) = (State.TargetName, token);
                else _state = State.Off;
                return;
            case State.TargetName:
                if (Is(source, token, '.')) _state = State.Target;
                else if (Is(source, token, '=')) Given(State.Rows);
                else _state = State.Off;
                return;
        }
    }

    // VALUES rows or an assignment's value: only ',' and ON DUPLICATE KEY UPDATE at depth 0 matter.
    private void Rows(string source, SqlToken token)
    {
        var afterOn = _afterOn;
        _afterOn = false;
        if (token.Kind == SqlTokenKind.Symbol && token.Length == 1)
        {
            var symbol = source[token.Start];
            if (symbol == '(') _depth++;
            else if (symbol == ')' && _depth > 0) _depth--;
            else if (symbol == ',' && _depth == 0 && _assigning) _state = State.Target;
            return;
        }

        if (_depth > 0 || token.Kind != SqlTokenKind.Word) return;
        if (IsWord(source, token, "ON")) _afterOn = true;
        else if (afterOn && IsWord(source, token, "DUPLICATE")) _state = State.Duplicate;
        else if (IsWord(source, token, "RETURNING")) _state = State.Done;
    }

    private void Table(SqlToken token)
    {
        if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) (_state, _table) = (State.AfterTable, token);
        else _state = State.Off;
    }

    private void ListName(SqlToken token)
    {
        if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) (_state, _name) = (State.ListName, token);
        else _state = State.Off;
    }

    // The column reference just read is given; the watch moves to next: the list's end, or an assignment's value.
    private void Given(State next, bool listEnds = false)
    {
        _columns.Add(_name);
        _state = next;
        if (listEnds) _givesColumns = true;
        else if (next == State.Rows) (_depth, _afterOn, _assigning) = (0, false, true);
    }

    private static bool Is(string source, SqlToken token, char symbol) => SqlTokenText.IsSymbol(source, token, symbol);

    private static bool IsWord(string source, SqlToken token, string word) => SqlTokenText.IsWord(source, token, word);
}

/// <summary>
/// The head of an INSERT or REPLACE whose columns the server checks (<see cref="MariaDbInsertWatch"/>):
/// its table, and the columns it gives, which are <paramref name="Count"/> tokens of <paramref name="Columns"/> from <paramref name="Start"/>.
/// </summary>
/// <param name="Table">The table's name (its last part when qualified).</param>
/// <param name="Qualified">Whether the name is qualified with a database.</param>
/// <param name="Ignore">Whether the statement is INSERT IGNORE, which the server only warns for.</param>
/// <param name="Columns">Where the column names' tokens are.</param>
/// <param name="Start">The first of them.</param>
/// <param name="Count">How many there are.</param>
internal readonly record struct MariaDbInsertHead(SqlToken Table, bool Qualified, bool Ignore, List<SqlToken> Columns, int Start, int Count);
