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

        var last = reader.Last;
        for (var i = diagnostics.Count - 1; i >= from; i--)
        {
            var found = diagnostics[i];

            // The comment may open the statement, so it can come before the first token.
            if (found.Kind == SqlLexDiagnosticKind.UndecidedVersionComment && (found.Line < last.Line || (found.Line == last.Line && found.Column <= last.Column)))
            {
                diagnostics.RemoveAt(i);
            }
        }
    }
}
