using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// Reads statements one at a time from a <see cref="SqlLexer"/>, ending them at terminators
/// but keeping routine bodies whole: PostgreSQL <c>BEGIN ATOMIC ... END</c> and MySQL
/// <c>CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT ... BEGIN ... END</c> written without a
/// <c>DELIMITER</c> change. Dollar-quoted bodies are already single tokens.
/// </summary>
/// <remarks>
/// Only statements that can shape a tracked object keep their tokens (<see cref="IsTracked"/>),
/// in one buffer reused for every statement. The parser reads nothing but statements that
/// start with CREATE, ALTER, DROP or RENAME (and PostgreSQL's queries, which may SELECT ...
/// INTO a new table, and its COMMENT ON, refused on a missing table or column), and the engine runs PostgreSQL DO blocks and
/// follows calls and dynamic SQL (<see cref="Schema.RoutineCalls"/>), so that first word
/// decides; the rest (data, grants) are run through the lexer to find their end and
/// are not stored, but for the data statements a check asks for (<see cref="KeepsEveryStatement"/>,
/// <see cref="DataTargets"/>). Memory is therefore bounded by the longest statement kept, not by
/// the text.
/// </remarks>
internal sealed class SqlStatementReader : ISqlStatementSource
{
    private readonly SqlLexer _lexer;
    private readonly string _source;
    private readonly bool _mySql;
    private readonly List<SqlLexDiagnostic> _diagnostics;
    private SqlToken _lookahead;
    private bool _hasLookahead;
    private CopyData _copyData;
    private bool _keepsThis; // The current statement keeps its tokens though untracked (a DELETE, with KeepsDeletes).
    private MariaDbJsonCastWatch _jsonCasts;
    private MariaDbInsertWatch _inserts;
    private bool _watchesInserts;
    private DataStatementHead _head;
    private DataStatementRelationWatch _relations;
    private DataKeeping _data;
    private PostgresDataSyntaxWatch _syntax;
    private readonly SessionReading _session;

    /// <param name="source">The SQL.</param>
    /// <param name="dialect">Whose rules apply.</param>
    /// <param name="firstLine">The file line the text starts on.</param>
    /// <param name="diagnostics">Receives lexing problems and unclosed bodies.</param>
    /// <param name="buffer">Where tracked statements' tokens go; pass one list to every reader of a run so it is allocated once.</param>
    /// <param name="flywayDelimiters">Whether MySQL's <c>DELIMITER</c> is read as Flyway reads it (<see cref="ToolDelimiters"/>).</param>
    /// <param name="everyVersionComment">Whether MySQL executable comments are all read as SQL, as the client splits a script, rather than by the dialect's version gates.</param>
    /// <param name="psql">PostgreSQL: the state of psql's commands (a new one when null): a migration is read as psql reads it.</param>
    /// <param name="session">How the session reads the text as it starts (<see cref="SessionReading"/>), followed through the text's SET statements; a new session's when null.</param>
    public SqlStatementReader(string source, SqlDialect dialect, int firstLine, List<SqlLexDiagnostic> diagnostics, List<SqlToken>? buffer = null, bool flywayDelimiters = false, bool everyVersionComment = false, PsqlScript? psql = null, SessionReading? session = null)
    {
        Tokens = buffer ?? new List<SqlToken>(64);
        _source = source;
        _mySql = dialect.IsMySqlFamily();
        _diagnostics = diagnostics;
        _lexer = new SqlLexer(source, dialect, firstLine, diagnostics, flywayDelimiters, everyVersionComment, reportsBackticks: true, _mySql ? null : psql ?? new PsqlScript());
        _session = session ?? new SessionReading(dialect);
        _lexer.Reading = _session.Reading;
    }

    /// <summary>The current statement's tokens when <see cref="IsTracked"/> or <see cref="KeepsEveryStatement"/>, or a data statement <see cref="DataTargets"/> keeps; empty otherwise.</summary>
    public List<SqlToken> Tokens { get; }

