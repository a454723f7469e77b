using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL: who runs a migration that holds psql commands (<c>\set</c>, <c>\gexec</c>, <c>\if</c>,
/// pg_dump's <c>\restrict</c>). The engine reads the file as psql runs it; psql and SchemaTasks'
/// migrator run a plain folder, but every other layout's tool sends the file (or each statement)
/// to the server as written, and the server refuses the backslash (SQLSTATE 42601, syntax error):
/// the migration stops there.
/// </summary>
internal static class PsqlCommandRunners
{
    /// <summary>The finding for a file's first psql command in a folder of <paramref name="layout"/>; null when psql may run it (a plain folder, or SQL that is no folder's migration).</summary>
    public static SchemaDiagnostic? Report(SqlLexDiagnostic lex, MigrationLayout? layout, string? file)
        => layout is null or MigrationLayout.Plain
            ? null
            : SchemaDiagnostic.Error(lex.Code, Message(layout.Value), file, lex.Line, lex.Column);

    private static string Message(MigrationLayout layout)
        => $"This line holds a psql command (a backslash). Only psql runs it: {layout.ToName()} sends the migration to the server as written, and the server refuses the backslash (SQLSTATE 42601, syntax error), so the migration stops here. SchemaTasks reads the file as psql runs it. Write plain SQL instead (a DO block for a condition, the values for variables), or, when psql runs this folder, read it with the plain layout.";
}
