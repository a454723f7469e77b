using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Checks that a tool which splits a file by lines (goose, sql-migrate) ends each statement where
/// the SQL ends one. Neither reads quotes: a semicolon ending a line inside a dollar-quoted body, a
/// string, a comment or a MySQL routine's <c>BEGIN ... END</c> ends the statement it sends, and
/// the server refuses the half it gets. The engine reads the whole text as a server would, so
/// without this check the snapshot would hold a migration that fails when the tool runs it.
/// </summary>
internal static class ToolStatementSplits
{
    /// <summary>Reports the first end in <paramref name="ends"/> that falls inside a statement of <paramref name="sql"/>.</summary>
    /// <param name="tool">The tool, as messages name it: <c>goose</c>, <c>sql-migrate</c>.</param>
    /// <param name="annotation">Its annotation prefix: <c>-- +goose</c>, <c>-- +migrate</c>.</param>
    /// <param name="sql">The SQL the tool runs (the Up section).</param>
    /// <param name="firstLine">The file line <paramref name="sql"/> starts on.</param>
    /// <param name="dialect">Whose quoting and body rules the server reads the text by.</param>
    /// <param name="ends">Where the tool ends its statements, indexes into <paramref name="sql"/>, in order.</param>
    /// <param name="file">The file, relative to the migrations folder.</param>
    /// <param name="diagnostics">Where the finding goes.</param>
    public static void Check(string tool, string annotation, string sql, int firstLine, SqlDialect dialect, IReadOnlyList<ToolStatementEnd> ends, string file, List<SchemaDiagnostic> diagnostics)
    {
        if (ends.Count == 0) return;
        var reader = new SqlStatementReader(sql, dialect, firstLine, []);
        var next = 0;
        while (next < ends.Count && reader.Read())
        {
            var start = reader.First.Start;
            var stop = reader.Last.End;
            while (next < ends.Count && ends[next].At <= start) next++;
            if (next == ends.Count || ends[next].At >= stop) continue;
            if (reader.Last.Unterminated) return; // The text itself is cut short; the lexer reports it.
            Report(tool, annotation, sql, firstLine, ends[next], reader.First.Line, dialect, file, diagnostics);
            return; // The server stops the migration at the first half statement.
        }
    }

    private static void Report(string tool, string annotation, string sql, int firstLine, ToolStatementEnd end, int statementLine, SqlDialect dialect, string file, List<SchemaDiagnostic> diagnostics)
    {
        var (line, column) = TextPosition.PositionOf(sql, end.Mark);
        line += firstLine - 1;
        var refusal = dialect == SqlDialect.Postgres ? "PostgreSQL refuses it (42601)" : "the server refuses it (error 1064)";
        var where = end.AtBlockEnd
            ? $"{tool} ends the statement between StatementBegin and this '{annotation} StatementEnd'"
            : $"{tool} ends a statement at this ';', the last word of its line outside StatementBegin/StatementEnd";
        var fix = end.AtBlockEnd
            ? $"Move '{annotation} StatementEnd' after the statement's end."
            : $"Put the statement between a '{annotation} StatementBegin' line and a '{annotation} StatementEnd' line, as {tool} asks for bodies holding semicolons.";
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.ToolSplitsStatement,
            $"{where}, but the statement that starts at line {statementLine} goes on after it ({tool} does not read quotes, dollar-quoted bodies, comments or BEGIN ... END). {tool} sends the server the statement cut here, {refusal}, and the migration fails. {fix}",
            file,
            line,
            column));
    }
}
