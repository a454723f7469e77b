using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The session settings a MySQL <c>SET</c> changes that decide what the server refuses
/// (<see cref="MySqlSession"/>): <c>foreign_key_checks</c>, written bare, after SESSION, GLOBAL
/// or LOCAL, or as <c>@@[session.]foreign_key_checks</c>.
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
        if (assignment == start || assignment >= end || !SqlTokenText.IsWord(sql, tokens[assignment - 1], "foreign_key_checks")) return;

        // Only a literal 0 or OFF turns the checks off; anything else (1, ON, DEFAULT, a saved
        // value being restored) is taken as the default, on.
        var value = assignment + 2 == end ? tokens[assignment + 1] : default;
        Session.ForeignKeyChecksOff = assignment + 2 == end
            && ((value.Kind == SqlTokenKind.Number && SqlTokenText.Raw(sql, value) == "0")
                || SqlTokenText.IsWord(sql, value, "OFF") || SqlTokenText.IsWord(sql, value, "FALSE"));
    }
}
