using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        private static readonly string[] StartsSubquery = ["SELECT", "VALUES", "WITH", "TABLE"];

        // The constants a row comparison pairs with a column, by token index: the last token of that
        // column's name. Read once, the first time a constant stands where a row's element would.
        private Dictionary<int, int>? _rowPartners;

        /// <summary>
        /// <c>(s, y) = ('c', 1)</c>, <c>ROW(s, y) &lt;&gt; ROW('c', 1)</c>, <c>(s, y) IS DISTINCT FROM
        /// ('c', 1)</c>, <c>(s, y) IN (('a', 1), ('c', 2))</c>, <c>SET (s, y) = ('c', 1)</c>: PostgreSQL
        /// compares (or assigns) two rows element by element, and a constant takes the type of the
        /// column it is paired with, as in <c>s = 'c'</c>. Decided only where both sides are row
        /// constructors of as many elements, each element paired being a constant or a name alone,
        /// and every item of an IN list a row of that size (anything else the server refuses
        /// otherwise, or reads as a record). The constant is unquoted (value null) only when paired.
        /// </summary>
        private UncommittedLabel? RowElementAt(int i, string? value)
        {
            if (i == 0 || i + 1 >= tokens.Count) return null;
            if (!(SqlTokenText.IsSymbol(sql, tokens[i - 1], '(') || SqlTokenText.IsSymbol(sql, tokens[i - 1], ','))) return null;
            if (!(SqlTokenText.IsSymbol(sql, tokens[i + 1], ')') || SqlTokenText.IsSymbol(sql, tokens[i + 1], ','))) return null;
            _rowPartners ??= ReadRowPartners();
            return _rowPartners.Count > 0 && _rowPartners.TryGetValue(i, out var column) ? OfColumnAt(column, value ?? SqlTokenText.Unquote(sql, tokens[i])) : null;
        }

        private Dictionary<int, int> ReadRowPartners()
        {
            var partners = new Dictionary<int, int>();
            if (!HasRowOperator()) return partners; // Most statements compare no row: no parentheses are matched.
            var match = MatchParentheses();
            for (var j = 0; j + 2 < tokens.Count; j++)
            {
                if (!SqlTokenText.IsSymbol(sql, tokens[j], ')') || match[j] < 0 || RowElements(match[j], j, asLeft: true) is not { } left) continue;
                var next = j + 1;
                if (IsComparison(tokens[next]))
                {
                    Pair(left, RightRow(next + 1, match), partners);
                    continue;
                }

                if (SqlTokenText.IsWord(sql, tokens[next], "IS"))
                {
                    var distinct = next + 1 < tokens.Count && SqlTokenText.IsWord(sql, tokens[next + 1], "NOT") ? next + 2 : next + 1;
                    if (distinct + 2 < tokens.Count && SqlTokenText.IsWord(sql, tokens[distinct], "DISTINCT") && SqlTokenText.IsWord(sql, tokens[distinct + 1], "FROM")) Pair(left, RightRow(distinct + 2, match), partners);
                    continue;
                }

                var list = SqlTokenText.IsWord(sql, tokens[next], "NOT") ? next + 2 : next + 1;
                if (list < tokens.Count && SqlTokenText.IsWord(sql, tokens[list - 1], "IN") && SqlTokenText.IsSymbol(sql, tokens[list], '(') && match[list] > list) PairList(left, list, match[list], match, partners);
            }

            return partners;
        }

        // Whether some closing parenthesis is followed by a comparison, IS, IN or NOT: a row
        // comparison has one after its left row.
        private bool HasRowOperator()
        {
            for (var j = 0; j + 1 < tokens.Count; j++)
            {
                if (tokens[j].Kind != SqlTokenKind.Symbol || !SqlTokenText.IsSymbol(sql, tokens[j], ')')) continue;
                var next = tokens[j + 1];
                if (IsComparison(next) || (next.Kind == SqlTokenKind.Word && (SqlTokenText.IsWord(sql, next, "IS") || SqlTokenText.IsWord(sql, next, "IN") || SqlTokenText.IsWord(sql, next, "NOT")))) return true;
            }

            return false;
        }

        // For each parenthesis, the index of the one that matches it; -1 when none does.
        private int[] MatchParentheses()
        {
            var match = new int[tokens.Count];
            var open = new Stack<int>();
            for (var j = 0; j < tokens.Count; j++)
            {
                match[j] = -1;
                if (SqlTokenText.IsSymbol(sql, tokens[j], '('))
                {
                    open.Push(j);
                }
                else if (SqlTokenText.IsSymbol(sql, tokens[j], ')') && open.Count > 0)
                {
                    var opening = open.Pop();
                    (match[j], match[opening]) = (opening, j);
                }
            }

            return match;
        }

        // The row that starts at start, the right side of a comparison, when it ends the operand.
        private List<(int Start, int End)>? RightRow(int start, int[] match)
        {
            if (start < tokens.Count && SqlTokenText.IsWord(sql, tokens[start], "ROW")) start++;
            if (start >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[start], '(') || match[start] < start) return null;
            return EndsOperand(match[start] + 1) ? RowElements(start, match[start], asLeft: false) : null;
        }

        // The elements of the row constructor between open and close: ROW(...), or (...) of two
        // elements or more that stands as an operand (not a call's argument list, nor a subquery).
        private List<(int Start, int End)>? RowElements(int open, int close, bool asLeft)
        {
            if (close - open < 2 || (tokens[open + 1].Kind == SqlTokenKind.Word && IsOneOf(tokens[open + 1], StartsSubquery))) return null;
            var isRow = open >= 1 && SqlTokenText.IsWord(sql, tokens[open - 1], "ROW");
            var before = isRow ? open - 2 : open - 1;
            if (asLeft && (!StartsOperand(before) || (before >= 0 && SqlTokenText.IsWord(sql, tokens[before], "IN")))) return null;
            var elements = new List<(int Start, int End)>();
            var from = open + 1;
            for (var (j, depth) = (open + 1, 0); j < close; j++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[j], '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[j], ')')) depth--;
                else if (depth == 0 && SqlTokenText.IsSymbol(sql, tokens[j], ','))
                {
                    if (j == from) return null;
                    elements.Add((from, j - 1));
                    from = j + 1;
                }
            }

            if (from >= close) return null;
            elements.Add((from, close - 1));
            return isRow || elements.Count > 1 ? elements : null;
        }

        // row [NOT] IN ((...), ROW(...), ...): every item must be a row of the left row's size.
        private void PairList(List<(int Start, int End)> left, int open, int close, int[] match, Dictionary<int, int> partners)
        {
            var items = new List<List<(int Start, int End)>>();
            for (var at = open + 1; at < close;)
            {
                var start = at < close && SqlTokenText.IsWord(sql, tokens[at], "ROW") ? at + 1 : at;
                if (start >= close || !SqlTokenText.IsSymbol(sql, tokens[start], '(') || match[start] < start) return;
                if (RowElements(start, match[start], asLeft: false) is not { } item || item.Count != left.Count) return;
                items.Add(item);
                at = match[start] + 1;
                if (at < close && !SqlTokenText.IsSymbol(sql, tokens[at], ',')) return;
                at++;
            }

            foreach (var item in items) Pair(left, item, partners);
        }

        // Each constant of one row with the column at its place in the other.
        private void Pair(List<(int Start, int End)> left, List<(int Start, int End)>? right, Dictionary<int, int> partners)
        {
            if (right is null || right.Count != left.Count) return;
            for (var k = 0; k < left.Count; k++)
            {
                if (ColumnElement(left[k]) is { } column && ConstantElement(right[k]) is { } constant) partners.TryAdd(constant, column);
                else if (ColumnElement(right[k]) is { } other && ConstantElement(left[k]) is { } value) partners.TryAdd(value, other);
            }
        }

        private int? ColumnElement((int Start, int End) element)
            => SqlTokenText.IsName(tokens[element.Start]) && NameEnd(element.Start) == element.End && !SqlTokenText.IsWord(sql, tokens[element.Start], "NULL") ? element.End : null;

        private int? ConstantElement((int Start, int End) element)
            => element.Start == element.End && tokens[element.Start].Kind == SqlTokenKind.String ? element.Start : null;
    }
}
