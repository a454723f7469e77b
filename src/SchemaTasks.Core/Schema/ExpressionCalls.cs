using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Whether an expression (a default, a CHECK) calls a function: <c>f(...)</c> or
/// <c>s.f(...)</c>. PostgreSQL records such an expression as depending on the function, so DROP
/// FUNCTION refuses while it exists and DROP FUNCTION ... CASCADE drops it.
/// </summary>
internal static class ExpressionCalls
{
    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    /// <summary>
    /// Whether <paramref name="expression"/> calls a function named <paramref name="routine"/>;
    /// an unqualified call is taken as one of the default schema's, as the engine resolves every
    /// unqualified name.
    /// </summary>
    public static bool Calls(string? expression, QualifiedName routine, IdentifierRules rules)
    {
        if (expression is null) return false;
        if (!routine.Name.Contains('"', StringComparison.Ordinal) && !expression.Contains(routine.Name, StringComparison.OrdinalIgnoreCase)) return false; // Most expressions call no such name.
        var tokens = t_tokens ??= new List<SqlToken>(16); // Nothing below calls back here.
        if (SqlLexer.LexInto(expression, rules.Dialect, tokens).Count > 0) return false;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsSymbol(expression, tokens[i + 1], '(') || tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            var qualified = i >= 2 && SqlTokenText.IsSymbol(expression, tokens[i - 1], '.') && tokens[i - 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
            if (!qualified && i >= 1 && SqlTokenText.IsSymbol(expression, tokens[i - 1], "::")) continue; // A cast's type with a modifier: varchar(10).
            var schema = qualified ? rules.Name(expression, tokens[i - 2]) : rules.DefaultSchema;
            if (new QualifiedName(schema, rules.Name(expression, tokens[i])) == routine) return true;
        }

        return false;
    }
}
