using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL: an executable comment whose gate depends on the server's release is reported only in a
/// statement that can change a tracked object (CREATE, ALTER, DROP, RENAME, CALL). Dumps open with
/// gated SETs of session variables (mariadb-dump's <c>/*!100616 SET @OLD_NOTE_VERBOSITY=...*/</c>),
/// which no schema depends on.
/// </summary>
internal static class UndecidedVersionComments
{
    /// <summary>Removes, from the findings added since <paramref name="from"/>, the undecided gates of the reader's current statement when it cannot change the schema.</summary>
    public static void PassOverHarmless(List<SqlLexDiagnostic> diagnostics, int from, ISqlStatementSource reader, string sql)
    {
        var first = reader.First;
        if (first.Kind == SqlTokenKind.Word
            && (SqlTokenText.IsWord(sql, first, "CREATE") || SqlTokenText.IsWord(sql, first, "ALTER") || SqlTokenText.IsWord(sql, first, "DROP")
                || SqlTokenText.IsWord(sql, first, "RENAME") || SqlTokenText.IsWord(sql, first, "CALL")))
        {
            return;
        }

        // The comment may open the statement, so it can come before the first token.
        StatementLexFindings.Remove(diagnostics, from, SqlLexDiagnosticKind.UndecidedVersionComment, (0, 0), reader.Last);
    }
}
