using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The session settings a MySQL <c>SET</c> changes that decide what the server refuses
/// (<see cref="MySqlSession"/>): <c>foreign_key_checks</c> and <c>sql_mode</c>, written bare, after SESSION, GLOBAL
/// or LOCAL, or as <c>@@[session.]name</c>.
/// </summary>
internal sealed partial class RoutineCalls
{
    /// <summary>The settings the migrations' SET statements leave; shared by the whole run.</summary>
    public MySqlSession Session { get; } = new();

    // One assignment of a SET, tokens [start, end).
    private void NoteSessionSetting(string sql, List<SqlToken> tokens, int start, int end)
    {
        if (UserVariable(sql, tokens, start, end) is not null) return;
        var assignment = start;
        while (assignment < end && !IsAssignment(sql, tokens[assignment])) assignment++;
        if (assignment == start || assignment >= end) return;
        if (SqlTokenText.IsWord(sql, tokens[assignment - 1], "sql_mode"))
        {
            NoteSqlMode(sql, assignment + 2 == end ? tokens[assignment + 1] : default);
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

    // Only a literal mode is read; anything else (DEFAULT, a saved mode restored, an expression) is taken as strict.
    private void NoteSqlMode(string sql, SqlToken value)
    {
        var mode = value.Kind == SqlTokenKind.String ? SqlTokenText.Unquote(sql, value) : null;
        Session.StrictModeOff = mode is not null
            && !mode.Contains("STRICT_TRANS_TABLES", StringComparison.OrdinalIgnoreCase)
            && !mode.Contains("STRICT_ALL_TABLES", StringComparison.OrdinalIgnoreCase)
            && !mode.Contains("TRADITIONAL", StringComparison.OrdinalIgnoreCase);
    }
}
