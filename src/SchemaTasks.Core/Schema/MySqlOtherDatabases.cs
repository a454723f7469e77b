using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL statements that name a database: the engine models the one database the migrations run
/// in without knowing its name (as for a table qualified with a database, ST3043), so it cannot
/// tell whether they name it. <c>USE db</c> moves every later unqualified name of the session
/// (the rest of the file, and later files where the tool runs them on the same connection, as
/// golang-migrate's and SchemaTasks' migrators do) into <c>db</c>; <c>DROP DATABASE</c> of the
/// migrations' database drops every table, and the statements after it fail with no database
/// selected (error 1046). <c>CREATE DATABASE</c> changes no table of the migrations' database, so
/// it is passed over.
/// </summary>
internal static class MySqlOtherDatabases
{
    /// <summary>Reports a <c>USE</c> statement, which the engine reads nothing else from.</summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="first">The statement's first token.</param>
    /// <param name="last">The statement's last token.</param>
    /// <param name="file">The file named in the diagnostic.</param>
    /// <param name="diagnostics">Receives the error.</param>
    public static void CheckUse(string sql, SqlToken first, SqlToken last, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (!SqlTokenText.IsWord(sql, first, "USE")) return;
        var database = last.Start > first.Start ? sql[last.Start..last.End] : "a database";
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.UseDatabase,
            $"USE makes {database} the session's database: the server puts the tables that the statements after it name without a database there, in this file and, where the tool keeps the connection, in later files. SchemaTasks models the one database the migrations run in, without knowing its name, so it cannot tell whether that is {database}. Leave USE out of migrations (the connection chooses the database); to change another database, name it with another tool or migration folder.",
            file,
            first.Line,
            first.Column));
    }

    /// <summary>Reports <c>DROP DATABASE</c> (or <c>SCHEMA</c>); true when <paramref name="tokens"/> is one.</summary>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="file">The file named in the diagnostic.</param>
    /// <param name="diagnostics">Receives the error.</param>
    public static bool CheckDrop(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (tokens.Count < 3 || !SqlTokenText.IsWord(sql, tokens[0], "DROP")) return false;
        if (!(SqlTokenText.IsWord(sql, tokens[1], "DATABASE") || SqlTokenText.IsWord(sql, tokens[1], "SCHEMA"))) return false;
        var database = sql[tokens[^1].Start..tokens[^1].End];
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.OtherDatabase,
            $"DROP DATABASE {database}: SchemaTasks models the one database the migrations run in, without knowing its name, so it cannot tell whether this drops it (every table, and the statements after it fail with no database selected, error 1046) or another database. Leave it out of the migrations; drop another database with another tool.",
            file,
            tokens[0].Line,
            tokens[0].Column));
        return true;
    }
}
