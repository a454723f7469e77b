using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        // INSERT INTO t [(columns)] VALUES (...), (...) or SELECT ..., wherever it stands (first, or
        // in a CTE of WITH): the column each constant of a row or of the select list goes to, by
        // the index of the constant's token. A constant inside an expression is left to the cast rule.
        private Dictionary<int, CatalogColumn>? InsertedColumns()
        {
            if (!HasInsert) return null; // Most statements are DDL: the pass over the words is shared.
            Dictionary<int, CatalogColumn>? found = null;
            for (var i = 0; i + 3 < tokens.Count; i++)
            {
                if (SqlTokenText.IsWord(sql, tokens[i], "INSERT") && SqlTokenText.IsWord(sql, tokens[i + 1], "INTO")) ReadInsert(i + 2, ref found);
            }

            return found;
        }

        private void ReadInsert(int i, ref Dictionary<int, CatalogColumn>? found)
        {
            if (!SqlTokenText.IsName(tokens[i])) return;
            var first = rules.Name(sql, tokens[i]);
            var tableName = new QualifiedName(rules.DefaultSchema, first);
            if (i + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') && SqlTokenText.IsName(tokens[i + 2]))
            {
                tableName = new QualifiedName(first, rules.Name(sql, tokens[i + 2]));
                i += 2;
            }

            if (before.FindTable(tableName) is not { } table) return;
            i++;
            if (i < tokens.Count && SqlTokenText.IsName(tokens[i]) && !IsRowsKeyword(tokens[i])) i += SqlTokenText.IsWord(sql, tokens[i], "AS") ? 2 : 1; // An alias.
            var columns = new List<CatalogColumn?>();
            if (i < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i], '('))
            {
                for (i++; i < tokens.Count && !SqlTokenText.IsSymbol(sql, tokens[i], ')'); i++)
                {
                    if (SqlTokenText.IsName(tokens[i])) columns.Add(OfEnum(table.FindColumn(rules.Name(sql, tokens[i]), rules.Dialect)));
                }

                i++;
            }
            else
            {
                foreach (var column in table.Columns) columns.Add(OfEnum(column));
            }

            if (!columns.Exists(c => c is not null)) return; // No value goes to a column whose type reaches an enum type.

            // INSERT INTO t (SELECT ...), ((VALUES ...)): the query in parentheses is the same
            // query, unless a set operation follows one of them (then its constants come to text).
            for (; i < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i], '('); i++)
            {
                if (IsSetOperationBranch(i)) return;
            }

            if (i >= tokens.Count) return;
            if (SqlTokenText.IsWord(sql, tokens[i], "VALUES")) ReadRows(i + 1, columns, ref found);
            else if (SqlTokenText.IsWord(sql, tokens[i], "SELECT")) ReadSelectList(i + 1, columns, ref found);
        }

        // Whether a set operation follows the parentheses that open at open.
        private bool IsSetOperationBranch(int open)
        {
            for (var (j, depth) = (open + 1, 0); j < tokens.Count; j++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[j], '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[j], ')') && depth-- == 0) return j + 1 < tokens.Count && IsSetOperationWord(tokens[j + 1]);
            }

            return false;
        }

        private bool IsSetOperationWord(SqlToken token)
            => token.Kind == SqlTokenKind.Word && (SqlTokenText.IsWord(sql, token, "UNION") || SqlTokenText.IsWord(sql, token, "EXCEPT") || SqlTokenText.IsWord(sql, token, "INTERSECT"));

        // The column when its type (or its element type) reaches an enum type, through domains:
        // only such a column makes a constant a use, so no other is noted for each row.
        private CatalogColumn? OfEnum(CatalogColumn? column) => column is not null && EnumOf(column.TypeReference) is not null ? column : null;

        private bool IsRowsKeyword(SqlToken token) => SqlTokenText.IsWord(sql, token, "VALUES") || SqlTokenText.IsWord(sql, token, "SELECT");

        // VALUES (...), (...): a set operation after the rows (VALUES ... UNION VALUES ...) brings
        // their constants to text first, so the rows noted are taken back.
        private void ReadRows(int i, List<CatalogColumn?> columns, ref Dictionary<int, CatalogColumn>? found)
        {
            var noted = found?.Count ?? 0;
            var end = ReadRowsUpTo(i, columns, ref found);
            if (end >= tokens.Count || !IsSetOperationWord(tokens[end]) || found is null || found.Count == noted) return;
            foreach (var at in found.Keys.Where(at => at > i && at < end).ToList()) found.Remove(at);
        }

        // Notes the rows' constants; returns the index of the token that ends the rows.
        private int ReadRowsUpTo(int i, List<CatalogColumn?> columns, ref Dictionary<int, CatalogColumn>? found)
        {
            var (depth, position, start) = (0, 0, -1);
            for (; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (SqlTokenText.IsSymbol(sql, token, '('))
                {
                    if (++depth == 1) (position, start) = (0, i + 1);
                }
                else if (SqlTokenText.IsSymbol(sql, token, ')') || (depth == 1 && SqlTokenText.IsSymbol(sql, token, ',')))
                {
                    if (depth == 0) return i; // The end of the CTE that holds the INSERT.

                    // A row's value that is exactly one constant goes to the column at its position.
                    if (depth == 1 && start == i - 1) Note(start, position, columns, ref found);
                    if (SqlTokenText.IsSymbol(sql, token, ')')) depth--;
                    else (position, start) = (position + 1, i + 1);
                }
                else if (depth == 0 && token.Kind is SqlTokenKind.Word or SqlTokenKind.Semicolon)
                {
                    return i; // ON CONFLICT, RETURNING: the rows are over.
                }
            }

            return i;
        }

        // SELECT a, 'c', ... up to FROM, WHERE or the end: the items at the top level. A list with
        // a star is not read (its positions are not the columns'), nor one a UNION, EXCEPT or
        // INTERSECT follows (the server then types the constant as text, not as the column).
        private void ReadSelectList(int i, List<CatalogColumn?> columns, ref Dictionary<int, CatalogColumn>? found)
        {
            if (i < tokens.Count && (SqlTokenText.IsWord(sql, tokens[i], "DISTINCT") || SqlTokenText.IsWord(sql, tokens[i], "ALL"))) return; // DISTINCT ON (...) and the like: not read.
            var items = new List<(int At, int Position)>();
            var (depth, position, start) = (0, 0, i);
            for (; i <= tokens.Count; i++)
            {
                var end = i == tokens.Count || (depth == 0 && (tokens[i].Kind == SqlTokenKind.Semicolon || SqlTokenText.IsSymbol(sql, tokens[i], ')') || (tokens[i].Kind == SqlTokenKind.Word && IsClauseAfterSelectList(tokens[i]))));
                if (end || (depth == 0 && SqlTokenText.IsSymbol(sql, tokens[i], ',')))
                {
                    if (start == i - 1 || IsAliased(start, i)) items.Add((start, position));
                    if (end) break;
                    (position, start) = (position + 1, i + 1);
                }
                else if (SqlTokenText.IsSymbol(sql, tokens[i], '('))
                {
                    depth++;
                }
                else if (SqlTokenText.IsSymbol(sql, tokens[i], ')'))
                {
                    depth--;
                }
                else if (depth == 0 && SqlTokenText.IsSymbol(sql, tokens[i], '*'))
                {
                    return;
                }
            }

            if (i < tokens.Count && (SqlTokenText.IsWord(sql, tokens[i], "UNION") || SqlTokenText.IsWord(sql, tokens[i], "EXCEPT") || SqlTokenText.IsWord(sql, tokens[i], "INTERSECT"))) return;
            foreach (var (at, column) in items) Note(at, column, columns, ref found);
        }

        // 'c' AS name, 'c' name: the constant is still the whole value.
        private bool IsAliased(int start, int end)
            => (end - start == 2 && SqlTokenText.IsName(tokens[start + 1])) || (end - start == 3 && SqlTokenText.IsWord(sql, tokens[start + 1], "AS") && SqlTokenText.IsName(tokens[start + 2]));

        private bool IsClauseAfterSelectList(SqlToken token)
            => SqlTokenText.IsWord(sql, token, "FROM") || SqlTokenText.IsWord(sql, token, "WHERE") || SqlTokenText.IsWord(sql, token, "UNION")
                || SqlTokenText.IsWord(sql, token, "GROUP") || SqlTokenText.IsWord(sql, token, "ORDER") || SqlTokenText.IsWord(sql, token, "LIMIT")
                || SqlTokenText.IsWord(sql, token, "ON") || SqlTokenText.IsWord(sql, token, "RETURNING") || SqlTokenText.IsWord(sql, token, "EXCEPT")
                || SqlTokenText.IsWord(sql, token, "INTERSECT") || SqlTokenText.IsWord(sql, token, "HAVING") || SqlTokenText.IsWord(sql, token, "WINDOW");

        private void Note(int at, int position, List<CatalogColumn?> columns, ref Dictionary<int, CatalogColumn>? found)
        {
            if (tokens[at].Kind != SqlTokenKind.String || position >= columns.Count || columns[position] is not { } column) return;
            (found ??= new Dictionary<int, CatalogColumn>(16))[at] = column;
        }
    }
}