    /// <summary>
    /// PostgreSQL: which INSERT, UPDATE and DELETE statements keep their tokens, by the table
    /// they name (<see langword="null"/>: none). Their tokens are kept until the table is read,
    /// then dropped unless it answers yes. Set between statements, it applies from the next one.
    /// </summary>
    public IDataStatementTargets? DataTargets { get; set; }

    /// <summary>
    /// Whether untracked statements (data changes) keep their tokens too, for as long as a check
    /// needs to read them: set between statements, it applies from the next one.
    /// </summary>
    public bool KeepsEveryStatement { get; set; }

    /// <summary>Whether DELETE statements keep their tokens, for MariaDB's check of their alias (<see cref="Schema.MariaDbDeleteAlias"/>).</summary>
    public bool KeepsDeletes { get; init; }

    /// <summary>MariaDB: whether statements are watched for a cast to JSON while they are read (<see cref="JsonCastAt"/>).</summary>
    public bool WatchesJsonCasts { get; init; }

    /// <summary>With <see cref="WatchesJsonCasts"/>, the <c>JSON</c> of the current statement's first <c>CAST(... AS JSON)</c> or <c>CONVERT(..., JSON)</c>.</summary>
    public SqlToken? JsonCastAt => _jsonCasts.Found;

    /// <summary>MariaDB: whether INSERT and REPLACE statements are watched for the columns they give while they are read (<see cref="InsertHead"/>).</summary>
    public bool WatchesInserts
    {
        get => _watchesInserts;
        init
        {
            _watchesInserts = value;
            if (value) _inserts = new MariaDbInsertWatch(new List<SqlToken>(8), new List<MariaDbDefaultUse>(2), new List<MariaDbLiteralUse>(8));
        }
    }

    /// <summary>PostgreSQL: the syntax error the server stops the current INSERT, UPDATE or DELETE at, if one is certain (<see cref="PostgresDataSyntaxWatch"/>).</summary>
    public DataSyntaxError? DataSyntax => _syntax.Found;

    /// <summary>With <see cref="WatchesInserts"/>, the head of the current statement when it is an INSERT or REPLACE whose columns the server checks.</summary>
    public MariaDbInsertHead? InsertHead => _watchesInserts ? _inserts.Head : null;

    /// <summary>Whether the current statement starts with a word the engine reads (CREATE, ALTER, DROP, RENAME; PostgreSQL's DO, SELECT, WITH, COMMENT and '('; CALL and the statements of dynamic SQL).</summary>
    public bool IsTracked { get; private set; }

    /// <summary>Whether the current statement keeps its tokens whatever <see cref="KeepsEveryStatement"/> says: a tracked one, a DELETE with <see cref="KeepsDeletes"/>, or a PostgreSQL SET, RESET or ROLLBACK.</summary>
    public bool KeepsTokensAlways => IsTracked || _keepsThis;

    /// <summary>How many tokens the current statement has, stored or not.</summary>
    public int Count { get; private set; }

    /// <summary>The current statement's first token.</summary>
    public SqlToken First { get; private set; }

    /// <summary>The current statement's last token.</summary>
    public SqlToken Last { get; private set; }

    /// <summary>Always <see langword="null"/>: the caller parses what this reader reads.</summary>
    public ParsedStatement? Parsed => null;

