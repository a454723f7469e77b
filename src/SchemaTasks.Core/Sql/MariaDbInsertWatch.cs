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
/// In the rows and the assigned values it also notes each <c>DEFAULT</c> written as a whole value
/// and each <c>DEFAULT(col)</c> (<see cref="MariaDbDefaultUse"/>): the server refuses both for a
/// NOT NULL column without a default. A single-table UPDATE is read the same way up to its
/// WHERE, ORDER BY or LIMIT, for the DEFAULT of its assignments. In an INSERT's rows and SET
/// assignments (not ON DUPLICATE KEY UPDATE's, which run only for a duplicate) it notes each value
/// that is one plain string literal and nothing else (<see cref="MariaDbLiteralUse"/>), for the
/// ENUM labels the server checks it against (<see cref="Schema.MariaDbEnumLiterals"/>).
/// </remarks>
internal struct MariaDbInsertWatch(List<SqlToken> columns, List<MariaDbDefaultUse> defaults, List<MariaDbLiteralUse> literals)
{
    private readonly List<SqlToken> _columns = columns;
    private readonly List<MariaDbDefaultUse> _defaults = defaults;
    private readonly List<MariaDbLiteralUse> _literals = literals;
    private bool _literalOpen; // The last literal noted began its value: it stands for the whole value only if the value ends next.
    private int _row; // In VALUES rows: the row being read, from 0.
    private int _value; // And the value within it.
    private bool _valueFirst; // The next token begins a value (of a row, or assigned).
    private SqlToken _introducer; // A charset introducer (_utf8mb4) that began the value, before its string.
    private bool _allColumns; // VALUES rows without a column list: the values are the table's columns in order.
    private bool _onDuplicate; // The assignments of ON DUPLICATE KEY UPDATE, which run only for a duplicate row.
    private bool _update; // A single-table UPDATE, read for its assignments' DEFAULT.
    private bool _aliased;
    private DefaultReading _reading;
    private SqlToken _default; // The DEFAULT word being read.
    private SqlToken _defaultColumn; // The last name read in DEFAULT(...).
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

    // DEFAULT as a value: a word that may be the value itself or a call DEFAULT(col).
    private enum DefaultReading : byte
    {
        None,
        AfterWord, // DEFAULT read: '(' makes it a call.
        CallName, // DEFAULT( or DEFAULT(x. : a name next.
        CallAfterName, // '.' or ')' next.
    }

    /// <summary>What the current statement is, once read: an INSERT or REPLACE the server checks the columns of, or <see langword="null"/>.</summary>
    public readonly MariaDbInsertHead? Head => (_givesColumns || _allColumns || (_update && _defaults.Count > 0)) && _state is State.Rows or State.Done
        ? new MariaDbInsertHead(_table, _qualified, _ignore, _columns, 0, _columns.Count) { AllColumns = _allColumns, Update = _update, Defaults = _defaults, DefaultStart = 0, DefaultCount = _defaults.Count, Literals = _literals }
        : null;

    /// <summary>Whether the next token may still matter; the reader tests it before <see cref="Step"/>, so that a statement that is no INSERT costs no call a token.</summary>
    public readonly bool Reading => _state is not (State.Off or State.Done);

    /// <summary>Starts a new statement.</summary>
    public void Reset()
    {
        if (_state == State.First) return;
        _columns.Clear();
        _defaults.Clear();
        _literals.Clear();
        _literalOpen = false;
        (_state, _depth, _afterOn, _assigning, _givesColumns, _qualified, _ignore) = (State.First, 0, false, false, false, false, false);
        (_row, _value, _valueFirst, _allColumns, _onDuplicate, _reading, _update, _aliased) = (0, 0, false, false, false, DefaultReading.None, false, false);
        _introducer = default;
    }

