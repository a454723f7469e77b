using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        // PostgreSQL's reserved words that most often stand before a constant: no unquoted type
        // name is one, so DEFAULT 'a' is not looked up as a type (every table has defaults).
        private static readonly string[] ReservedBeforeConstants = ["DEFAULT", "AS", "THEN", "ELSE", "WHEN", "AND", "OR", "NOT", "IN", "WHERE"];

        // type 'c' (and schema.type 'c'), the typed literal; not a keyword of ALTER TYPE's own
        // label list, which no enum type shares a name with in practice but would read as one.
        private UncommittedLabel? TypedLiteralAt(int i, string value)
        {
            if (i < 1 || !SqlTokenText.IsName(tokens[i - 1]) || IsLabelKeyword(tokens[i - 1]) || IsOneOf(tokens[i - 1], ReservedBeforeConstants)) return null;
            var start = i >= 3 && SqlTokenText.IsSymbol(sql, tokens[i - 2], '.') && SqlTokenText.IsName(tokens[i - 3]) ? i - 3 : i - 1;
            return OfType(TypeNameAt(start), value);
        }

        private bool IsLabelKeyword(SqlToken token)
            => token.Kind == SqlTokenKind.Word && (SqlTokenText.IsWord(sql, token, "VALUE") || SqlTokenText.IsWord(sql, token, "BEFORE") || SqlTokenText.IsWord(sql, token, "AFTER") || SqlTokenText.IsWord(sql, token, "TO"));

        // ARRAY['a', 'c']::status[]: each element is read as the array's element type.
        private UncommittedLabel? ArrayConstructorCastAt(int i, string value)
        {
            if (!HasArray) return null; // The search back is long in a long list: only where an ARRAY may hold the constant.
            var depth = 0;
            var open = i - 1;
            for (; open >= 0; open--)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[open], ']') || SqlTokenText.IsSymbol(sql, tokens[open], ')')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[open], '(')) { if (depth-- == 0) return null; }
                else if (SqlTokenText.IsSymbol(sql, tokens[open], '[') && depth-- == 0) break;
            }

            if (open < 1 || !SqlTokenText.IsWord(sql, tokens[open - 1], "ARRAY")) return null;
            depth = 0;
            var (siblingType, unread) = ((QualifiedName?)null, false);
            for (var close = open + 1; close < tokens.Count; close++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[close], '[') || SqlTokenText.IsSymbol(sql, tokens[close], '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[close], ')')) depth--;
                else if (SqlTokenText.IsSymbol(sql, tokens[close], ']') && depth-- == 0)
                {
                    if (close + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[close + 1], "::")) return OfType(TypeNameAt(close + 2), value);

                    // ARRAY['c', 'b'::status]: the untyped constants take the type of the others.
                    var castItself = i + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], "::");
                    return !castItself && !unread && siblingType is { } type ? OfType(type, value) : null;
                }
                else if (depth == 0)
                {
                    ReadArraySibling(close, ref siblingType, ref unread);
                }
            }

            return null;
        }

        // One token of an ARRAY[...]'s top level, for the one enum type (or domain over one) its
        // string constants are cast to: an element of another form, or casts to two types, leave
        // the array's type to what the engine does not read (unread).
        private void ReadArraySibling(int at, ref QualifiedName? type, ref bool unread)
        {
            var token = tokens[at];
            if (token.Kind == SqlTokenKind.String || SqlTokenText.IsSymbol(sql, token, ',') || SqlTokenText.IsWord(sql, token, "NULL")) return;
            if (SqlTokenText.IsSymbol(sql, token, "::"))
            {
                if (at > 0 && tokens[at - 1].Kind == SqlTokenKind.String && TypeNameAt(at + 1) is { } cast && EnumOf(cast) is not null && (type is null || type == cast)) type = cast;
                else unread = true;
                return;
            }

            // The cast's type name, and its schema, after the ::.
            var afterCast = at >= 1 && SqlTokenText.IsSymbol(sql, tokens[at - 1], "::");
            var qualified = at >= 3 && SqlTokenText.IsSymbol(sql, tokens[at - 3], "::") && SqlTokenText.IsSymbol(sql, tokens[at - 1], '.');
            var dot = at >= 2 && SqlTokenText.IsSymbol(sql, token, '.') && SqlTokenText.IsSymbol(sql, tokens[at - 2], "::");
            if ((SqlTokenText.IsName(token) && (afterCast || qualified)) || dot) return;
            unread = true;
        }

        // low BETWEEN [SYMMETRIC] 'a' AND 'c': both bounds are compared with the column.
        private UncommittedLabel? BetweenAt(int i, string value)
        {
            var first = i >= 1 && SqlTokenText.IsWord(sql, tokens[i - 1], "AND") ? i - 2 : i; // The first bound.
            var word = first >= 1 && IsSymmetry(tokens[first - 1]) ? first - 2 : first - 1;
            var between = word >= 0 && SqlTokenText.IsWord(sql, tokens[word], "BETWEEN") ? word : -1;
            if (between < 1) return null;
            var end = SqlTokenText.IsWord(sql, tokens[between - 1], "NOT") ? between - 2 : between - 1;
            return end >= 0 && SqlTokenText.IsName(tokens[end]) && ColumnStandsAlone(end) && ConstantStandsAlone(i) ? OfColumnAt(end, value) : null;
        }

        private bool IsSymmetry(SqlToken token)
            => token.Kind == SqlTokenKind.Word && (SqlTokenText.IsWord(sql, token, "SYMMETRIC") || SqlTokenText.IsWord(sql, token, "ASYMMETRIC"));

        // '{a,c}' read as an array of the enum type: cast to it, given to an array column (compared,
        // contained, set or inserted), or the right side of s = ANY('{...}').
        private UncommittedLabel? InArrayLiteral(int i, string literal, Dictionary<int, CatalogColumn>? inserted)
        {
            if (PostgresArrayLiteral.TryRead(literal) is not { } items) return null;
            var elements = new List<string>();
            Collect(items, elements);
            foreach (var value in elements)
            {
                if (!labels.HasSpelling(value)) continue;
                var use = CastAt(i, value)
                    ?? ArrayColumnComparedAt(i, value)
                    ?? AnyAt(i, value)
                    ?? (inserted is not null && inserted.TryGetValue(i, out var column) && column.IsArray ? OfType(column.TypeReference, value) : null);
                if (use is not null) return use;
            }

            return null;
        }

        private static void Collect(IReadOnlyList<PostgresArrayLiteral.Element> items, List<string> values)
        {
            foreach (var item in items)
            {
                if (item.Items is { } nested) Collect(nested, values);
                else if (item.Value is { } value) values.Add(value);
            }
        }

        // arr = '{c}', arr @> '{c}', arr <@ '{c}', arr && '{c}', SET arr = '{c}'.
        private UncommittedLabel? ArrayColumnComparedAt(int i, string value)
        {
            var operatorStart = i >= 3 && IsArrayOperator(tokens[i - 2], tokens[i - 1]) ? i - 2
                : i >= 2 && IsComparison(tokens[i - 1]) ? i - 1
                : -1;
            if (operatorStart < 1 || ColumnEndingAt(operatorStart - 1) is not { } name || !ColumnStandsAlone(operatorStart - 1, checkAfter: false) || (labels.NeedsSingleTable && !EndsOperand(i + 1))) return null;
            return ColumnAt(operatorStart - 1, name) is { IsArray: true } column ? OfType(column.TypeReference, value) : null;
        }

        private bool IsArrayOperator(SqlToken first, SqlToken second)
            => first.End == second.Start && ((SqlTokenText.IsSymbol(sql, first, '@') && SqlTokenText.IsSymbol(sql, second, '>'))
                || (SqlTokenText.IsSymbol(sql, first, '<') && SqlTokenText.IsSymbol(sql, second, '@'))
                || (SqlTokenText.IsSymbol(sql, first, '&') && SqlTokenText.IsSymbol(sql, second, '&')));

        // s = ANY ('{c}'), s <> ALL ('{c}'): the elements are compared with the column.
        private UncommittedLabel? AnyAt(int i, string value)
        {
            if (i < 4 || !SqlTokenText.IsSymbol(sql, tokens[i - 1], '(')) return null;
            if (!(SqlTokenText.IsWord(sql, tokens[i - 2], "ANY") || SqlTokenText.IsWord(sql, tokens[i - 2], "SOME") || SqlTokenText.IsWord(sql, tokens[i - 2], "ALL"))) return null;
            return IsComparison(tokens[i - 3]) && SqlTokenText.IsName(tokens[i - 4]) && ColumnStandsAlone(i - 4) && ConstantStandsAlone(i) ? OfColumnAt(i - 4, value) : null;
        }
    }
}
