using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether a call of a PostgreSQL function can be run like a <c>DO</c> block
/// (<see cref="DoBlockRunner.RunFunction"/>): a PL/pgSQL function with no parameters, so the
/// body reads nothing the call passes; <c>RETURNS void</c>, since any other function that
/// reaches its end without <c>RETURN</c> fails (SQLSTATE 2F005) and the server takes back what
/// it did; and no <c>SET</c> clause, which would run the body under other settings (a
/// <c>search_path</c> that resolves names elsewhere).
/// </summary>
internal static class PlpgsqlRunnableFunction
{
    /// <summary>The body of <paramref name="routine"/> when a call of it with no arguments can be run; <see langword="null"/> otherwise.</summary>
    public static EmbeddedSql? Body(RoutineDefinition routine)
    {
        if (routine.Kind != "function") return null;
        var definition = routine.Body;
        var (text, tokens) = (definition.Text, definition.Tokens);
        if (tokens.Count < 4 || !SqlTokenText.IsSymbol(text, tokens[0], '(') || !SqlTokenText.IsSymbol(text, tokens[1], ')')) return null;
        var returnsVoid = false;
        for (var i = 2; i < tokens.Count; i++)
        {
            if (SqlTokenText.IsWord(text, tokens[i], "SET")) return null;
            if (SqlTokenText.IsWord(text, tokens[i], "RETURNS")) returnsVoid = i + 1 < tokens.Count && SqlTokenText.IsWord(text, tokens[i + 1], "void") && !IsArray(text, tokens, i + 2);
        }

        if (!returnsVoid || PlpgsqlBodyEffects.QuotedPlpgsqlBody(definition) is not { } literal) return null;
        return EmbeddedSql.FromLiteral(text, literal, []);
    }

    // RETURNS void[] is no void function.
    private static bool IsArray(string text, List<SqlToken> tokens, int next)
        => next < tokens.Count && SqlTokenText.IsSymbol(text, tokens[next], '[');
}
