using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

/// <summary>
/// Follows the <c>SET</c> statements that change how the server reads the text after them
/// (<see cref="SqlReading"/>): MySQL's <c>sql_mode</c> with ANSI_QUOTES or NO_BACKSLASH_ESCAPES,
/// PostgreSQL's <c>standard_conforming_strings</c>. The statement reader calls it when a SET ends,
/// before it lexes the next statement, so the following text is split and read as the server reads
/// it. A value it cannot read, or a scope whose effect it cannot place, is reported at the SET
/// (ST3124, ST3125): the text after it may read otherwise, and the snapshot is not trusted past it.
/// </summary>
/// <remarks>
/// One instance follows a session: the engine passes the same one to the readers of every
/// migration of a run, as <c>MySqlSession</c> carries the other settings, since a runner that
/// keeps one connection carries them from one migration to the next. Only a SET the reader sees
/// itself is followed: one in a routine's body runs under the routine's own mode, which the
/// server restores when it returns.
/// </remarks>
internal sealed class SessionReading
{
    private readonly bool _mySql;
    private readonly SqlDialect _dialect;

    // MySQL user variables that hold a mode whose reading is known: SET @OLD_SQL_MODE = @@SQL_MODE, as mysqldump writes.
    private Dictionary<string, SqlReading>? _saved;

    /// <summary>A new session's reading in <paramref name="dialect"/>.</summary>
    public SessionReading(SqlDialect dialect)
    {
        _dialect = dialect;
        _mySql = dialect.IsMySqlFamily();
    }

    /// <summary>How the session reads the text now.</summary>
    public SqlReading Reading { get; private set; }

