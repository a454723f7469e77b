using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A CHECK that compares a column with a string the column's type cannot read: PostgreSQL reads
/// the string as the column's type when it takes the constraint, and refuses the statement
/// (<c>c int CHECK (c IN (1, 'x'))</c> and <c>CHECK (c = 'x')</c> are 22P02, a date
/// <c>'2020-13-01'</c> is 22008; checked on PostgreSQL 15). Judged for a column written on the
/// left of <c>=</c>, <c>&lt;&gt;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c> or
/// <c>[NOT] IN (...)</c> whose built-in type has input rules the engine knows exactly
/// (<see cref="PostgresTypeInput"/>); anything else is not judged.
/// </summary>
internal static class PostgresCheckLiterals
{
    [ThreadStatic]
    private static List<SqlToken>? t_tokens;

    private static readonly string[] Comparisons = ["=", "<>", "!=", "<", ">", "<=", ">="];

    /// <summary>Reports the first string of <paramref name="expression"/> the compared column's type refuses; <see langword="true"/> then.</summary>
    public static bool Refuses(CatalogTable table, string expression, SqlToken at, ApplyContext context)
    {
        if (!context.IsPostgres || expression.IndexOf('\'', StringComparison.Ordinal) < 0 || !HasJudgedColumn(table)) return false;
        var tokens = t_tokens ??= new List<SqlToken>(32); // Nothing below calls back here.
        if (!SqlLexer.LexesCleanly(expression, context.Rules.Dialect, tokens)) return false;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i > 0 && (IsSymbol(expression, tokens[i - 1], ".") || IsSymbol(expression, tokens[i - 1], "::"))) continue; // A qualified name, a field, a type.
            var next = i + 1;
            if (!IsComparison(expression, tokens[next]) && !SqlTokenText.IsWord(expression, tokens[next], "IN") && !(SqlTokenText.IsWord(expression, tokens[next], "NOT") && SqlTokenText.IsWord(expression, tokens[Math.Min(next + 1, tokens.Count - 1)], "IN"))) continue;
            if (JudgedColumn(table, expression, tokens[i]) is not { } column) continue;
            if (FirstRefused(expression, tokens, next, column.Type) is not { } refused) continue;
            context.Error(
                DiagnosticCodes.CheckLiteralNotOfColumnType,
                $"PostgreSQL refuses CHECK ({expression}) on {context.Show(table.Name)}: column {context.Show(column.Name)} is {column.Type}, and {context.ShowValue(refused.Text)} is not a valid {column.Type} ({refused.Why}). Compare with values of the column's type, or cast the column (({context.Show(column.Name)})::text) when text is meant.",
                at);
            return true;
        }

        return false;
    }

    // Most CHECKs with strings are value sets of text columns: a table without a column whose
    // type is judged is not lexed, and names are compared in place, without making strings.
    private static bool HasJudgedColumn(CatalogTable table)
    {
        foreach (var column in table.Columns)
        {
            if (IsJudged(column)) return true;
        }

        return false;
    }

    private static CatalogColumn? JudgedColumn(CatalogTable table, string expression, SqlToken token)
    {
        var name = token.Kind == SqlTokenKind.QuotedIdentifier && token.Length >= 2 ? expression.AsSpan(token.Start + 1, token.Length - 2) : expression.AsSpan(token.Start, token.Length);
        foreach (var column in table.Columns)
        {
            if (IsJudged(column) && name.SequenceEqual(column.Name)) return column;
        }

        return null;
    }

    private static bool IsJudged(CatalogColumn column)
        => column is { TypeReference: null, IsArray: false }
           && (column.Type is "integer" or "smallint" or "bigint" or "boolean" or "uuid" or "date" || column.Type.StartsWith("numeric", StringComparison.Ordinal));

    // The first string after the operator at tokens[op] that the type's input refuses: the one
    // operand of a comparison, or each item of an IN list, when each is a plain literal.
    private static (string Text, string Why)? FirstRefused(string expression, List<SqlToken> tokens, int op, string type)
    {
        if (IsComparison(expression, tokens[op]))
        {
            var operand = op + 1;
            if (tokens[operand] is not { Kind: SqlTokenKind.String, PrefixLength: 0 } literal || !EndsOperand(expression, tokens, operand + 1)) return null;
            var text = SqlTokenText.Unquote(expression, literal);
            return PostgresTypeInput.Refusal(type, text) is { } why ? (text, why) : null;
        }

        var open = SqlTokenText.IsWord(expression, tokens[op], "NOT") ? op + 2 : op + 1;
        if (open >= tokens.Count || !SqlTokenText.IsSymbol(expression, tokens[open], '(')) return null;
        (string, string)? first = null;
        for (var i = open + 1; i < tokens.Count; i += 2)
        {
            var item = tokens[i];
            if (item.Kind == SqlTokenKind.String && item.PrefixLength == 0)
            {
                var text = SqlTokenText.Unquote(expression, item);
                if (first is null && PostgresTypeInput.Refusal(type, text) is { } why) first = (text, why);
            }
            else if (item.Kind != SqlTokenKind.Number)
            {
                return null; // An expression in the list: its type decides, not judged.
            }

            if (i + 1 >= tokens.Count) return null;
            if (SqlTokenText.IsSymbol(expression, tokens[i + 1], ')')) return first;
            if (!SqlTokenText.IsSymbol(expression, tokens[i + 1], ',')) return null;
        }

        return null;
    }

    // A literal is the whole right operand when a closing parenthesis, AND, OR or the end follows.
    private static bool EndsOperand(string expression, List<SqlToken> tokens, int i)
        => i >= tokens.Count
           || SqlTokenText.IsSymbol(expression, tokens[i], ')')
           || SqlTokenText.IsWord(expression, tokens[i], "AND")
           || SqlTokenText.IsWord(expression, tokens[i], "OR");

    private static bool IsComparison(string expression, SqlToken token)
    {
        if (token.Kind != SqlTokenKind.Symbol) return false;
        foreach (var comparison in Comparisons)
        {
            if (IsSymbol(expression, token, comparison)) return true;
        }

        return false;
    }

    private static bool IsSymbol(string expression, SqlToken token, string symbol)
        => token.Kind == SqlTokenKind.Symbol && expression.AsSpan(token.Start, token.Length).SequenceEqual(symbol);
}