    /// <summary>Reads the statement's next token.</summary>
    public void Step(string source, SqlToken token)
    {
        switch (_state)
        {
            case State.Off or State.Done:
                return;
            case State.First:
                _update = IsWord(source, token, "UPDATE");
                _state = _update || IsWord(source, token, "INSERT") || IsWord(source, token, "REPLACE") ? State.Modifiers : State.Off;
                return;
            case State.Modifiers:
                if (IsWord(source, token, "IGNORE")) _ignore = true;
                else if (!(IsWord(source, token, "INTO") || IsWord(source, token, "LOW_PRIORITY") || IsWord(source, token, "DELAYED") || IsWord(source, token, "HIGH_PRIORITY"))) Table(token);
                return;
            case State.AfterTable when _update:
                if (Is(source, token, '.') && !_qualified && !_aliased) (_state, _qualified) = (State.TableDot, true);
                else if (IsWord(source, token, "SET")) _state = State.Target;
                else if (!_aliased && (IsWord(source, token, "AS") || (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && !IsWord(source, token, "JOIN") && !IsWord(source, token, "PARTITION")))) _aliased = !IsWord(source, token, "AS");
                else _state = State.Off; // Several tables, a join, a partition: not followed.
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
                if (Is(source, token, ')'))
                {
                    (_state, _givesColumns) = (State.Rows, true);
                    return;
                }

                // A row of values without a column list gives every column, in the table's order.
                (_state, _allColumns, _depth, _valueFirst) = (State.Rows, true, 1, true);
                Rows(source, token);
                return;
            case State.Rows:
                Rows(source, token);
                return;
            case State.Duplicate:
                _state = IsWord(source, token, "KEY") ? State.DuplicateKey : State.Off;
                return;
            case State.DuplicateKey:
                (_state, _onDuplicate) = IsWord(source, token, "UPDATE") ? (State.Target, true) : (State.Off, false);
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

    // VALUES rows or an assignment's value: ',' and ON DUPLICATE KEY UPDATE at depth 0 matter, and
    // the rows' values and DEFAULT.
    private void Rows(string source, SqlToken token)
    {
        if (_reading != DefaultReading.None && ReadDefault(source, token)) return;
        if (_literalOpen && !EndsValue(source, token)) _literals.RemoveAt(_literals.Count - 1);
        var afterOn = _afterOn;
        var valueFirst = _valueFirst;
        var introducer = _introducer;
        (_afterOn, _valueFirst, _literalOpen, _introducer) = (false, false, false, default);
        if (valueFirst && introducer.Length == 0 && token.Kind == SqlTokenKind.Word && !_onDuplicate && !_update && IsIntroducer(source, token))
        {
            // _utf8mb4'c': the string after it still begins the value.
            (_valueFirst, _introducer) = (true, token);
            return;
        }

        if (valueFirst && token.Kind == SqlTokenKind.String && !_onDuplicate && !_update)
        {
            _literals.Add(new MariaDbLiteralUse(token, _assigning ? _name : default, _assigning ? -1 : _row, _assigning ? -1 : _value) { Introducer = introducer });
            _literalOpen = true;
            return;
        }

        if (token.Kind == SqlTokenKind.Symbol && token.Length == 1)
        {
            var symbol = source[token.Start];
            if (symbol == '(')
            {
                if (_depth == 0 && !_assigning) (_value, _valueFirst) = (0, true);
                _depth++;
            }
            else if (symbol == ')' && _depth > 0)
            {
                if (--_depth == 0 && !_assigning) _row++;
            }
            else if (symbol == ',' && _depth == 0 && _assigning)
            {
                _state = State.Target;
            }
            else if (symbol == ',' && _depth == 1 && !_assigning)
            {
                (_value, _valueFirst) = (_value + 1, true);
            }

            return;
        }

        if (token.Kind == SqlTokenKind.Word && IsWord(source, token, "DEFAULT"))
        {
            // Taken as the value itself until '(' makes it a call.
            (_reading, _default) = (DefaultReading.AfterWord, token);
            if (valueFirst && !_onDuplicate) _defaults.Add(new MariaDbDefaultUse(token, _assigning ? _name : default, _assigning ? -1 : _row, _assigning ? -1 : _value, Call: false));
            return;
        }

        if (_depth > 0 || token.Kind != SqlTokenKind.Word) return;
        if (_update)
        {
            if (IsWord(source, token, "WHERE") || IsWord(source, token, "ORDER") || IsWord(source, token, "LIMIT")) _state = State.Done;
            return;
        }

        if (IsWord(source, token, "ON")) _afterOn = true;
        else if (afterOn && IsWord(source, token, "DUPLICATE")) _state = State.Duplicate;
        else if (IsWord(source, token, "RETURNING")) _state = State.Done;
    }

    // A charset introducer: '_' and a charset's name, which the server reads before a string only.
    private static bool IsIntroducer(string source, SqlToken token)
        => token.Length > 1 && source[token.Start] == '_' && MySqlCharsets.Named(source.Substring(token.Start + 1, token.Length - 1)) != MySqlCharsets.Unknown;

    // Whether the token ends the value a literal began: ',' or ')' of its row, or after an assignment ',', ON or RETURNING.
    private readonly bool EndsValue(string source, SqlToken token)
        => _assigning
            ? _depth == 0 && (Is(source, token, ',') || IsWord(source, token, "ON") || IsWord(source, token, "RETURNING"))
            : _depth == 1 && (Is(source, token, ',') || Is(source, token, ')'));

    // A token after DEFAULT: '(' and a column name make a call, DEFAULT(col); anything else leaves
    // the bare DEFAULT noted and is read as usual (false). A call the watch cannot read ends the watch.
    private bool ReadDefault(string source, SqlToken token)
    {
        switch (_reading)
        {
            case DefaultReading.AfterWord:
                if (!Is(source, token, '('))
                {
                    _reading = DefaultReading.None;
                    return false;
                }

                if (_defaults.Count > 0 && _defaults[^1].At.Start == _default.Start) _defaults.RemoveAt(_defaults.Count - 1);
                _reading = DefaultReading.CallName;
                return true;
            case DefaultReading.CallName:
                if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) (_reading, _defaultColumn) = (DefaultReading.CallAfterName, token);
                else (_state, _reading) = (State.Off, DefaultReading.None);
                return true;
            default:
                if (Is(source, token, '.'))
                {
                    _reading = DefaultReading.CallName;
                }
                else if (Is(source, token, ')'))
                {
                    _defaults.Add(new MariaDbDefaultUse(_default, _defaultColumn, -1, -1, Call: true));
                    _reading = DefaultReading.None;
                }
                else
                {
                    (_state, _reading) = (State.Off, DefaultReading.None);
                }

                return true;
        }
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
        else if (next == State.Rows) (_depth, _afterOn, _assigning, _valueFirst) = (0, false, true, true);
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
internal readonly record struct MariaDbInsertHead(SqlToken Table, bool Qualified, bool Ignore, List<SqlToken> Columns, int Start, int Count)
{
    /// <summary>Whether VALUES rows without a column list give every column, in the table's order (the columns are then none).</summary>
    public bool AllColumns { get; init; }

    /// <summary>Whether the statement is a single-table UPDATE, read only for DEFAULT in its assignments (the columns are those it assigns).</summary>
    public bool Update { get; init; }

    /// <summary>Where the DEFAULT values and DEFAULT(col) calls are: <see cref="DefaultCount"/> of them from <see cref="DefaultStart"/>.</summary>
    public List<MariaDbDefaultUse>? Defaults { get; init; }

    /// <summary>The first of them.</summary>
    public int DefaultStart { get; init; }

    /// <summary>How many there are.</summary>
    public int DefaultCount { get; init; }

    /// <summary>The values written as one string literal alone, in the statement's order.</summary>
    public List<MariaDbLiteralUse>? Literals { get; init; }
}

/// <summary>
/// A <c>DEFAULT</c> in an INSERT's rows or assigned values: written as the value itself, for the
/// column at <paramref name="Value"/> of row <paramref name="Row"/> or for the assigned column
/// <paramref name="Column"/>; or a call <c>DEFAULT(col)</c> of column <paramref name="Column"/>.
/// </summary>
/// <param name="At">The DEFAULT word.</param>
/// <param name="Column">The column assigned, or the one the call names (its last name); none for a row's value.</param>
/// <param name="Row">The row, from 0, of a value of VALUES rows; -1 otherwise.</param>
/// <param name="Value">The value's place in its row, from 0; -1 otherwise.</param>
/// <param name="Call">Whether it is a call, DEFAULT(col).</param>
internal readonly record struct MariaDbDefaultUse(SqlToken At, SqlToken Column, int Row, int Value, bool Call);

/// <summary>
/// A value of an INSERT's rows or SET assignments written as one string literal and nothing else:
/// for the column at <paramref name="Value"/> of row <paramref name="Row"/>, or for the assigned column <paramref name="Column"/>.
/// </summary>
/// <param name="At">The literal.</param>
/// <param name="Column">The column assigned; none for a row's value.</param>
/// <param name="Row">The row, from 0, of a value of VALUES rows; -1 for an assignment.</param>
/// <param name="Value">The value's place in its row, from 0; -1 for an assignment.</param>
internal readonly record struct MariaDbLiteralUse(SqlToken At, SqlToken Column, int Row, int Value)
{
    /// <summary>The charset introducer written before the literal (<c>_utf8mb4'c'</c>); none (length 0) when there is none.</summary>
    public SqlToken Introducer { get; init; }
}
