using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        private static readonly string[] SetOperationWords = ["UNION", "EXCEPT", "INTERSECT"];
        private static readonly string[] EndsSelectItem = ["FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "INTO", "UNION", "EXCEPT", "INTERSECT", "RETURNING", "ON"];

        /// <summary>
        /// <c>SELECT s FROM t UNION SELECT 'c'</c>: the branches of a set operation are brought to
        /// one type pair by pair, from the left, and a constant takes the enum type when what it
        /// is paired with has it: the column of the other branch of the first pair, or the type the
        /// branches before it came to. Decided only for a chain of SELECTs whose items at that
        /// place are constants, NULL or columns the scopes make certain, and no INTERSECT beside
        /// UNION or EXCEPT (which binds first). The constant is unquoted (value null) only when
        /// found to be one.
        /// </summary>
        private UncommittedLabel? SetOperationItemAt(int i, string? value)
        {
            if (!labels.NeedsSingleTable || !HasSetOperation) return null;
            if (i < 1 || !(SqlTokenText.IsWord(sql, tokens[i - 1], "SELECT") || SqlTokenText.IsSymbol(sql, tokens[i - 1], ','))) return null;
            if (i + 1 < tokens.Count && !(SqlTokenText.IsSymbol(sql, tokens[i + 1], ',') || SqlTokenText.IsSymbol(sql, tokens[i + 1], ')') || tokens[i + 1].Kind == SqlTokenKind.Semicolon || IsOneOf(tokens[i + 1], EndsSelectItem))) return null;
            if (BranchOf(i) is not ({ } select, var position)) return null;
            if (Branches(select) is not { } branches) return null;

            var types = new List<QualifiedName?>(branches.Count); // null: a constant or NULL.
            foreach (var branch in branches)
            {
                if (ItemAt(branch, position) is not { } item) return null;
                if (!(item.Start == item.End && IsConstantOrNull(tokens[item.Start])))
                {
                    if (CommonEnumType([item]) is not { } type) return null;
                    types.Add(type);
                }
                else
                {
                    types.Add(null);
                }
            }

            var at = branches.IndexOf(select);
            var paired = at == 0 ? types[1] : PairedType(types, at);
            return paired is { } enumType ? OfType(enumType, value ?? SqlTokenText.Unquote(sql, tokens[i])) : null;
        }

        // The type the branches before the one at index came to, when it is an enum type: constants
        // alone come to text, which a later column of an enum type does not match (42804).
        private static QualifiedName? PairedType(List<QualifiedName?> types, int index)
        {
            QualifiedName? type = types[0];
            var text = false;
            for (var b = 1; b < index; b++)
            {
                if (type is null && !text) text = types[b] is null;
                if (text || (types[b] is { } other && type is { } current && other != current)) return null;
                type ??= types[b];
            }

            return text ? null : type;
        }

        // The SELECT of the select list the constant at i is an item of, and its place in the list.
        private (int Select, int Position)? BranchOf(int i)
        {
            var position = 0;
            for (var (j, depth) = (i - 1, 0); j >= 0; j--)
            {
                var token = tokens[j];
                if (SqlTokenText.IsSymbol(sql, token, ')')) depth++;
                else if (SqlTokenText.IsSymbol(sql, token, '(') && depth-- == 0) return null;
                if (depth > 0) continue;
                if (SqlTokenText.IsSymbol(sql, token, ',')) position++;
                else if (token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, "SELECT")) return (j, position);
                else if (token.Kind == SqlTokenKind.Word && (IsOneOf(token, EndsSelectItem) || SqlTokenText.IsWord(sql, token, "VALUES"))) return null;
            }

            return null;
        }

        // The SELECT of each branch of the set operation the one at select is in, in order; null when
        // it is in none, or one is written otherwise (VALUES, INTERSECT beside UNION, parentheses
        // that hold more than one SELECT). A branch may stand in parentheses of its own
        // ((SELECT ...) UNION (SELECT ...)), which change nothing when each holds a single SELECT.
        private List<int>? Branches(int select)
        {
            var branches = new List<int> { select };
            var (union, intersect) = (false, false);
            var (first, last) = BranchSpan(select);
            for (var at = first; ;)
            {
                var word = at - 1;
                if (word >= 0 && (SqlTokenText.IsWord(sql, tokens[word], "ALL") || SqlTokenText.IsWord(sql, tokens[word], "DISTINCT"))) word--;
                if (word < 1 || tokens[word].Kind != SqlTokenKind.Word || !IsOneOf(tokens[word], SetOperationWords)) break;
                (union, intersect) = (union || !SqlTokenText.IsWord(sql, tokens[word], "INTERSECT"), intersect || SqlTokenText.IsWord(sql, tokens[word], "INTERSECT"));
                var previous = SqlTokenText.IsSymbol(sql, tokens[word - 1], ')') ? WrappedBranchEndingAt(word - 1) : PlainBranchEndingAt(word - 1);
                if (previous is not ({ } before, var start)) return null;
                branches.Insert(0, before);
                at = start;
            }

            for (var end = last; end + 1 < tokens.Count;)
            {
                var token = tokens[end + 1];
                if (token.Kind != SqlTokenKind.Word || !IsOneOf(token, SetOperationWords)) break;
                (union, intersect) = (union || !SqlTokenText.IsWord(sql, token, "INTERSECT"), intersect || SqlTokenText.IsWord(sql, token, "INTERSECT"));
                var next = end + 2 < tokens.Count && (SqlTokenText.IsWord(sql, tokens[end + 2], "ALL") || SqlTokenText.IsWord(sql, tokens[end + 2], "DISTINCT")) ? end + 3 : end + 2;
                var inner = next;
                while (inner < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[inner], '(')) inner++;
                if (inner >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[inner], "SELECT")) return null;
                var (start, stop) = BranchSpan(inner);
                if (start != next) return null;
                branches.Add(inner);
                end = stop;
            }

            return branches.Count < 2 || (union && intersect) ? null : branches;
        }

        // The SELECT of the branch without parentheses that ends at end, and its first token: the
        // nearest SELECT back at this depth.
        private (int Select, int Start)? PlainBranchEndingAt(int end)
        {
            for (var (j, depth) = (end, 0); j >= 0; j--)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[j], ')')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[j], '(') && depth-- == 0) return null;
                if (depth == 0 && SqlTokenText.IsWord(sql, tokens[j], "SELECT")) return (j, j);
            }

            return null;
        }

        // The SELECT of the branch in parentheses that close at close, when they hold that one
        // SELECT alone, and the first parenthesis.
        private (int Select, int Start)? WrappedBranchEndingAt(int close)
        {
            var open = close - 1;
            for (var depth = 0; open >= 0; open--)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[open], ')')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[open], '(') && depth-- == 0) break;
            }

            if (open < 1 || !OpensBranch(open)) return null; // x IN (SELECT ...) UNION ...: the parentheses are no branch.
            var inner = open;
            while (inner < close && SqlTokenText.IsSymbol(sql, tokens[inner], '(')) inner++;
            if (!SqlTokenText.IsWord(sql, tokens[inner], "SELECT")) return null;
            var wraps = inner - open;
            var end = SelectEnd(inner);
            for (var k = 1; k <= wraps; k++)
            {
                if (end + k >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[end + k], ')')) return null;
            }

            return end + wraps == close ? (inner, open) : null;
        }

        // The first and last token of the branch whose SELECT is at select: widened over the
        // parentheses around it that hold it alone and stand where a branch does (after a set
        // operation's word, another such parenthesis, or as the rows of INSERT INTO t (...)).
        private (int Start, int End) BranchSpan(int select)
        {
            var (start, end) = (select, SelectEnd(select));
            while (start >= 2 && end + 1 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[start - 1], '(') && SqlTokenText.IsSymbol(sql, tokens[end + 1], ')') && OpensBranch(start - 1))
            {
                (start, end) = (start - 1, end + 1);
            }

            return (start, end);
        }

        private bool OpensBranch(int open)
        {
            var before = tokens[open - 1];
            if (SqlTokenText.IsSymbol(sql, before, '(')) return true;
            if (before.Kind == SqlTokenKind.Word && IsOneOf(before, SetOperationWords)) return true;
            if (open >= 2 && (SqlTokenText.IsWord(sql, before, "ALL") || SqlTokenText.IsWord(sql, before, "DISTINCT")) && IsOneOf(tokens[open - 2], SetOperationWords)) return true;
            return IsInsertSource(open);
        }

        // INSERT INTO [schema.]t [(columns)] ( ...: the parentheses hold the rows to insert.
        private bool IsInsertSource(int open)
        {
            var at = open - 1;
            if (SqlTokenText.IsSymbol(sql, tokens[at], ')'))
            {
                while (at >= 0 && !SqlTokenText.IsSymbol(sql, tokens[at], '(')) at--; // A column list holds names alone.
                at--;
            }

            if (at < 1 || !SqlTokenText.IsName(tokens[at])) return false;
            if (at >= 3 && SqlTokenText.IsSymbol(sql, tokens[at - 1], '.') && SqlTokenText.IsName(tokens[at - 2])) at -= 2;
            return at >= 2 && SqlTokenText.IsWord(sql, tokens[at - 1], "INTO") && SqlTokenText.IsWord(sql, tokens[at - 2], "INSERT");
        }

        // The last token of the SELECT at select: before the set operation, the closing
        // parenthesis or the semicolon that ends it at its depth.
        private int SelectEnd(int select)
        {
            for (var (j, depth) = (select + 1, 0); j < tokens.Count; j++)
            {
                var token = tokens[j];
                if (token.Kind == SqlTokenKind.Semicolon) return j - 1;
                if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, token, ')') && depth-- == 0) return j - 1;
                else if (depth == 0 && token.Kind == SqlTokenKind.Word && IsOneOf(token, SetOperationWords)) return j - 1;
            }

            return tokens.Count - 1;
        }

        // The tokens of the item at position of the select list that starts at select.
        private (int Start, int End)? ItemAt(int select, int position)
        {
            var from = select + 1;
            if (from < tokens.Count && SqlTokenText.IsWord(sql, tokens[from], "ALL")) from++;
            if (from < tokens.Count && SqlTokenText.IsWord(sql, tokens[from], "DISTINCT")) return null; // DISTINCT ON (...) is read otherwise.
            var item = 0;
            for (var (j, depth) = (from, 0); j < tokens.Count; j++)
            {
                var token = tokens[j];
                if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
                var closes = SqlTokenText.IsSymbol(sql, token, ')') && depth-- == 0;
                if (depth > 0) continue;
                var ends = closes || token.Kind == SqlTokenKind.Semicolon || SqlTokenText.IsSymbol(sql, token, ',') || (token.Kind == SqlTokenKind.Word && IsOneOf(token, EndsSelectItem));
                if (!ends) continue;
                if (item == position) return j > from ? (from, j - 1) : null;
                if (!SqlTokenText.IsSymbol(sql, token, ',')) return null;
                (item, from) = (item + 1, j + 1);
            }

            return item == position && from < tokens.Count ? (from, tokens.Count - 1) : null;
        }

        private bool IsConstantOrNull(SqlToken token)
            => token.Kind == SqlTokenKind.String || (token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, "NULL"));
    }
}
