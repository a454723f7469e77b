using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>A comparison of an enum column with an array PostgreSQL reads as <c>text[]</c>.</summary>
/// <param name="Type">The enum type the column's values are of (through domains).</param>
/// <param name="Column">The column, as the statement names it.</param>
/// <param name="Operator">The comparison operator, as written.</param>
/// <param name="At">The <c>ARRAY</c> word.</param>
internal readonly record struct TextArrayComparison(QualifiedName Type, string Column, string Operator, SqlToken At);

internal static partial class UncommittedLabelUses
{
    /// <summary>
    /// The first <c>s = ANY (ARRAY['a', 'b'])</c> (or <c>SOME</c>, <c>ALL</c>, any comparison)
    /// whose column is of an enum type and whose <c>ARRAY[...]</c> holds only untyped string
    /// constants (and <c>NULL</c>) with no cast after it: PostgreSQL types such an array as
    /// <c>text[]</c> before it looks at the column, finds no operator between the enum and text,
    /// and refuses the statement (SQLSTATE 42883, checked on PostgreSQL 15), where
    /// <c>s = ANY ('{a,b}')</c>, <c>s IN ('a', 'b')</c> and <c>ARRAY['a', 'b']::e[]</c> read the
    /// labels as the enum. The column is decided as for unknown labels (<see cref="FindUnknown"/>).
    /// </summary>
    public static TextArrayComparison? FindTextArrayComparison(Catalog before, Catalog after, string sql, IReadOnlyList<SqlToken> tokens, IdentifierRules rules)
    {
        if (after.EnumTypes.IsEmpty || !HasString(tokens) || DefinesLabels(sql, tokens)) return null;
        Scan? scan = null;
        for (var i = 2; i + 3 < tokens.Count; i++)
        {
            if (!SqlTokenText.IsWord(sql, tokens[i], "ARRAY") || !SqlTokenText.IsSymbol(sql, tokens[i + 1], '[') || !SqlTokenText.IsSymbol(sql, tokens[i - 1], '(')) continue;
            var quantifier = tokens[i - 2];
            if (!(SqlTokenText.IsWord(sql, quantifier, "ANY") || SqlTokenText.IsWord(sql, quantifier, "SOME") || SqlTokenText.IsWord(sql, quantifier, "ALL"))) continue;
            if (!HoldsOnlyUntypedStrings(sql, tokens, i + 2)) continue;
            scan ??= new Scan(before, after, sql, tokens, new UnknownEnumLabels(after), rules, null);
            if (scan.EnumColumnComparedWithArray(i) is { } found) return found;
        }

        return null;
    }

    // 'a', NULL, 'b' ] ) : string constants and NULLs only, at least one string, and the array
    // closes the quantifier's parenthesis (a cast or a subscript after it types it otherwise).
    private static bool HoldsOnlyUntypedStrings(string sql, IReadOnlyList<SqlToken> tokens, int first)
    {
        var strings = 0;
        for (var i = first; i + 1 < tokens.Count; i += 2)
        {
            var element = tokens[i];
            if (element.Kind == SqlTokenKind.String) strings++;
            else if (!SqlTokenText.IsWord(sql, element, "NULL")) return false;
            var next = tokens[i + 1];
            if (SqlTokenText.IsSymbol(sql, next, ',')) continue;
            return strings > 0 && SqlTokenText.IsSymbol(sql, next, ']') && i + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 2], ')');
        }

        return false;
    }

    private sealed partial class Scan
    {
        // column op ANY ( ARRAY [ ... ] ): the ARRAY word at index array.
        public TextArrayComparison? EnumColumnComparedWithArray(int array)
        {
            var op = array - 3;
            var end = op - 1;
            if (end < 0 || !IsComparison(tokens[op]) || ColumnEndingAt(end) is not { } name || !ColumnStandsAlone(end)) return null;
            if (ColumnAt(end, name) is not { IsArray: false } column || EnumOf(column.TypeReference) is not { } type) return null;
            return new TextArrayComparison(type, column.Name, SqlTokenText.Raw(sql, tokens[op]), tokens[array]);
        }
    }
}