    /// <summary>Moves to the next statement; <see langword="false"/> at the end of the text.</summary>
    public bool Read()
    {
        if (_copyData == CopyData.Follows && !_hasLookahead) _lexer.SkipCopyData();
        _copyData = CopyData.None;
        Tokens.Clear();
        Count = 0;
        IsTracked = false;
        _data = DataKeeping.None;
        _jsonCasts.Reset();
        _syntax.Reset();
        if (_watchesInserts) _inserts.Reset();
        var depth = 0;
        var bodyAllowed = false;
        var routine = false; // MySQL: a PROCEDURE/FUNCTION/TRIGGER/EVENT word came before, so BEGIN opens a body.
        SqlToken? bodyStart = null;
        while (Take(out var token))
        {
            if (token.Kind == SqlTokenKind.Delimiter || (token.Kind == SqlTokenKind.Semicolon && depth == 0))
            {
                if (!_mySql && token.Kind == SqlTokenKind.Delimiter && PsqlScript.DiscardsBuffer(_source, token))
                {
                    // psql's \gdesc describes the statement without running it.
                    Tokens.Clear();
                    Count = 0;
                    IsTracked = false;
                    _keepsThis = false;
                    _data = DataKeeping.None;
                    _copyData = CopyData.None;
                    _syntax.Reset();
                }

                if (Count > 0)
                {
                    _syntax.End(token.Kind == SqlTokenKind.Semicolon ? token : null);
                    return Ended();
                }

                depth = 0;
                bodyAllowed = false;
                routine = false;
                bodyStart = null;
                continue;
            }

            Add(token);
            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            if (Count == 1)
            {
                bodyAllowed = !_mySql || IsWord(token, "CREATE");
                // MariaDB's anonymous compound statement, BEGIN NOT ATOMIC ... END, is its own body
                // (a plain BEGIN starts a transaction).
                if (_mySql && IsWord(token, "BEGIN") && Peek(out var next) && IsWord(next, "NOT"))
                {
                    bodyAllowed = true;
                    depth = 1;
                    bodyStart = token;
                }

                continue;
            }

            if (!bodyAllowed)
            {
                continue;
            }

            if (depth == 0)
            {
                if (OpensBody(token, routine))
                {
                    depth = 1;
                    bodyStart = token;
                }
                else if (_mySql && IsRoutineWord(token))
                {
                    routine = true;
                }

                continue;
            }

            if (IsWord(token, "BEGIN") || IsWord(token, "CASE"))
            {
                depth++;
            }
            else if (IsWord(token, "END") && !ClosesLoopOrIf())
            {
                depth--;
                if (Peek(out var next) && IsWord(next, "CASE"))
                {
                    Take(out next); // END CASE closes, not opens.
                    Add(next);
                }
            }
        }

        // The end of the text ends the last statement.
        if (depth > 0 && bodyStart is { } open)
        {
            _diagnostics.Add(new SqlLexDiagnostic(
                DiagnosticCodes.UnterminatedBody,
                "This BEGIN block is never closed with END, so the rest of the file is read as its body. Add the missing END (and terminator).",
                open.Line,
                open.Column));
        }

        if (Count == 0) return false;
        _syntax.End(null);
        return Ended();
    }

    // A SET that changes how the text reads (SessionReading) changes it before the next statement is lexed.
    private bool Ended()
    {
        if (_data == DataKeeping.Watching && _relations.EndsOnKept(_source, DataTargets!)) _data = DataKeeping.Found;
        if (_data == DataKeeping.Found) KeepFound();
        if (_session.MayChange(_source, First) && Tokens.Count > 0)
        {
            _session.Follow(_source, Tokens, _diagnostics);
            _lexer.Reading = _session.Reading;
        }

        return true;
    }

    private void Add(SqlToken token)
    {
        FollowCopy(token);
        if (++Count == 1)
        {
            First = token;
            // A DO block runs when the migration runs; a procedure or dynamic SQL may run DDL; a
            // PostgreSQL query, however it starts, may SELECT ... INTO a new table; a COMMENT ON
            // fails on a table or column that does not exist.
            IsTracked = (token.Kind == SqlTokenKind.Word
                         && (IsWord(token, "CREATE") || IsWord(token, "ALTER") || IsWord(token, "DROP") || IsWord(token, "RENAME")
                             || (!_mySql && (IsWord(token, "DO") || IsWord(token, "WITH") || IsWord(token, "COMMENT")))
                             || Schema.RoutineCalls.Reads(_source, token, _mySql)))
                        || (!_mySql && SqlTokenText.IsSymbol(_source, token, '('));
            // PostgreSQL's SET, RESET and ROLLBACK are read for the search_path they set or end (PostgresSearchPath).
            _keepsThis = (KeepsDeletes && IsWord(token, "DELETE"))
                         || (!_mySql && (IsWord(token, "SET") || IsWord(token, "RESET") || IsWord(token, "ROLLBACK")));
            if (!_mySql) _syntax.Start(_source, token);
            if (DataTargets is not null && !_mySql && DataStatementHead.Starts(_source, token))
            {
                _data = DataKeeping.Reading;
                _head.Reset();
            }
        }

        if (_data == DataKeeping.Reading) ReadDataHead(token);
        else if (_data == DataKeeping.Watching && _relations.Take(_source, token, DataTargets!)) _data = DataKeeping.Found;
        if (KeepsTokensAlways || KeepsEveryStatement || _data is DataKeeping.Reading or DataKeeping.Kept) Tokens.Add(token);
        if (Count > 1 && _syntax.Watching) _syntax.Step(_source, token);
        if (WatchesJsonCasts) _jsonCasts.Step(_source, token);
        if (_watchesInserts && _inserts.Reading) _inserts.Step(_source, token);
        Last = token;
    }

