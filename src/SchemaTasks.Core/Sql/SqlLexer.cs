using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// Turns SQL text into tokens, knowing every quoting and comment rule of both dialects so
/// that text inside strings, comments and bodies is never mistaken for SQL. Single pass,
/// no allocation per token; never throws, always advances. Tokens are pulled one at a time
/// (<see cref="Next"/>), so a caller that only needs some statements never stores the rest:
/// memory then follows the schema, not the length of the text.
/// </summary>
/// <remarks>
/// The analyzer (netstandard2.0) compiles this file and its token types too, to read SQL in C#
/// strings: a .NET 8 API used here needs a stand-in there (src/SchemaTasks.Analyzers/Sql/EngineLexerSupport.cs).
/// </remarks>
internal sealed class SqlLexer
{
    private readonly string _text;
    private readonly SqlDialect _dialect;
    private readonly bool _flywayDelimiters;
    private readonly PsqlScript? _psql; // Set when the text is read as psql reads it.
    private int _bracketDepth; // Inside [ ]: psql's ':n' there is an array slice when n is no variable.
    private bool _psqlCommandSeen; // The file's first psql command is noted once, for the tools that send it to the server.
    private readonly int _lineOffset;
    private readonly List<SqlLexDiagnostic> _diagnostics;
    private SqlToken _token;
    private bool _emitted;
    private bool _finished;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private bool _space = true;
    private string _delimiter = ";";
    private bool _statementOpen; // A token other than a terminator came since the last terminator: the mysql client's buffer is not empty.

    // How quotes read under the session's settings (Reading): set when they change, so a token costs no more under them.
    private SqlReading _reading;
    private SqlQuoteStyle _stringStyle; // Of '...' (and MySQL's "..." while it is a string).
    private bool _doubleQuoteNames; // Whether "..." is a name: PostgreSQL, or MySQL's ANSI_QUOTES.

    // PostgreSQL: whether backticks in the migration's own text are reported, and whether the current statement had one already (one finding is enough).
    private readonly bool _reportsBackticks;
    private bool _backtickReported;

    // MySQL executable comments (/*!40101 ... */): the inside is lexed as SQL; this remembers
    // where the comment opened so its closing */ is dropped and an unclosed one is reported.
    private int _versionCommentLine;
    private int _versionCommentColumn;

    // The open executable comment's version gate leaves it out on the dialect's servers: its
    // tokens are passed over, though its terminators still end statements, as the client splits there.
    private bool _versionCommentSkipped;

    // Splitting for the migrator, which sends executable comments as written and lets the server
    // apply their gates: every one is lexed as SQL.
    private readonly bool _everyVersionComment;

