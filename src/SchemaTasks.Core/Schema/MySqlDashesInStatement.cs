using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL: a <c>--</c> and no space inside a statement is two minus signs to the server. In a
/// statement the engine reads (CREATE, ALTER, ...) it is reported, since the author almost always
/// meant a comment and the server then refuses the statement or stores another value
/// (<c>DEFAULT 5--1</c> is refused with 1064); in a statement it reads nothing from
/// (<c>SELECT 1--1</c>, data) it changes no tracked object, and is passed over. One that starts
/// a statement joins it to the minus signs, which the server refuses: always reported.
/// </summary>
internal static class MySqlDashesInStatement
{
    /// <summary>Removes, from the findings added since <paramref name="from"/>, those inside the reader's current statement when the engine does not read it.</summary>
    public static void PassOverUntracked(List<SqlLexDiagnostic> diagnostics, int from, ISqlStatementSource reader)
    {
        if (reader.IsTracked) return;
        // Strictly after the first token: dashes that start the statement join it to them, and stay reported.
        StatementLexFindings.Remove(diagnostics, from, SqlLexDiagnosticKind.DashesInStatement, (reader.First.Line, reader.First.Column + 1), reader.Last);
    }
}