    /// <summary>Takes the state of <paramref name="other"/>: the session as another reader left it.</summary>
    public void CopyFrom(SessionReading other)
    {
        Reading = other.Reading;
        _saved = other._saved is null ? null : new Dictionary<string, SqlReading>(other._saved, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="other"/> reads as this session does, saved modes included.</summary>
    public bool SameAs(SessionReading other)
    {
        if (Reading != other.Reading) return false;
        var mine = _saved?.Count ?? 0;
        if (mine != (other._saved?.Count ?? 0)) return false;
        if (mine == 0) return true;
        foreach (var (name, reading) in _saved!)
        {
            if (!other._saved!.TryGetValue(name, out var theirs) || theirs != reading) return false;
        }

        return true;
    }

    /// <summary>Whether a statement starting with <paramref name="first"/> may change the reading: the reader asks only then.</summary>
    public bool MayChange(string source, SqlToken first)
        => first.Kind == SqlTokenKind.Word
           && (SqlTokenText.IsWord(source, first, "SET") || (!_mySql && SqlTokenText.IsWord(source, first, "RESET")));

    /// <summary>Follows the statement <paramref name="tokens"/> (which <see cref="MayChange"/> let through); reports what it cannot follow.</summary>
    public void Follow(string source, List<SqlToken> tokens, List<SqlLexDiagnostic> diagnostics)
    {
        if (tokens.Count < 2) return;
        if (_mySql) FollowMySql(source, tokens, diagnostics);
        else FollowPostgres(source, tokens, diagnostics);
    }

    // SET [GLOBAL | SESSION | LOCAL] name = value [, ...], the names also as @@[scope.]name.
    private void FollowMySql(string source, List<SqlToken> tokens, List<SqlLexDiagnostic> diagnostics)
    {
        // MariaDB's SET STATEMENT ... FOR <statement> sets the mode for that statement only, read whole before.
        if (SqlTokenText.IsWord(source, tokens[1], "STATEMENT")) return;
        var global = false; // A GLOBAL before carries to the assignments after it that name no scope.
        var start = 1;
        while (start < tokens.Count)
        {
            var end = AssignmentEnd(source, tokens, start);
            var assign = start;
            while (assign < end && !IsAssignment(source, tokens[assign])) assign++;
            if (assign < end && assign > start)
            {
                var scope = Scope(source, tokens, start, assign);
                if (scope is not null) global = scope.Value;
                if (SqlTokenText.IsWord(source, tokens[assign - 1], "sql_mode"))
                {
                    FollowSqlMode(source, tokens, assign + 1, end, global, tokens[0], diagnostics);
                }
                else if (UserVariable(source, tokens, start, assign) is { } variable)
                {
                    SaveVariable(source, tokens, variable, assign + 1, end);
                }
            }

            start = end + 1;
        }
    }

    private void FollowSqlMode(string source, List<SqlToken> tokens, int start, int end, bool global, SqlToken at, List<SqlLexDiagnostic> diagnostics)
    {
        var value = ModeReading(source, tokens, start, end);
        if (global)
        {
            // Only later sessions take it, and whether the migrations run in one is the runner's choice.
            if (value != SqlReading.Default) ReportMySql(at, "sets the global sql_mode, which only the sessions opened after it take", diagnostics);
            return;
        }

        if (value is { } known)
        {
            Reading = known;
            return;
        }

        ReportMySql(at, $"sets sql_mode to {SqlTokenText.ForMessage(source, tokens[Math.Min(start, end - 1)])}{(end - start > 1 ? " ..." : string.Empty)}, a value SchemaTasks cannot read", diagnostics);
        Reading = SqlReading.Default;
    }

    // The reading a sql_mode value gives; null when it cannot be told.
    private SqlReading? ModeReading(string source, List<SqlToken> tokens, int start, int end)
    {
        // (SELECT expression) and (expression) read as the expression.
        while (end - start >= 2 && SqlTokenText.IsSymbol(source, tokens[start], '(') && SqlTokenText.IsSymbol(source, tokens[end - 1], ')'))
        {
            start++;
            end--;
            if (start < end && SqlTokenText.IsWord(source, tokens[start], "SELECT")) start++;
        }

        if (start >= end) return null;
        var first = tokens[start];
        if (end - start == 1)
        {
            return first.Kind switch
            {
                SqlTokenKind.String => MySqlModes(SqlTokenText.Unquote(source, first)),
                SqlTokenKind.Word when SqlTokenText.IsWord(source, first, "DEFAULT") => SqlReading.Default, // The server's default mode, as a new session's.
                SqlTokenKind.Word => MySqlModes(SqlTokenText.Raw(source, first)),
                SqlTokenKind.QuotedIdentifier => MySqlModes(SqlTokenText.Unquote(source, first)),
                _ => null,
            };
        }

        if (IsSessionMode(source, tokens, start, end)) return Reading;
        if (UserVariable(source, tokens, start, end) is { } variable && start + 2 == end)
        {
            return _saved is not null && _saved.TryGetValue(variable, out var saved) ? saved : null;
        }

        return ConcatReading(source, tokens, start, end) ?? ReplaceReading(source, tokens, start, end);
    }

    // CONCAT(@@sql_mode, ',MODE,...'): the session's modes and those added after a comma.
    private SqlReading? ConcatReading(string source, List<SqlToken> tokens, int start, int end)
    {
        if (!IsCall(source, tokens, start, end, "CONCAT")) return null;
        var arguments = Arguments(source, tokens, start + 2, end - 1);
        if (arguments.Count < 2 || !IsSessionMode(source, tokens, arguments[0].Start, arguments[0].End)) return null;
        var reading = Reading;
        for (var i = 1; i < arguments.Count; i++)
        {
            var (from, to) = arguments[i];
            if (to - from != 1 || tokens[from].Kind != SqlTokenKind.String) return null;
            var text = SqlTokenText.Unquote(source, tokens[from]);
            if (text.Length > 0 && text[0] != ',') return null; // Glued to the last mode's name: another name.
            if (MySqlModes(text) is not { } added) return null;
            reading |= added;
        }

        return reading;
    }

    // REPLACE(@@sql_mode, 'X', 'Y'): the session's reading when neither X nor Y touches a mode that changes it.
    private SqlReading? ReplaceReading(string source, List<SqlToken> tokens, int start, int end)
    {
        if (!IsCall(source, tokens, start, end, "REPLACE")) return null;
        var arguments = Arguments(source, tokens, start + 2, end - 1);
        if (arguments.Count != 3 || !IsSessionMode(source, tokens, arguments[0].Start, arguments[0].End)) return null;
        for (var i = 1; i < 3; i++)
        {
            var (from, to) = arguments[i];
            if (to - from != 1 || tokens[from].Kind != SqlTokenKind.String) return null;
            var text = SqlTokenText.Unquote(source, tokens[from]);
            if (TouchesReading(text)) return null;
        }

        return Reading;
    }

    private static bool TouchesReading(string text)
    {
        if (text.Length == 0) return false;
        foreach (var name in ReadingModeNames)
        {
            if (name.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(name, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static readonly string[] ReadingModeNames = ["ANSI_QUOTES", "NO_BACKSLASH_ESCAPES", "ANSI", "DB2", "MAXDB", "MSSQL", "ORACLE", "POSTGRESQL"];

    // The modes of a literal sql_mode value; null for a value the server refuses or SchemaTasks cannot place.
    private SqlReading? MySqlModes(string mode)
    {
        var reading = SqlReading.Default;
        foreach (var part in mode.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0) continue;
            if (Is(name, "ANSI_QUOTES") || Is(name, "ANSI")) reading |= SqlReading.AnsiQuotes;
            else if (Is(name, "NO_BACKSLASH_ESCAPES")) reading |= SqlReading.NoBackslashEscapes;
            // MariaDB's combinations that hold ANSI_QUOTES (checked on MariaDB 10.11 with SELECT @@sql_mode); MySQL 8 refuses them.
            else if (Is(name, "DB2") || Is(name, "MAXDB") || Is(name, "MSSQL") || Is(name, "ORACLE") || Is(name, "POSTGRESQL")) reading |= _dialect == SqlDialect.MariaDb ? SqlReading.AnsiQuotes : SqlReading.Default;
        }

        return reading;
    }

    private static bool Is(string name, string mode) => name.Equals(mode, StringComparison.OrdinalIgnoreCase);

    // SET @v = @@sql_mode saves the session's reading; a literal mode, its own; anything else forgets the variable.
    private void SaveVariable(string source, List<SqlToken> tokens, string variable, int start, int end)
    {
        SqlReading? value = null;
        if (IsSessionMode(source, tokens, start, end)) value = Reading;
        else if (end - start == 1 && tokens[start].Kind == SqlTokenKind.String) value = MySqlModes(SqlTokenText.Unquote(source, tokens[start]));
        if (value is { } known) (_saved ??= new(StringComparer.OrdinalIgnoreCase))[variable] = known;
        else _saved?.Remove(variable);
    }

    // @@sql_mode, @@session.sql_mode, @@local.sql_mode.
    private static bool IsSessionMode(string source, List<SqlToken> tokens, int start, int end)
    {
        if (end - start < 2 || !SqlTokenText.IsSymbol(source, tokens[start], '@') || !SqlTokenText.IsSymbol(source, tokens[start + 1], '@')) return false;
        var name = start + 2;
        if (end - start == 5 && (SqlTokenText.IsWord(source, tokens[name], "SESSION") || SqlTokenText.IsWord(source, tokens[name], "LOCAL")) && SqlTokenText.IsSymbol(source, tokens[name + 1], '.')) name += 2;
        return name == end - 1 && SqlTokenText.IsWord(source, tokens[name], "sql_mode");
    }

    // The scope an assignment names: true for GLOBAL (or PERSIST), false for SESSION or LOCAL, null when it names none.
    private static bool? Scope(string source, List<SqlToken> tokens, int start, int assign)
    {
        for (var i = start; i < assign; i++)
        {
            // MySQL 8's PERSIST sets the global value too (and PERSIST_ONLY only the stored one).
            if (SqlTokenText.IsWord(source, tokens[i], "GLOBAL") || SqlTokenText.IsWord(source, tokens[i], "PERSIST") || SqlTokenText.IsWord(source, tokens[i], "PERSIST_ONLY")) return true;
            if (SqlTokenText.IsWord(source, tokens[i], "SESSION") || SqlTokenText.IsWord(source, tokens[i], "LOCAL")) return false;
        }

        return null;
    }

    // A user variable @name (two tokens, written together) that is all of [start, end).
    private static string? UserVariable(string source, List<SqlToken> tokens, int start, int end)
    {
        if (end - start != 2 || !SqlTokenText.IsSymbol(source, tokens[start], '@') || tokens[start + 1].Start != tokens[start].End) return null;
        var name = tokens[start + 1];
        return name.Kind switch
        {
            SqlTokenKind.Word => SqlTokenText.Raw(source, name),
            SqlTokenKind.QuotedIdentifier or SqlTokenKind.String => SqlTokenText.Unquote(source, name),
            _ => null,
        };
    }

    private static bool IsCall(string source, List<SqlToken> tokens, int start, int end, string function)
        => end - start >= 3 && SqlTokenText.IsWord(source, tokens[start], function) && SqlTokenText.IsSymbol(source, tokens[start + 1], '(') && SqlTokenText.IsSymbol(source, tokens[end - 1], ')');

    // The arguments between a call's parentheses, as token ranges.
    private static List<(int Start, int End)> Arguments(string source, List<SqlToken> tokens, int start, int end)
    {
        var arguments = new List<(int, int)>();
        var from = start;
        var depth = 0;
        for (var i = start; i <= end; i++)
        {
            if (i == end || (depth == 0 && SqlTokenText.IsSymbol(source, tokens[i], ',')))
            {
                arguments.Add((from, i));
                from = i + 1;
            }
            else if (SqlTokenText.IsSymbol(source, tokens[i], '(')) depth++;
            else if (SqlTokenText.IsSymbol(source, tokens[i], ')')) depth--;
        }

        return arguments;
    }

    private static int AssignmentEnd(string source, List<SqlToken> tokens, int start)
    {
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsSymbol(source, tokens[i], '(')) depth++;
            else if (SqlTokenText.IsSymbol(source, tokens[i], ')')) depth--;
            else if (depth == 0 && SqlTokenText.IsSymbol(source, tokens[i], ',')) return i;
        }

        return tokens.Count;
    }

    private static bool IsAssignment(string source, SqlToken token)
        => SqlTokenText.IsSymbol(source, token, '=') || SqlTokenText.IsSymbol(source, token, ":=");

    private static void ReportMySql(SqlToken at, string what, List<SqlLexDiagnostic> diagnostics)
        => diagnostics.Add(new SqlLexDiagnostic(DiagnosticCodes.SessionReadingUndecided, ModeMessage(what), at.Line, at.Column));

    /// <summary>The finding of a MySQL statement that may change how the text after it reads (<paramref name="what"/> says how).</summary>
    public static string ModeMessage(string what)
        => $"This SET {what}, so SchemaTasks cannot tell whether the statements after it run under ANSI_QUOTES (\"x\" is then a name, not a string) or NO_BACKSLASH_ESCAPES (a backslash in a string is then itself): their enum labels, CHECK lists, defaults and names may read otherwise, and the snapshot is not trusted past it. SchemaTasks reads them as the default sql_mode does. Set sql_mode to a literal ('...', DEFAULT) or leave it as it is, or write the migrations so every reading agrees: strings in single quotes without backslashes, names in backticks.";

    // SET [SESSION | LOCAL] standard_conforming_strings { = | TO } value, RESET standard_conforming_strings, RESET ALL.
    private void FollowPostgres(string source, List<SqlToken> tokens, List<SqlLexDiagnostic> diagnostics)
    {
        if (SqlTokenText.IsWord(source, tokens[0], "RESET"))
        {
            if (tokens.Count == 2 && (SqlTokenText.IsWord(source, tokens[1], "ALL") || SqlTokenText.IsWord(source, tokens[1], "standard_conforming_strings"))) Reading = SqlReading.Default;
            return;
        }

        var name = 1;
        var local = false;
        if (SqlTokenText.IsWord(source, tokens[1], "SESSION") && tokens.Count > 2 && !SqlTokenText.IsWord(source, tokens[2], "AUTHORIZATION") && !SqlTokenText.IsWord(source, tokens[2], "CHARACTERISTICS"))
        {
            name = 2;
        }
        else if (SqlTokenText.IsWord(source, tokens[1], "LOCAL"))
        {
            (name, local) = (2, true);
        }

        if (name + 2 > tokens.Count || !SqlTokenText.IsWord(source, tokens[name], "standard_conforming_strings")) return;
        if (!SqlTokenText.IsSymbol(source, tokens[name + 1], '=') && !SqlTokenText.IsWord(source, tokens[name + 1], "TO")) return;
        var value = name + 3 == tokens.Count ? PostgresSetting(source, tokens[name + 2]) : null;
        if (local)
        {
            // It lasts to the end of the transaction, which SchemaTasks does not place (and outside one the server only warns).
            ReportPostgres(tokens[0], "SET LOCAL changes standard_conforming_strings until the transaction ends, which SchemaTasks does not follow", diagnostics);
            return;
        }

        if (value is { } off)
        {
            Reading = off ? SqlReading.BackslashEscapes : SqlReading.Default;
            return;
        }

        // Any other value the server refuses (22023, "requires a Boolean value"), and the setting stays.
        ReportPostgres(tokens[0], $"sets standard_conforming_strings to {SqlTokenText.ForMessage(source, tokens[Math.Min(name + 2, tokens.Count - 1)])}, which PostgreSQL refuses (22023, the parameter requires a Boolean value) or SchemaTasks cannot read", diagnostics);
    }

    // Whether the value turns the setting off; null when it cannot be told. PostgreSQL takes on, off,
    // true, false, yes, no, 1, 0 and any unambiguous prefix of them, bare or quoted; DEFAULT is on.
    private static bool? PostgresSetting(string source, SqlToken value)
    {
        var text = value.Kind switch
        {
            SqlTokenKind.Word or SqlTokenKind.Number => SqlTokenText.Raw(source, value).ToLowerInvariant(),
            SqlTokenKind.String or SqlTokenKind.QuotedIdentifier => SqlTokenText.Unquote(source, value).Trim().ToLowerInvariant(),
            _ => null,
        };
        if (text is null || text.Length == 0) return null;
        if (value.Kind == SqlTokenKind.Word && text == "default") return false;
        if (text is "1" || (text.Length >= 2 && "on".StartsWith(text, StringComparison.Ordinal)) || "true".StartsWith(text, StringComparison.Ordinal) || "yes".StartsWith(text, StringComparison.Ordinal)) return false;
        if (text is "0" || (text.Length >= 2 && "off".StartsWith(text, StringComparison.Ordinal)) || "false".StartsWith(text, StringComparison.Ordinal) || "no".StartsWith(text, StringComparison.Ordinal)) return true;
        return null;
    }

    private static void ReportPostgres(SqlToken at, string what, List<SqlLexDiagnostic> diagnostics)
        => diagnostics.Add(new SqlLexDiagnostic(DiagnosticCodes.StandardStringsUndecided, StandardStringsMessage(what), at.Line, at.Column));

    /// <summary>The finding of a PostgreSQL statement that changes standard_conforming_strings in a way SchemaTasks does not follow (<paramref name="what"/> says how).</summary>
    public static string StandardStringsMessage(string what)
        => $"This statement {what}: with the setting off, a backslash in a '...' string escapes (as in E'...'), so the enum labels, CHECK lists, defaults and names of the statements after it may read otherwise, and the snapshot is not trusted past it. SchemaTasks reads them as the setting on does. Set it with a plain SET standard_conforming_strings = on | off, or leave it on and write escapes in E'...' strings.";
}
