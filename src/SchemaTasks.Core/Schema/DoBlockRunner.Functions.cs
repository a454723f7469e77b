using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal sealed partial class DoBlockRunner
{
    /// <summary>
    /// Runs the body of a PL/pgSQL function that a top-level <c>SELECT</c> calls once, as a
    /// <c>DO</c> block with that body would run: migrations create a function, call it, and drop
    /// it, to run DDL under conditions. The caller checks that the call binds everything the
    /// body reads (<see cref="PlpgsqlRunnableFunction"/>); the same rules then decide it, and
    /// what they cannot decide is reported, never guessed.
    /// </summary>
    /// <param name="catalog">The schema before the call.</param>
    /// <param name="body">The function's body, located in the file that created it.</param>
    /// <param name="routine">The function, for its name, place and file.</param>
    /// <param name="callAt">Where the call is, <c>file(line,col)</c>, for messages.</param>
    /// <param name="context">The call's context.</param>
    /// <param name="routines">The routines the migrations created so far.</param>
    /// <param name="diagnostics">Receives the findings, located in the function's body.</param>
    /// <returns>The schema after the call; <see langword="null"/> when the body cannot be read, which the caller reports.</returns>
    public static Catalog? RunFunction(Catalog catalog, EmbeddedSql body, RoutineDefinition routine, string callAt, ApplyContext context, RoutineCalls routines, List<SchemaDiagnostic> diagnostics)
    {
        PlpgsqlBlock block;
        try
        {
            block = PlpgsqlParser.ParseBody(body);
        }
        catch (SqlParseException)
        {
            return null;
        }

        // Created while check_function_bodies was off: the first call parses the body, and fails before any of it runs.
        if (PlpgsqlDataSyntax.Find(body, block) is { } syntax)
        {
            var refused = $"call of function {context.Show(routine.Name)} at {callAt}";
            const string When = "The body was not parsed when the function was created (check_function_bodies off), so the server parses it at its first call, which fails before any of it runs";
            diagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.SyntaxError, syntax.Message(body.Text, refused, When), routine.File, syntax.At.Line, syntax.At.Column));
            return catalog;
        }

        var runner = new DoBlockRunner(catalog, context, routines, routine.File)
        {
            _subject = $"function {context.Show(routine.Name)} (created at {routine.Where}), as the call at {callAt} runs it,",
            _wayOut = "Write the DDL as plain statements, or declare what the call does with a /* schematasks:equivalent <the DDL> */ comment right before the SELECT that calls the function (see docs/plpgsql.md)",
            _body = body,
        };
        var result = runner.Guarded(body, [block]);
        diagnostics.AddRange(runner._diagnostics);
        return result ?? catalog;
    }
}
