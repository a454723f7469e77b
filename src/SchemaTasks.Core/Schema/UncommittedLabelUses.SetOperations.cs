using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        private static readonly string[] SetOperationWords = ["UNION", "EXCEPT", "INTERSECT"];
        private static readonly string[] EndsSelectItem = ["FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "INTO", "UNION", "EXCEPT", "INTERSECT", "RETURNING", "ON"];
        private static readonly string[] EndsSetOperation = ["ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "RETURNING", "ON"];

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
        // it is in none, or one is written otherwise (in parentheses, VALUES, INTERSECT beside UNION).
        private List<int>? Branches(int select)
        {
            var branches = new List<int> { select };
            var (union, intersect) = (false, false);
            for (var at = select; ;)
            {
                var word = at - 1;
                if (word >= 0 && (SqlTokenText.IsWord(sql, tokens[word], "ALL") || SqlTokenText.IsWord(sql, tokens[word], "DISTINCT"))) word--;
                if (word < 0 || tokens[word].Kind != SqlTokenKind.Word || !IsOneOf(tokens[word], SetOperationWords)) break;
                (union, intersect) = (union || !SqlTokenText.IsWord(sql, tokens[word], "INTERSECT"), intersect || SqlTokenText.IsWord(sql, tokens[word], "INTERSECT"));
                at = -1;
                for (var (j, depth) = (word - 1, 0); j >= 0; j--)
                {
                    if (SqlTokenText.IsSymbol(sql, tokens[j], ')')) depth++;
                    else if (SqlTokenText.IsSymbol(sql, tokens[j], '(') && depth-- == 0) return null;
                    if (depth == 0 && SqlTokenText.IsWord(sql, tokens[j], "SELECT"))
                    {
                        at = j;
                        break;
                    }
                }

                if (at < 0) return null;
                branches.Insert(0, at);
            }

            for (var (j, depth) = (select + 1, 0); j < tokens.Count; j++)
            {
                var token = tokens[j];
                if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, token, ')') && depth-- == 0) break;
                if (depth > 0 || token.Kind != SqlTokenKind.Word) continue;
                if (IsOneOf(token, EndsSetOperation)) break;
                if (!IsOneOf(token, SetOperationWords)) continue;
                (union, intersect) = (union || !SqlTokenText.IsWord(sql, token, "INTERSECT"), intersect || SqlTokenText.IsWord(sql, token, "INTERSECT"));
                var next = j + 1 < tokens.Count && (SqlTokenText.IsWord(sql, tokens[j + 1], "ALL") || SqlTokenText.IsWord(sql, tokens[j + 1], "DISTINCT")) ? j + 2 : j + 1;
                if (next >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[next], "SELECT")) return null;
                branches.Add(next);
                j = next;
            }

            return branches.Count < 2 || (union && intersect) ? null : branches;
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
