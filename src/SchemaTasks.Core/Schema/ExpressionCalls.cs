using System.Text;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The calls of a function in an expression (a default, a generated column, a CHECK):
/// <c>f(...)</c> or <c>s.f(...)</c>. PostgreSQL records such an expression as depending on the
/// function, so DROP FUNCTION refuses while it exists, DROP FUNCTION ... CASCADE drops it, and
/// after ALTER FUNCTION ... RENAME TO the expression shows the new name.
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
        => Spans(expression, routine, rules) is { Count: > 0 };

    /// <summary>
    /// <paramref name="expression"/> with each call of <paramref name="routine"/> naming
    /// <paramref name="to"/> instead, qualified only outside the default schema; the text as it
    /// was when it calls no such function.
    /// </summary>
    public static string? Renamed(string? expression, QualifiedName routine, QualifiedName to, IdentifierRules rules)
    {
        if (Spans(expression, routine, rules) is not { Count: > 0 } spans) return expression;
        var text = new StringBuilder(expression!.Length + 8);
        var copied = 0;
        foreach (var (start, end) in spans)
        {
            text.Append(expression, copied, start - copied).Append(rules.Quote(to));
            copied = end;
        }

        return text.Append(expression, copied, expression.Length - copied).ToString();
    }

    /// <summary>The names, without their schemas, of the functions <paramref name="expression"/> calls, in order.</summary>
    public static List<string> CalledNames(string? expression, IdentifierRules rules)
    {
        var names = new List<string>();
        if (expression is null || !expression.Contains('(', StringComparison.Ordinal)) return names;
        if (SimpleCallName(expression) is { } name)
        {
            // The commonest call in a default, now() and its like, read without lexing it.
            names.Add(rules.FoldUnquoted(name));
            return names;
        }

        var tokens = t_tokens ??= new List<SqlToken>(16);
        if (!SqlLexer.LexesCleanly(expression, rules.Dialect, tokens)) return names;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsSymbol(expression, tokens[i + 1], '(') || tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i >= 1 && SqlTokenText.IsSymbol(expression, tokens[i - 1], "::")) continue; // A cast's type with a modifier: varchar(10).
            names.Add(rules.Name(expression, tokens[i]));
        }

        return names;
    }

    /// <summary>The name of <paramref name="expression"/> when it is only a call without arguments of an unquoted ASCII name (<c>now()</c>), or <see langword="null"/>.</summary>
    internal static string? SimpleCallName(string expression)
    {
        var length = expression.Length - 2;
        if (length < 1 || expression[length] != '(' || expression[length + 1] != ')' || !(char.IsAsciiLetter(expression[0]) || expression[0] == '_')) return null;
        for (var i = 1; i < length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_')) return null;
        }

        return expression[..length];
    }

    /// <summary>Whether <paramref name="expression"/> calls <paramref name="routine"/> written with its schema (<c>public.f()</c>, not <c>f()</c>).</summary>
    public static bool CallsQualified(string? expression, QualifiedName routine, IdentifierRules rules)
        => Spans(expression, routine, rules, qualifiedOnly: true) is { Count: > 0 };

    /// <summary>Whether <paramref name="expression"/> calls a function qualified with <paramref name="schema"/>.</summary>
    public static bool CallsInto(string? expression, string schema, IdentifierRules rules)
        => expression is not null && expression.Contains(schema, StringComparison.OrdinalIgnoreCase) && Spans(expression, null, rules, schema) is { Count: > 0 };

    // Where each call of the routine (or, without one, each call qualified with the schema) is
    // in the text, with the schema when written; null when none.
    private static List<(int Start, int End)>? Spans(string? expression, QualifiedName? routine, IdentifierRules rules, string? qualifiedWith = null, bool qualifiedOnly = false)
    {
        if (expression is null) return null;
        if (routine is { } r && !r.Name.Contains('"', StringComparison.Ordinal) && !expression.Contains(r.Name, StringComparison.OrdinalIgnoreCase)) return null; // Most expressions call no such name.
        var tokens = t_tokens ??= new List<SqlToken>(16); // Nothing below calls back here.
        if (!SqlLexer.LexesCleanly(expression, rules.Dialect, tokens)) return null;
        List<(int Start, int End)>? spans = null;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsSymbol(expression, tokens[i + 1], '(') || tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            var qualified = i >= 2 && SqlTokenText.IsSymbol(expression, tokens[i - 1], '.') && tokens[i - 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
            if (!qualified && i >= 1 && SqlTokenText.IsSymbol(expression, tokens[i - 1], "::")) continue; // A cast's type with a modifier: varchar(10).
            if (qualifiedOnly && !qualified) continue;
            var schema = qualified ? rules.Name(expression, tokens[i - 2]) : rules.DefaultSchema;
            if (routine is null ? !qualified || schema != qualifiedWith : new QualifiedName(schema, rules.Name(expression, tokens[i])) != routine) continue;
            (spans ??= []).Add((tokens[qualified ? i - 2 : i].Start, tokens[i].End));
        }

        return spans;
    }
}
