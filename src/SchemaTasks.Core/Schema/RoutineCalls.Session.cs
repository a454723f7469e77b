using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The session settings a MySQL <c>SET</c> changes that decide what the server refuses
/// (<see cref="MySqlSession"/>): <c>foreign_key_checks</c> and <c>sql_mode</c>, written bare, after SESSION, GLOBAL
/// or LOCAL, or as <c>@@[session.]name</c>; and the charset the server reads the statements in
/// (<c>NAMES</c>, <c>CHARACTER SET</c>, <c>character_set_client</c>).
/// </summary>
internal sealed partial class RoutineCalls
{
    /// <summary>The settings the migrations' SET statements leave; shared by the whole run.</summary>
    public MySqlSession Session { get; } = new();

    /// <summary>PostgreSQL: the search_path the migrations' statements leave; shared by the whole run.</summary>
    public PostgresSearchPath SearchPath { get; } = new();

    // One assignment of a SET, tokens [start, end).
    private void NoteSessionSetting(string sql, List<SqlToken> tokens, int start, int end)
    {
        if (UserVariable(sql, tokens, start, end) is not null) return;
        if (SqlTokenText.IsWord(sql, tokens[start], "NAMES") || SqlTokenText.IsWord(sql, tokens[start], "CHARSET"))
        {
            NoteClientCharset(sql, start + 1 < end ? tokens[start + 1] : default);
            return;
        }

        if (SqlTokenText.IsWord(sql, tokens[start], "CHARACTER") && start + 1 < end && SqlTokenText.IsWord(sql, tokens[start + 1], "SET"))
        {
            NoteClientCharset(sql, start + 2 < end ? tokens[start + 2] : default);
            return;
        }

        var assignment = start;
        while (assignment < end && !IsAssignment(sql, tokens[assignment])) assignment++;
        if (assignment == start || assignment >= end) return;
        if (SqlTokenText.IsWord(sql, tokens[assignment - 1], "sql_mode"))
        {
            NoteSqlMode(sql, assignment + 2 == end ? tokens[assignment + 1] : default);
            return;
        }

        if (SqlTokenText.IsWord(sql, tokens[assignment - 1], "character_set_client"))
        {
            NoteClientCharset(sql, assignment + 2 == end ? tokens[assignment + 1] : default);
            return;
        }

        if (!SqlTokenText.IsWord(sql, tokens[assignment - 1], "foreign_key_checks")) return;

        // Only a literal 0 or OFF turns the checks off; anything else (1, ON, DEFAULT, a saved
        // value being restored) is taken as the default, on.
        var value = assignment + 2 == end ? tokens[assignment + 1] : default;
        Session.ForeignKeyChecksOff = assignment + 2 == end
            && ((value.Kind == SqlTokenKind.Number && SqlTokenText.Raw(sql, value) == "0")
                || SqlTokenText.IsWord(sql, value, "OFF") || SqlTokenText.IsWord(sql, value, "FALSE"));
    }

    // A charset named as a word or a string; DEFAULT and anything else are taken as the runner's own.
    private void NoteClientCharset(string sql, SqlToken value)
    {
        var name = value.Kind switch
        {
            SqlTokenKind.Word when !SqlTokenText.IsWord(sql, value, "DEFAULT") => SqlTokenText.Raw(sql, value),
            SqlTokenKind.String or SqlTokenKind.QuotedIdentifier => SqlTokenText.Unquote(sql, value),
            _ => null,
        };
        Session.ClientCharset = name is null || name.Equals("utf8mb4", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8mb3", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : name.ToLowerInvariant();
    }

    // Only a literal mode is read; anything else (DEFAULT, a saved mode restored, an expression) is taken as strict.
    private void NoteSqlMode(string sql, SqlToken value)
    {
        var mode = value.Kind == SqlTokenKind.String ? SqlTokenText.Unquote(sql, value) : null;
        Session.OperatorMode = SqlModes.OperatorMode(mode, SqlTokenText.IsWord(sql, value, "DEFAULT"), _dialect);
        Session.StrictModeOff = mode is not null
            && !mode.Contains("STRICT_TRANS_TABLES", StringComparison.OrdinalIgnoreCase)
            && !mode.Contains("STRICT_ALL_TABLES", StringComparison.OrdinalIgnoreCase)
            && !mode.Contains("TRADITIONAL", StringComparison.OrdinalIgnoreCase);
        Session.AllowsInvalidDates = mode is not null && mode.Contains("ALLOW_INVALID_DATES", StringComparison.OrdinalIgnoreCase);
    }
}
