using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// PostgreSQL's <c>set_config('standard_conforming_strings', ...)</c> in a query: it changes how
/// the statements after it read (<see cref="SessionReading"/>) as a SET does, but from a value the
/// statement reader does not evaluate, so it is reported (ST3125), never followed.
/// </summary>
internal static class StandardStringsConfig
{
    /// <summary>Reports a <c>set_config</c> of standard_conforming_strings among <paramref name="tokens"/>, at the statement.</summary>
    public static void Check(string sql, List<SqlToken> tokens, string? file, List<SchemaDiagnostic> diagnostics)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[i], "set_config") || !SqlTokenText.IsSymbol(sql, tokens[i + 1], '(')) continue;
            if (tokens[i + 2].Kind != SqlTokenKind.String || !SqlTokenText.Unquote(sql, tokens[i + 2]).Equals("standard_conforming_strings", StringComparison.OrdinalIgnoreCase)) continue;
            var message = SessionReading.StandardStringsMessage("calls set_config on standard_conforming_strings, which SchemaTasks does not follow");
            diagnostics.Add(SchemaDiagnostic.Error(DiagnosticCodes.StandardStringsUndecided, message, file, tokens[0].Line, tokens[0].Column));
            return;
        }
    }
}
