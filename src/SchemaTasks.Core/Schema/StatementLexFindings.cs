using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Takes back lexing findings of one kind that lie in the statement just read: the lexer reports
/// them as it meets them, before the engine knows whether the statement is one they matter in
/// (<see cref="MySqlDashesInStatement"/>, <see cref="PostgresBackticks"/>, <see cref="UndecidedVersionComments"/>).
/// </summary>
internal static class StatementLexFindings
{
    /// <summary>Removes, from the findings added since <paramref name="from"/>, those of <paramref name="kind"/> at or after <paramref name="start"/> and not after <paramref name="last"/>.</summary>
    public static void Remove(List<SqlLexDiagnostic> diagnostics, int from, SqlLexDiagnosticKind kind, (int Line, int Column) start, SqlToken last)
    {
        for (var i = diagnostics.Count - 1; i >= from; i--)
        {
            var found = diagnostics[i];
            if (found.Kind == kind && !Before((found.Line, found.Column), start) && !Before((last.Line, last.Column), (found.Line, found.Column))) diagnostics.RemoveAt(i);
        }
    }

    private static bool Before((int Line, int Column) a, (int Line, int Column) b) => a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column);
}
