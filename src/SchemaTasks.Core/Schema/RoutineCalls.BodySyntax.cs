using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal sealed partial class RoutineCalls
{
    private const string CheckedAtCreate = "With check_function_bodies on (the default), the server parses every statement of a PL/pgSQL body when it creates the routine, so the routine is not created";

    /// <summary>
    /// Refuses a PL/pgSQL <c>CREATE FUNCTION</c> or <c>CREATE PROCEDURE</c> whose body holds an
    /// INSERT, UPDATE, DELETE, SELECT, WITH or MERGE the server cannot parse (<see cref="PlpgsqlDataSyntax"/>): with
    /// check_function_bodies on (the default) it compiles the body as it creates the routine and
    /// fails with 42601, so the routine does not exist after it. A migration text that mentions
    /// check_function_bodies (pg_dump's turn it off) is not checked.
    /// </summary>
    /// <returns>Whether the statement was refused.</returns>
    public bool RefusesBodySyntax(string sql, List<SqlToken> tokens, CreatedKind created, string? file, List<SchemaDiagnostic> diagnostics)
    {
        if (_dialect != SqlDialect.Postgres) return false;
        var kind = created.Within(12);
        if (kind < 0 || !(SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") || SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE"))) return false;
        if (PlpgsqlBodyEffects.QuotedPlpgsqlBody(sql, tokens) is not { } literal || !HoldsDataStatementWord(sql.AsSpan(literal.Start, literal.Length))) return false;
        if (!ChecksFunctionBodies(sql)) return false;

        var body = EmbeddedSql.FromLiteral(sql, literal, []);
        PlpgsqlBlock block;
        try
        {
            block = PlpgsqlParser.ParseBody(body);
        }
        catch (SqlParseException)
        {
            return false; // Not read here; the checks that read bodies say what they find.
        }

        if (PlpgsqlDataSyntax.Find(body, block) is not { } syntax) return false;
        var refused = "CREATE " + SqlTokenText.ForMessage(sql, tokens[kind]).ToUpperInvariant();
        diagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.SyntaxError, syntax.Message(body.Text, refused, CheckedAtCreate), file, syntax.At.Line, syntax.At.Column));
        return true;
    }

    // A body that holds no data statement or query is passed over without being lexed.
    private static bool HoldsDataStatementWord(ReadOnlySpan<char> body)
        => AsciiWords.Contains(body, "UPDATE") || AsciiWords.Contains(body, "INSERT") || AsciiWords.Contains(body, "DELETE")
           || AsciiWords.Contains(body, "SELECT") || AsciiWords.Contains(body, "MERGE");
}
