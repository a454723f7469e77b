using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>A comparison of an enum column with an array PostgreSQL reads as <c>text[]</c>.</summary>
/// <param name="Type">The enum type the column's values are of (through domains).</param>
/// <param name="Column">The column, as the statement names it.</param>
/// <param name="Operator">The comparison operator, as written.</param>
/// <param name="ElementType">The type the server gives the array's elements: <c>text</c> or <c>character varying</c>.</param>
/// <param name="At">The <c>ARRAY</c> word.</param>
internal readonly record struct TextArrayComparison(QualifiedName Type, string Column, string Operator, string ElementType, SqlToken At);

internal static partial class UncommittedLabelUses
{
    /// <summary>
    /// The first <c>s = ANY (ARRAY['a', 'b'])</c> (or <c>SOME</c>, <c>ALL</c>, any comparison)
    /// whose column is of an enum type and whose <c>ARRAY[...]</c> holds only string constants,
    /// untyped or cast to text or varchar (and <c>NULL</c>), with no cast after it but to
    /// <c>text[]</c> or <c>varchar[]</c>: PostgreSQL types such an array as <c>text[]</c> (or
    /// <c>varchar[]</c>) before it looks at the column, finds no operator between the enum and text,
    /// and refuses the statement (SQLSTATE 42883, checked on PostgreSQL 15), where
    /// <c>s = ANY ('{a,b}')</c>, <c>s IN ('a', 'b')</c> and <c>ARRAY['a', 'b']::e[]</c> read the
    /// labels as the enum. The column is decided as for unknown labels (<see cref="FindUnknown"/>).
    /// </summary>
    public static TextArrayComparison? FindTextArrayComparison(Catalog before, Catalog after, string sql, List<SqlToken> tokens, IdentifierRules rules)
    {
        if (after.EnumTypes.IsEmpty || !HasString(tokens) || DefinesLabels(sql, tokens)) return null;
        Scan? scan = null;
        for (var i = 2; i + 3 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[i], "ARRAY") || !SqlTokenText.IsSymbol(sql, tokens[i + 1], '[') || !SqlTokenText.IsSymbol(sql, tokens[i - 1], '(')) continue;
            var quantifier = tokens[i - 2];
            if (!(SqlTokenText.IsWord(sql, quantifier, "ANY") || SqlTokenText.IsWord(sql, quantifier, "SOME") || SqlTokenText.IsWord(sql, quantifier, "ALL"))) continue;
            if (TextArrayType(sql, tokens, i + 2) is not { } elementType) continue;
            scan ??= new Scan(before, after, sql, tokens, new UnknownEnumLabels(after), rules, null);
            if (scan.EnumColumnComparedWithArray(i, elementType) is { } found) return found;
        }

        return null;
    }

    // 'a', NULL, 'b' ] ) : string constants (untyped, or cast to text or varchar) and NULLs only,
    // at least one string, and the array closes the quantifier's parenthesis, or is cast to
    // text[] or varchar[] first. The type the server gives the array's elements, or null: the
    // cast's, else the first element cast's, else text.
    private static string? TextArrayType(string sql, List<SqlToken> tokens, int first)
    {
        var (strings, type) = (0, (string?)null);
        for (var i = first; i + 1 < tokens.Count; i++)
        {
            var element = tokens[i];
            if (element.Kind == SqlTokenKind.String) strings++;
            else if (!SqlTokenText.IsWord(sql, element, "NULL")) return null;
            if (SqlTokenText.IsSymbol(sql, tokens[i + 1], "::"))
            {
                var (cast, next) = TextTypeAt(sql, tokens, i + 2);
                if (cast is null) return null;
                type ??= cast;
                i = next - 1;
            }

            if (i + 1 >= tokens.Count) return null;
            var after = tokens[i + 1];
            if (SqlTokenText.IsSymbol(sql, after, ',')) { i++; continue; }
            if (strings == 0 || !SqlTokenText.IsSymbol(sql, after, ']')) return null;
            var close = i + 2;
            if (close + 3 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[close], "::"))
            {
                var (arrayCast, next) = TextTypeAt(sql, tokens, close + 1);
                if (arrayCast is null || next + 2 >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[next], '[') || !SqlTokenText.IsSymbol(sql, tokens[next + 1], ']')) return null;
                (type, close) = (arrayCast, next + 2);
            }

            return close < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[close], ')') ? type ?? "text" : null;
        }

        return null;
    }

    // text, varchar or character varying at index at: the type as the server names it, and the index after it.
    private static (string? Type, int Next) TextTypeAt(string sql, List<SqlToken> tokens, int at)
    {
        if (at >= tokens.Count) return (null, at);
        if (SqlTokenText.IsWord(sql, tokens[at], "text")) return ("text", at + 1);
        if (SqlTokenText.IsWord(sql, tokens[at], "varchar")) return ("character varying", at + 1);
        return at + 1 < tokens.Count && SqlTokenText.IsWord(sql, tokens[at], "character") && SqlTokenText.IsWord(sql, tokens[at + 1], "varying") ? ("character varying", at + 2) : (null, at);
    }

    private sealed partial class Scan
    {
        // column op ANY ( ARRAY [ ... ] ): the ARRAY word at index array.
        public TextArrayComparison? EnumColumnComparedWithArray(int array, string elementType)
        {
            var op = array - 3;
            var end = op - 1;
            if (end < 0 || !IsComparison(tokens[op]) || ColumnEndingAt(end) is not { } name || !ColumnStandsAlone(end)) return null;
            if (ColumnAt(end, name) is not { IsArray: false } column || EnumOf(column.TypeReference) is not { } type) return null;
            return new TextArrayComparison(type, column.Name, SqlTokenText.Raw(sql, tokens[op]), elementType, tokens[array]);
        }
    }
}