    /// <summary>A lexer over <paramref name="text"/>; read it with <see cref="Next"/>.</summary>
    /// <param name="text">The SQL.</param>
    /// <param name="dialect">Whose quoting rules apply.</param>
    /// <param name="firstLine">The file line the text starts on (1 for a whole file).</param>
    /// <param name="diagnostics">Receives unterminated strings, comments and the like as they are met.</param>
    /// <param name="flywayDelimiters">Whether <c>DELIMITER</c> is read as Flyway reads it (<see cref="TryDelimiterDirective"/>) rather than as the command-line client does.</param>
    /// <param name="everyVersionComment">Whether every MySQL executable comment is lexed as SQL whatever its version gate, as the client does to split a script; otherwise the gates follow <paramref name="dialect"/> (<see cref="VersionComments"/>).</param>
    /// <param name="reportsBackticks">PostgreSQL: whether a backtick outside strings is reported (<see cref="SqlLexDiagnosticKind.PostgresBacktick"/>), and a <c>#</c> starting a statement (a syntax error to the server): set for a migration's text, not for fragments read again.</param>
    /// <param name="psql">PostgreSQL: the state of psql's commands when the text is a migration psql may run (<see cref="PsqlScript"/>); otherwise a line starting with a backslash is only passed over.</param>
    public SqlLexer(string text, SqlDialect dialect, int firstLine, List<SqlLexDiagnostic> diagnostics, bool flywayDelimiters = false, bool everyVersionComment = false, bool reportsBackticks = false, PsqlScript? psql = null)
    {
        _text = text;
        _reportsBackticks = reportsBackticks && dialect == SqlDialect.Postgres;
        _dialect = dialect;
        _flywayDelimiters = flywayDelimiters;
        _everyVersionComment = everyVersionComment;
        _psql = dialect.IsMySqlFamily() ? null : psql;
        _lineOffset = firstLine - 1;
        _diagnostics = diagnostics;
        Reading = SqlReading.Default;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    /// <summary>Lexes <paramref name="text"/>.</summary>
    /// <param name="text">The SQL.</param>
    /// <param name="dialect">Whose quoting rules apply.</param>
    /// <param name="firstLine">The file line the text starts on (1 for a whole file).</param>
    /// <param name="psql">PostgreSQL: read the text as psql runs it, as a migration is (<see cref="PsqlScript"/>).</param>
    public static (List<SqlToken> Tokens, List<SqlLexDiagnostic> Diagnostics) Lex(string text, SqlDialect dialect, int firstLine = 1, PsqlScript? psql = null)
    {
        var tokens = new List<SqlToken>();
        if (psql is null) return (tokens, LexInto(text, dialect, tokens, firstLine));
        var diagnostics = new List<SqlLexDiagnostic>();
        var lexer = new SqlLexer(text, dialect, firstLine, diagnostics, psql: psql);
        while (lexer.Next(out var token)) tokens.Add(token);
        return (tokens, diagnostics);
    }

    /// <summary>
    /// As <see cref="Lex"/>, into <paramref name="tokens"/>, which is cleared first: a caller that
    /// parses many short fragments (a live catalog's type and CHECK texts) reuses one list.
    /// </summary>
    /// <returns>The diagnostics.</returns>
    public static List<SqlLexDiagnostic> LexInto(string text, SqlDialect dialect, List<SqlToken> tokens, int firstLine = 1)
    {
        var diagnostics = new List<SqlLexDiagnostic>();
        var lexer = new SqlLexer(text, dialect, firstLine, diagnostics);
        tokens.Clear();
        while (lexer.Next(out var token)) tokens.Add(token);
        return diagnostics;
    }

    /// <summary>
    /// As <see cref="LexInto"/>, for a caller that only asks whether the text lexed without a
    /// problem: a stored default or CHECK is lexed again at almost every column, and a list for
    /// problems that almost never come would be made each time.
    /// </summary>
    /// <returns>Whether lexing found no problem.</returns>
    public static bool LexesCleanly(string text, SqlDialect dialect, List<SqlToken> tokens)
    {
        var problems = t_problems ??= [];
        problems.Clear();
        var lexer = new SqlLexer(text, dialect, 1, problems);
        tokens.Clear();
        while (lexer.Next(out var token)) tokens.Add(token);
        return problems.Count == 0;
    }

    [ThreadStatic]
    private static List<SqlLexDiagnostic>? t_problems;

    /// <summary>
    /// Lexes again, into <paramref name="tokens"/> (cleared first), the statement that ran from
    /// <paramref name="first"/> to <paramref name="last"/> of <paramref name="text"/>, as a lexer
    /// reading the whole text under <paramref name="reading"/> gave them: for a reader that passed
    /// a statement's tokens over unstored and finds at its end that it needs them. Lexing problems
    /// were reported the first time.
    /// </summary>
    public static void LexAgain(string text, SqlDialect dialect, SqlToken first, SqlToken last, SqlReading reading, List<SqlToken> tokens)
    {
        var problems = t_problems ??= [];
        problems.Clear();
        var lexer = new SqlLexer(text, dialect, 1, problems) { Reading = reading };
        (lexer._pos, lexer._line, lexer._lineStart) = (first.Start, first.Line, first.Start - first.Column + 1);
        tokens.Clear();
        while (lexer.Next(out var token) && token.Start <= last.Start)
        {
            if (token.Kind != SqlTokenKind.Delimiter) tokens.Add(token);
        }
    }

    /// <summary>Reads the next token; <see langword="false"/> at the end of the text.</summary>
    public bool Next(out SqlToken token)
    {
        _emitted = false;
        while (!_emitted && _pos < _text.Length) Step();
        if (_emitted)
        {
            token = _token;
            return true;
        }

        if (!_finished)
        {
            _finished = true;
            if (_versionCommentLine > 0)
            {
                Report(DiagnosticCodes.UnterminatedComment, "The MySQL executable comment '/*!' is never closed with '*/'. Close it, or remove it.", _versionCommentLine, _versionCommentColumn);
            }
        }

        token = default;
        return false;
    }

    private bool IsMySql => _dialect.IsMySqlFamily();

    /// <summary>
    /// The session settings the text after the current token is read under (<see cref="SqlReading"/>);
    /// set between statements, when one changes them.
    /// </summary>
    public SqlReading Reading
    {
        get => _reading;
        set
        {
            _reading = value;
            _stringStyle = IsMySql
                ? (value & SqlReading.NoBackslashEscapes) != 0 ? SqlQuoteStyle.Doubling : SqlQuoteStyle.Backslash
                : (value & SqlReading.BackslashEscapes) != 0 ? SqlQuoteStyle.NonStandardBackslash : SqlQuoteStyle.Doubling;
            _doubleQuoteNames = !IsMySql || (value & SqlReading.AnsiQuotes) != 0;
        }
    }

    private const string BacktickMessage = "PostgreSQL does not quote names with backticks, as MySQL does: outside a string it reads '`' as an operator character, and refuses this statement (syntax error 42601 where a name is expected, 42883 'operator does not exist' between values). Quote the name with double quotes, or remove the backticks.";

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    /// <summary>Consumes one token, or one run of whitespace or comment.</summary>
    private void Step()
    {
        var c = _text[_pos];
        if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
        {
            SkipWhitespace();
            return;
        }

        if (IsMySql && (c is 'd' or 'D') && TryDelimiterDirective())
        {
            return;
        }

        if (_delimiter != ";" && string.CompareOrdinal(_text, _pos, _delimiter, 0, _delimiter.Length) == 0)
        {
            Emit(SqlTokenKind.Delimiter, _pos, _delimiter.Length);
            return;
        }

        // psql reads a backslash outside quotes as the start of its own command, at the end of a
        // query line too (SELECT ... \gexec).
        if (c == '\\' && !IsMySql && (_psql is not null || AtLineStart()))
        {
            PsqlMetaCommand();
            return;
        }

        if (c == ':' && _psql is not null)
        {
            PsqlVariableUse();
        }

        switch (c)
        {
            case '-' when At(_pos + 1) == '-' && (!IsMySql || IsMySqlDashCommentEnd(At(_pos + 2)) || _pos + 2 >= _text.Length):
            case '#' when IsMySql:
                SkipLineComment();
                return;
            case '-' when IsMySql && At(_pos + 1) == '-' && (_pos == 0 || _text[_pos - 1] != '-') && MySqlDashesWithoutSpace():
                return;
            case '/' when At(_pos + 1) == '*':
                BlockComment();
                return;
            case '*' when At(_pos + 1) == '/' && _versionCommentLine > 0:
                _versionCommentLine = 0;
                _versionCommentSkipped = false;
                Skip(2);
                return;
            case '\'':
                Quoted(SqlTokenKind.String, '\'', _stringStyle, 0);
                if (_stringStyle == SqlQuoteStyle.NonStandardBackslash) ReportRefusedEscapes(_pos);
                return;
            case '"':
                if (_doubleQuoteNames)
                {
                    Quoted(SqlTokenKind.QuotedIdentifier, '"', SqlQuoteStyle.Doubling, 0);
                }
                else
                {
                    Quoted(SqlTokenKind.String, '"', _stringStyle, 0);
                }

                return;
            case '`' when IsMySql:
                Quoted(SqlTokenKind.QuotedIdentifier, '`', SqlQuoteStyle.Doubling, 0);
                return;
            case '$' when !IsMySql:
                Dollar();
                return;
            case '#' when _reportsBackticks && !_statementOpen && (_psql is null || _psql.Interpolations is null):
                // MySQL's comment is an operator character to PostgreSQL, and no statement starts with an operator.
                Report(DiagnosticCodes.SyntaxError, "PostgreSQL does not read '#' as a comment, as MySQL does: to the server it is an operator character, and a statement cannot start with one, so it refuses this statement (42601, syntax error at or near \"#\"). Write the comment with '--' or '/* */'.", _line + _lineOffset, _pos - _lineStart + 1);
                break;
            case '`' when _reportsBackticks && !_backtickReported:
                _backtickReported = true;
                _diagnostics.Add(new SqlLexDiagnostic(DiagnosticCodes.PostgresBacktick, BacktickMessage, _line + _lineOffset, _pos - _lineStart + 1, SqlLexDiagnosticKind.PostgresBacktick));
                break;
            case ';':
                Emit(_delimiter == ";" ? SqlTokenKind.Semicolon : SqlTokenKind.Symbol, _pos, 1);
                return;
        }

        if (TryPrefixedString(c))
        {
            return;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(_pos + 1))))
        {
            Number();
        }
        else if (IsWordStart(c))
        {
            var start = _pos;
            var end = _pos + 1;
            // The mysql client finds its terminator anywhere outside quotes: END$$ under DELIMITER $$ is END, then the terminator.
            while (end < _text.Length && IsWordPart(_text[end]) && !AtCustomDelimiter(end)) end++;
            Emit(SqlTokenKind.Word, start, end - start);
        }
        else
        {
            Emit(SqlTokenKind.Symbol, _pos, SymbolLength(c));
        }
    }

    private bool AtCustomDelimiter(int at) => _delimiter != ";" && string.CompareOrdinal(_text, at, _delimiter, 0, _delimiter.Length) == 0;

    /// <summary>
    /// MySQL: a <c>--</c> not followed by a space. The server reads it as two minus signs (and a
    /// <c>#</c> after it as a comment), so <c>--#2274</c> before a statement joins it and the
    /// server refuses it; but a line that starts with it between statements never reaches the
    /// server from the mysql client (client/mysql.cc drops a line starting with <c>--</c> while no
    /// statement is open) nor from goose (its parser drops a line starting with <c>--</c> before a
    /// statement): that line is read as a comment here, as they read it, so no statement is lost
    /// whichever way it runs, and the engine says at which runners it fails.
    /// </summary>
    /// <returns>Whether the line was passed over as a comment; otherwise the minus signs are lexed as symbols.</returns>
    private bool MySqlDashesWithoutSpace()
    {
        var line = _line + _lineOffset;
        var column = _pos - _lineStart + 1;
        if (!_statementOpen && AtLineStart())
        {
            _diagnostics.Add(new SqlLexDiagnostic(DiagnosticCodes.DashesWithoutSpace, string.Empty, line, column, SqlLexDiagnosticKind.DashLineBetweenStatements));
            SkipLineComment();
            return true;
        }

        _diagnostics.Add(new SqlLexDiagnostic(DiagnosticCodes.DashesWithoutSpace, "MySQL reads '--' as a comment only when a space, a tab or a line break follows it: here the server reads two minus signs, not a comment (and a '#' after them as a comment to the end of the line), and the mysql client sends it so too. Write '-- ' with a space for a comment, or '- -' for two minus signs.", line, column, SqlLexDiagnosticKind.DashesInStatement));
        return false;
    }

    private static bool IsMySqlDashCommentEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' || c < ' ';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c >= '\u0080';

    private int SymbolLength(char c)
    {
        var next = At(_pos + 1);
        return (c, next) switch
        {
            (':', ':') or ('<', '=') or ('>', '=') or ('<', '>') or ('!', '=') or ('|', '|') or ('=', '>') or (':', '=') => 2,
            ('-', '>') => At(_pos + 2) == '>' ? 3 : 2,
            // MySQL's AND, one operator as the server reads it (PostgreSQL's array overlap stays two symbols, as before).
            ('&', '&') when IsMySql => 2,
            _ => 1,
        };
    }

    private void Emit(SqlTokenKind kind, int start, int length, SqlQuoteStyle style = SqlQuoteStyle.None, int prefix = 0, bool unterminated = false)
    {
        if (_versionCommentLine > 0 && PassedOverInVersionComment(kind, start, length)) return;
        if (_psql is not null)
        {
            if (_psql.Inactive)
            {
                // A branch psql skips: lexed, to find its end, but never sent.
                Advance(start + length);
                _space = false;
                return;
            }

            if (kind == SqlTokenKind.Symbol && length == 1) _bracketDepth += _text[start] == '[' ? 1 : _text[start] == ']' ? -1 : 0;
        }

        _token = new SqlToken(kind, start, length, _line + _lineOffset, start - _lineStart + 1, style, (byte)prefix, _space, unterminated);
        _emitted = true;
        _space = false;
        _statementOpen = kind is not (SqlTokenKind.Semicolon or SqlTokenKind.Delimiter);
        _backtickReported &= _statementOpen;
        Advance(start + length);
    }

    /// <summary>Moves to <paramref name="target"/>, counting the line breaks passed (CRLF, LF or CR).</summary>
    private void Advance(int target)
    {
        if (target > _text.Length) target = _text.Length;
        var i = _pos;
        while (i < target)
        {
            var next = _text.AsSpan(i, target - i).IndexOfAny('\n', '\r');
            if (next < 0) break;
            i += next;
            if (_text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
            {
                i++;
                if (i >= target)
                {
                    break;
                }
            }

            i++;
            _line++;
            _lineStart = i;
        }

        _pos = Math.Max(target, _pos);
    }

    /// <summary>
    /// Passes over the rows psql sends after <c>COPY ... FROM STDIN;</c>: from the next line up to
    /// and including a line that is only <c>\.</c>, or to the end of the text. They are data, not
    /// SQL, and read as SQL they would join the statement after them.
    /// </summary>
    public void SkipCopyData()
    {
        var lineEnd = _text.IndexOf('\n', _pos);
        var i = lineEnd < 0 ? _text.Length : lineEnd + 1;
        while (i < _text.Length)
        {
            var end = _text.IndexOf('\n', i);
            var stop = end < 0 ? _text.Length : end;
            var last = stop > i && _text[stop - 1] == '\r' ? stop - 1 : stop;
            if (last - i == 2 && _text[i] == '\\' && _text[i + 1] == '.')
            {
                Advance(end < 0 ? _text.Length : end + 1);
                _space = true;
                return;
            }

            i = end < 0 ? _text.Length : end + 1;
        }

        Advance(_text.Length);
    }

    private void Skip(int count)
    {
        Advance(_pos + count);
        _space = true;
    }

    private void SkipWhitespace()
    {
        var end = _pos;
        while (end < _text.Length && _text[end] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') end++;
        Advance(end);
        _space = true;
    }

    // Only spaces and tabs before the position on its line.
    private bool AtLineStart()
    {
        for (var i = _pos - 1; i >= _lineStart; i--)
        {
            if (_text[i] is not (' ' or '\t')) return false;
        }

        return true;
    }

    // psql reads a backslash (\set, \connect, pg_dump's \restrict) as its own command, up to the
    // end of the line; the server never sees it. Read as SQL, it joined the statement after it,
    // which was then passed over. An include runs another file's SQL here, which SchemaTasks
    // cannot see. When the text is read as psql reads it (_psql), the commands that send the
    // buffer end the statement, the conditionals choose what runs, and \set gives variables.
    private void PsqlMetaCommand()
    {
        var line = _line + _lineOffset;
        var column = _pos - _lineStart + 1;
        var lineEnd = _text.AsSpan(_pos).IndexOfAny('\n', '\r');
        var end = lineEnd < 0 ? _text.Length : _pos + lineEnd;
        var nameEnd = _pos + 1;
        while (nameEnd < end && (char.IsAsciiLetterOrDigit(_text[nameEnd]) || _text[nameEnd] == '_')) nameEnd++;
        if (_psql is null)
        {
            var word = _text.AsSpan(_pos + 1, end - _pos - 1).TrimStart();
            var space = word.IndexOfAny(' ', '\t');
            if (space >= 0) word = word.Slice(0, space);
            if (PsqlScript.Classify(word.ToString()) == PsqlCommand.Include) ReportInclude(word.ToString(), line, column);
            SkipLineComment();
            return;
        }

        if (!_psqlCommandSeen && _psql.Interpolations is null)
        {
            _psqlCommandSeen = true;
            _diagnostics.Add(new SqlLexDiagnostic(DiagnosticCodes.PsqlCommandSentToServer, string.Empty, line, column, SqlLexDiagnosticKind.PsqlCommand));
        }

        if (nameEnd == _pos + 1)
        {
            // A one-character command: \; adds a semicolon to the buffer (the server then ends the
            // statement there), \\ separates a command from SQL; the others take the line.
            var next = At(_pos + 1);
            if (next == ';' && !_psql.Inactive) Emit(SqlTokenKind.Semicolon, _pos, 2);
            else if (next == '\\') Skip(2);
            else SkipLineComment();
            return;
        }

        var name = _text.Substring(_pos + 1, nameEnd - _pos - 1);
        var command = PsqlScript.Classify(name);
        var arguments = command is PsqlCommand.If or PsqlCommand.Elif or PsqlCommand.Set or PsqlCommand.Unset ? _text.Substring(nameEnd, end - nameEnd) : string.Empty;
        switch (command)
        {
            case PsqlCommand.If:
            case PsqlCommand.Elif:
                if (command == PsqlCommand.If ? _psql.If(arguments) : _psql.Elif(arguments))
                {
                    ReportPsql(DiagnosticCodes.PsqlConditionUndecided, $"psql runs this '\\{name}' branch only when its condition is true, and SchemaTasks cannot tell its value: it is not a literal boolean (true, false, on, off, yes, no, 1, 0) nor a variable this file sets with \\set before it (a value from 'psql -v', from \\gset or a backquoted command). The branch is read as not taken, as psql takes a condition it cannot read (it reports it and goes on), which is not the schema psql builds when the value comes from outside the file. Set the variable in the file, or write the migration without the condition.", line, column);
                }

                SkipLineComment();
                return;
            case PsqlCommand.Else:
                _psql.Else();
                SkipLineComment();
                return;
            case PsqlCommand.EndIf:
                _psql.EndIf();
                SkipLineComment();
                return;
        }

        if (_psql.Inactive)
        {
            SkipLineComment();
            return;
        }

        switch (command)
        {
            case PsqlCommand.SendsBuffer:
            case PsqlCommand.DescribesBuffer:
                Emit(SqlTokenKind.Delimiter, _pos, end - _pos);
                return;
            case PsqlCommand.RunsResult:
                ReportPsql(DiagnosticCodes.PsqlRunsQueryResult, "'\\gexec' makes psql run each value the query before it returns as a statement of its own. SchemaTasks does not run queries, so it cannot know those statements nor what they do to tracked objects. Write the statements the query builds into the migration.", line, column);
                Emit(SqlTokenKind.Delimiter, _pos, end - _pos);
                return;
            case PsqlCommand.Set:
                _psql.Set(arguments);
                break;
            case PsqlCommand.Unset:
                _psql.Unset(arguments);
                break;
            case PsqlCommand.Include:
                ReportInclude(name, line, column);
                break;
        }

        SkipLineComment();
    }

    private void ReportInclude(string word, int line, int column)
        => Report(DiagnosticCodes.UnknownStatement, $"'\\{word}' makes psql run another file's SQL here, which SchemaTasks does not read, so the schema after it would be a guess. Write that SQL into the migration.", line, column);

    // While variables are being collected (PsqlVariables), nothing is reported: the text is read again.
    private void ReportPsql(string code, string message, int line, int column)
    {
        if (_psql!.Interpolations is null) Report(code, message, line, column);
    }

    // psql replaces :name, :'name' and :"name" outside quotes and comments with a variable's value
    // (as written, as a quoted literal, as a quoted identifier); '::' and ':=' are no variables.
    // While collecting (PsqlVariables), a use it can replace is listed; otherwise a use that is
    // left is reported: psql sends an unset one as written, which the server refuses, and the value
    // of one set outside the file ('psql -v') is unknown here.
    private void PsqlVariableUse()
    {
        var next = At(_pos + 1);
        if (next is ':' or '=' || _psql!.Inactive) return;
        var quote = next is '\'' or '"' ? next : '\0';
        var nameStart = _pos + (quote == '\0' ? 1 : 2);
        var nameEnd = nameStart;
        while (nameEnd < _text.Length && PsqlScript.IsNameChar(_text[nameEnd])) nameEnd++;
        if (nameEnd == nameStart || (quote != '\0' && At(nameEnd) != quote)) return;
        var end = quote == '\0' ? nameEnd : nameEnd + 1;
        var name = _text.Substring(nameStart, nameEnd - nameStart);
        if (_psql.TryValue(name, out var value, out var isSet))
        {
            var replacement = quote switch
            {
                '\'' => value!.IndexOf('\\') >= 0 ? null : "'" + value.Replace("'", "''") + "'",
                '"' => "\"" + value!.Replace("\"", "\"\"") + "\"",
                _ => value,
            };
            if (replacement is not null && replacement.IndexOfAny(['\n', '\r']) < 0 && _psql.Interpolations is { } found)
            {
                found.Add(new PsqlInterpolation(_pos, end - _pos, replacement));
                return;
            }
        }

        if (_psql.Interpolations is not null || (quote == '\0' && !isSet && _bracketDepth > 0)) return;
        var written = _text.Substring(_pos, end - _pos);
        Report(
            DiagnosticCodes.PsqlVariableUnknown,
            isSet
                ? $"psql replaces {written} with the value of its variable '{name}', which SchemaTasks cannot write here (psql computes it, or it holds a backslash or a line break), so the statement is read with {written} as written. Write the value into the migration."
                : $"psql replaces {written} with the value of its variable '{name}', which this file does not set with \\set before it: it comes from outside (psql -v), or psql sends {written} as written and the server refuses the statement. Set it in the file with \\set, or write the value into the migration.",
            _line + _lineOffset,
            _pos - _lineStart + 1);
    }

    private void SkipLineComment()
    {
        var end = _text.AsSpan(_pos).IndexOfAny('\n', '\r');
        Advance(end < 0 ? _text.Length : _pos + end);
        _space = true;
    }

    private void BlockComment()
    {
        var line = _line + _lineOffset;
        var column = _pos - _lineStart + 1;
        if (IsMySql && (At(_pos + 2) == '!' || (At(_pos + 2) == 'M' && At(_pos + 3) == '!')) && _versionCommentLine == 0)
        {
            // Executable comment: the server runs its content when its version gate lets it, so it is SQL to us too.
            var mariaDbOnly = At(_pos + 2) == 'M';
            var digitsStart = _pos + (mariaDbOnly ? 4 : 3);
            var i = digitsStart;
            var version = 0;
            while (i < _text.Length && char.IsAsciiDigit(_text[i]))
            {
                if (i - digitsStart < 6) version = (version * 10) + (_text[i] - '0');
                i++;
            }

            var gate = _everyVersionComment ? VersionCommentGate.Runs : VersionComments.Gate(_dialect, mariaDbOnly, i - digitsStart, version);
            if (gate == VersionCommentGate.Undecided)
            {
                _diagnostics.Add(new SqlLexDiagnostic(DiagnosticCodes.UndecidedVersionComment, UndecidedVersionMessage(_text.Substring(_pos, i - _pos)), line, column, SqlLexDiagnosticKind.UndecidedVersionComment));
            }

            _versionCommentSkipped = gate == VersionCommentGate.Skipped;
            _versionCommentLine = line;
            _versionCommentColumn = column;
            Skip(i - _pos);
            return;
        }

        var depth = 0;
        var p = _pos;
        while (p < _text.Length)
        {
            if (_text[p] == '/' && At(p + 1) == '*')
            {
                depth++;
                p += 2;
                if (IsMySql && depth > 1) depth = 1; // MySQL comments do not nest.
            }
            else if (_text[p] == '*' && At(p + 1) == '/')
            {
                depth--;
                p += 2;
                if (depth == 0)
                {
                    Skip(p - _pos);
                    return;
                }
            }
            else
            {
                p++;
            }
        }

        Report(DiagnosticCodes.UnterminatedComment, "This '/*' comment is never closed with '*/'. Close it; everything after it is otherwise ignored.", line, column);
        Skip(_text.Length - _pos);
    }

    private string UndecidedVersionMessage(string opening)
        => $"'{opening}' runs its content only on a server of that version or later, and the '{(_dialect == SqlDialect.MariaDb ? "mariadb" : "mysql")}' dialect stands for releases on both sides of it (docs/dialects.md), so whether this statement does what it holds depends on the server that runs the migration. SchemaTasks reads it as run. Write the SQL without the comment if every server runs it, or leave it out.";

    // A token inside an executable comment. The server never reads one of a skipped comment. A
    // terminator still ends the statement, since the client splits there whatever the gate, and
    // sends the comment unclosed, which the server refuses.
    private bool PassedOverInVersionComment(SqlTokenKind kind, int start, int length)
    {
        if (kind is SqlTokenKind.Semicolon or SqlTokenKind.Delimiter)
        {
            if (_everyVersionComment) return false;
            Report(DiagnosticCodes.TerminatorInVersionComment, $"This terminator is inside the executable comment opened at line {_versionCommentLine}: the client ends the statement here and sends the comment unclosed, which the server refuses (error 1064). Keep each statement's terminator after the comment's '*/'.", _line + _lineOffset, start - _lineStart + 1);
            return false;
        }

        if (!_versionCommentSkipped) return false;
        Advance(start + length);
        _space = true;
        return true;
    }

    private bool TryPrefixedString(char c)
    {
        var next = At(_pos + 1);
        switch (c)
        {
            case 'E' or 'e' when next == '\'' && !IsMySql:
                Quoted(SqlTokenKind.String, '\'', SqlQuoteStyle.Backslash, 1);
                ReportRefusedEscapes(_pos);
                return true;
            case 'N' or 'n' when next == '\'':
                Quoted(SqlTokenKind.String, '\'', _stringStyle, 1);
                return true;
            case 'X' or 'x' or 'B' or 'b' when next == '\'':
                Quoted(SqlTokenKind.String, '\'', SqlQuoteStyle.Doubling, 1);
                return true;
            case 'U' or 'u' when next == '&' && !IsMySql && At(_pos + 2) is '\'' or '"':
                UnicodeQuoted(At(_pos + 2) == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier, At(_pos + 2));
                return true;
            default:
                return false;
        }
    }

    // PostgreSQL's U&'...' (or U&"..."), with the UESCAPE 'c' clause that may follow it kept in the
    // token: the clause belongs to the literal, and its value depends on it.
    private void UnicodeQuoted(SqlTokenKind kind, char quote)
    {
        var start = _pos;
        var p = _pos + 3;
        while (p < _text.Length && !(_text[p] == quote && At(p + 1) != quote)) p += _text[p] == quote ? 2 : 1;
        if (p >= _text.Length)
        {
            Quoted(kind, quote, SqlQuoteStyle.Doubling, 2);
            return;
        }

        var end = PostgresStringEscapes.UescapeClauseEnd(_text, p + 1);
        var line = _line + _lineOffset;
        var column = start - _lineStart + 1;
        Emit(kind, start, end - start, SqlQuoteStyle.Doubling, 2);
        if (_emitted && _token.Start == start)
        {
            PostgresStringEscapes.DecodeUnicodeLiteral(_text, _token, out var refusal);
            ReportRefusal(refusal, line, column);
        }
    }

    // The server refuses an E'...' string whose escapes spell no text (an invalid Unicode escape,
    // a zero byte, bytes that are not UTF-8) while reading the statement, whatever the statement is.
    private void ReportRefusedEscapes(int end)
    {
        if (!_emitted || _token.Unterminated || _token.End != end || _token.Style is not (SqlQuoteStyle.Backslash or SqlQuoteStyle.NonStandardBackslash)) return;
        if (_text.IndexOf('\\', _token.Start, _token.Length) < 0) return;
        PostgresStringEscapes.DecodeEscapeString(_text, _token, out var refusal);
        ReportRefusal(refusal, _token.Line, _token.Column);
    }

    private void ReportRefusal(PostgresStringRefusal? refusal, int line, int column)
    {
        if (refusal is not { } refused || (_psql is not null && _psql.Interpolations is not null)) return;
        Report(
            DiagnosticCodes.StringEscapeRefused,
            $"PostgreSQL refuses this literal ({refused.SqlState}, {refused.Reason}), so the statement fails where it is read. Correct the escape, or write the text itself in a plain '...' string.",
            line,
            column);
    }

    private void Quoted(SqlTokenKind kind, char quote, SqlQuoteStyle style, int prefix)
    {
        var start = _pos;
        var p = _pos + prefix + 1;
        while (p < _text.Length)
        {
            var c = _text[p];
            if (c == '\\' && style is SqlQuoteStyle.Backslash or SqlQuoteStyle.NonStandardBackslash)
            {
                p += 2;
            }
            else if (c == quote)
            {
                if (At(p + 1) == quote)
                {
                    p += 2;
                }
                else
                {
                    Emit(kind, start, p + 1 - start, style, prefix);
                    return;
                }
            }
            else
            {
                p++;
            }
        }

        var what = kind == SqlTokenKind.String ? "string" : "quoted identifier";
        Report(
            kind == SqlTokenKind.String ? DiagnosticCodes.UnterminatedString : DiagnosticCodes.UnterminatedQuotedIdentifier,
            $"This {what} starting with {quote} is never closed. Add the closing {quote} (a {quote} inside it is written twice).",
            _line + _lineOffset,
            start - _lineStart + 1);
        Emit(kind, start, _text.Length - start, style, prefix, unterminated: true);
    }

    private void Dollar()
    {
        var start = _pos;
        var next = At(_pos + 1);
        if (char.IsAsciiDigit(next))
        {
            var end = _pos + 1;
            while (end < _text.Length && char.IsAsciiDigit(_text[end])) end++;
            Emit(SqlTokenKind.Parameter, start, end - start);
            return;
        }

        var p = _pos + 1;
        if (next != '$')
        {
            if (!IsWordStart(next))
            {
                Emit(SqlTokenKind.Symbol, start, 1);
                return;
            }

            while (p < _text.Length && (char.IsAsciiLetterOrDigit(_text[p]) || _text[p] == '_' || _text[p] >= '\u0080')) p++;
            if (At(p) != '$')
            {
                Emit(SqlTokenKind.Symbol, start, 1);
                return;
            }
        }

        var tagLength = p + 1 - start;
        var close = _text.IndexOf(_text.Substring(start, tagLength), p + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            Report(
                DiagnosticCodes.UnterminatedDollarQuote,
                $"The dollar-quoted text opened by {_text.Substring(start, tagLength)} is never closed. End it with the same tag.",
                _line + _lineOffset,
                start - _lineStart + 1);
            Emit(SqlTokenKind.String, start, _text.Length - start, SqlQuoteStyle.Dollar, Math.Min(tagLength, 255), unterminated: true);
            return;
        }

        Emit(SqlTokenKind.String, start, close + tagLength - start, SqlQuoteStyle.Dollar, Math.Min(tagLength, 255));
    }

    private void Number()
    {
        var p = _pos;
        if (At(p) == '0' && At(p + 1) is 'x' or 'X' or 'b' or 'B' or 'o' or 'O' && IsWordPart(At(p + 2)))
        {
            p += 2;
        }
        else
        {
            while (p < _text.Length && (char.IsAsciiDigit(_text[p]) || _text[p] == '_')) p++;
            if (At(p) == '.' && At(p + 1) != '.')
            {
                p++;
                while (p < _text.Length && char.IsAsciiDigit(_text[p])) p++;
            }

            if (At(p) is 'e' or 'E' && (char.IsAsciiDigit(At(p + 1)) || (At(p + 1) is '+' or '-' && char.IsAsciiDigit(At(p + 2)))))
            {
                p += 2;
            }
        }

        while (p < _text.Length && char.IsAsciiLetterOrDigit(_text[p])) p++;
        Emit(SqlTokenKind.Number, _pos, p - _pos);
    }

    /// <summary>
    /// MySQL's client reads <c>DELIMITER xx</c> at the start of a line between statements and from
    /// then on ends statements at <c>xx</c>, so bodies full of <c>;</c> reach the server whole.
    /// </summary>
    /// <remarks>
    /// Flyway's MySQL parser reads the directive its own way: the terminator is the rest of the
    /// line, trimmed, and while that is empty the next line (metersphere 3.1.0 writes
    /// <c>DELIMITER</c> alone and <c>$$</c> below it). The client refuses that form, so only a
    /// folder Flyway runs reads it.
    /// </remarks>
    private bool TryDelimiterDirective()
    {
        const string Keyword = "delimiter";
        var after = _pos + Keyword.Length;
        if (after > _text.Length
            || string.Compare(_text, _pos, Keyword, 0, Keyword.Length, StringComparison.OrdinalIgnoreCase) != 0
            || !EndsDelimiterKeyword(after))
        {
            return false;
        }

        for (var i = _lineStart; i < _pos; i++)
        {
            if (_text[i] is not (' ' or '\t')) return false;
        }

        var line = _line + _lineOffset;
        var column = _pos - _lineStart + 1;
        if (_statementOpen)
        {
            // The client takes DELIMITER as its command only while its buffer is empty; inside a
            // statement the line is sent with it. Flyway stops at it.
            Report(DiagnosticCodes.DelimiterInStatement, $"This DELIMITER line comes before the statement above it has ended with '{_delimiter}': the mysql client takes DELIMITER as its command only between statements, so it sends this line to the server as part of that statement, which refuses it (error 1064), and Flyway stops with 'Delimiter changed inside statement'. End the statement above with '{_delimiter}'.", line, column);
            return false;
        }

        var (start, length, end) = _flywayDelimiters ? FlywayDelimiterText(after) : ClientDelimiterText(after);
        _token = new SqlToken(SqlTokenKind.Delimiter, _pos, end - _pos, line, column);
        _emitted = true;
        _statementOpen = false;
        if (length == 0)
        {
            Report(DiagnosticCodes.InvalidDelimiter, "DELIMITER needs the new terminator after it, such as 'DELIMITER $$'.", line, column);
        }
        else
        {
            _delimiter = _text.Substring(start, length);
        }

        Advance(end);
        _space = true;
        return true;
    }

    // The client needs a space after the word; Flyway reads the word alone on its line too.
    private bool EndsDelimiterKeyword(int after)
    {
        if (after == _text.Length) return _flywayDelimiters;
        return _text[after] is ' ' or '\t' || (_flywayDelimiters && _text[after] is '\n' or '\r');
    }

    // The client's terminator: the first word after DELIMITER; the directive runs to the end of its line.
    private (int Start, int Length, int End) ClientDelimiterText(int after)
    {
        var p = after;
        while (p < _text.Length && _text[p] is ' ' or '\t') p++;
        var start = p;
        while (p < _text.Length && _text[p] is not (' ' or '\t' or '\n' or '\r')) p++;
        var lineEnd = _text.AsSpan(p).IndexOfAny('\n', '\r');
        return (start, p - start, lineEnd < 0 ? _text.Length : p + lineEnd);
    }

    // Flyway's terminator: the rest of the line trimmed as Java trims (every character up to
    // U+0020), or while that is empty the next line's; the directive runs to the end of that line.
    private (int Start, int Length, int End) FlywayDelimiterText(int after)
    {
        var p = after;
        while (true)
        {
            var lineEnd = _text.AsSpan(p).IndexOfAny('\n', '\r');
            var end = lineEnd < 0 ? _text.Length : p + lineEnd;
            var start = p;
            var last = end;
            while (start < last && _text[start] <= ' ') start++;
            while (last > start && _text[last - 1] <= ' ') last--;
            if (last > start || end == _text.Length) return (start, last - start, end);
            p = end + 1;
        }
    }

    private void Report(string code, string message, int line, int column)
        => _diagnostics.Add(new SqlLexDiagnostic(code, message, line, column));
}