    // The tokens read so far are dropped once the table says the statement is not worth them.
    private void ReadDataHead(SqlToken token)
    {
        if (_head.Take(_source, token, DataTargets!) is not { } keeps) return;
        _data = keeps ? DataKeeping.Kept : DataKeeping.Watching;
        if (keeps) return;
        if (!KeepsEveryStatement) Tokens.Clear();
        _relations.Reset();
        if (_relations.Take(_source, token, DataTargets!)) _data = DataKeeping.Found; // The token that decided may start a relation (DELETE FROM a USING b).
    }

    // A relation the statement reads past its head is worth its tokens: the ones passed over
    // unstored are lexed again from the statement's first, as the lexer read them, so a long
    // statement that is not worth them is never held whole.
    private void KeepFound()
    {
        _data = DataKeeping.Kept;
        if (KeepsTokensAlways || KeepsEveryStatement) return; // Stored already.
        SqlLexer.LexAgain(_source, SqlDialect.Postgres, First, Last, _session.Reading, Tokens);
    }

    private enum DataKeeping : byte
    {
        None,
        Reading,
        Kept,
        Watching, // Its head's table is not worth its tokens; the relations it reads besides may be (DataStatementRelationWatch).
        Found, // One is: its tokens are read again at its end.
    }

    // PostgreSQL's COPY ... FROM STDIN: psql sends the lines after it, up to \., as the data.
    private void FollowCopy(SqlToken token)
    {
        if (_mySql || token.Kind != SqlTokenKind.Word) return;
        if (Count == 0)
        {
            _copyData = IsWord(token, "COPY") ? CopyData.Copy : CopyData.None;
        }
        else if (_copyData == CopyData.Copy && IsWord(token, "FROM"))
        {
            _copyData = CopyData.From;
        }
        else if (_copyData == CopyData.From)
        {
            _copyData = IsWord(token, "STDIN") ? CopyData.Follows : CopyData.Copy;
        }
    }

    private enum CopyData : byte
    {
        None,
        Copy,
        From,
        Follows,
    }

    private bool Take(out SqlToken token)
    {
        if (_hasLookahead)
        {
            _hasLookahead = false;
            token = _lookahead;
            return true;
        }

        return _lexer.Next(out token);
    }

    private bool Peek(out SqlToken token)
    {
        if (!_hasLookahead) _hasLookahead = _lexer.Next(out _lookahead);
        token = _lookahead;
        return _hasLookahead;
    }

    private bool IsWord(SqlToken token, string keyword) => SqlTokenText.IsWord(_source, token, keyword);

    private bool OpensBody(SqlToken token, bool routine)
    {
        if (!IsWord(token, "BEGIN"))
        {
            return false;
        }

        // PostgreSQL: BEGIN ATOMIC; MySQL: only routine definitions have compound bodies.
        return _mySql ? routine : Peek(out var next) && IsWord(next, "ATOMIC");
    }

    private bool IsRoutineWord(SqlToken token)
        => IsWord(token, "PROCEDURE") || IsWord(token, "FUNCTION") || IsWord(token, "TRIGGER") || IsWord(token, "EVENT");

    // END IF / END LOOP / END WHILE / END REPEAT close blocks whose openings are not counted.
    private bool ClosesLoopOrIf()
        => Peek(out var next)
           && (IsWord(next, "IF") || IsWord(next, "LOOP") || IsWord(next, "WHILE") || IsWord(next, "REPEAT"));
}
