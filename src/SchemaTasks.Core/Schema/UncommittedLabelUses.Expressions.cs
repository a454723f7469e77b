using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        // The calls whose arguments PostgreSQL brings to one common type (NULLIF compares its two).
        private static readonly string[] CommonTypeCalls = ["COALESCE", "GREATEST", "LEAST", "NULLIF"];

        // column IS [NOT] DISTINCT FROM 'c', 'c' IS [NOT] DISTINCT FROM column: compared as by =.
        private UncommittedLabel? DistinctFromAt(int i, string value)
        {
            if (!labels.NeedsSingleTable) return null;
            if (i >= 4 && SqlTokenText.IsWord(sql, tokens[i - 1], "FROM") && SqlTokenText.IsWord(sql, tokens[i - 2], "DISTINCT") && EndsOperand(i + 1))
            {
                var end = SqlTokenText.IsWord(sql, tokens[i - 3], "NOT") ? i - 4 : i - 3;
                return end >= 1 && SqlTokenText.IsWord(sql, tokens[end], "IS") && SqlTokenText.IsName(tokens[end - 1]) && ColumnStandsAlone(end - 1) ? OfColumnAt(end - 1, value) : null;
            }

            if (i + 4 >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[i + 1], "IS") || !StartsOperand(i - 1)) return null;
            var distinct = SqlTokenText.IsWord(sql, tokens[i + 2], "NOT") ? i + 3 : i + 2;
            if (distinct + 2 >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[distinct], "DISTINCT") || !SqlTokenText.IsWord(sql, tokens[distinct + 1], "FROM") || !SqlTokenText.IsName(tokens[distinct + 2])) return null;
            var column = NameEnd(distinct + 2);
            return column + 1 >= tokens.Count || EndsOperand(column + 1) ? OfColumnAt(column, value) : null;
        }

        // CASE column WHEN 'c' THEN ...: each WHEN value is compared with the operand.
        private UncommittedLabel? CaseOperandAt(int i, string value)
        {
            if (!labels.NeedsSingleTable) return null;
            if (i < 3 || !SqlTokenText.IsWord(sql, tokens[i - 1], "WHEN") || i + 1 >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[i + 1], "THEN")) return null;
            var start = CaseStart(i - 2);
            if (start < 0 || start + 2 >= tokens.Count || !SqlTokenText.IsName(tokens[start + 1])) return null;
            var end = NameEnd(start + 1);
            return end + 1 < tokens.Count && SqlTokenText.IsWord(sql, tokens[end + 1], "WHEN") ? OfColumnAt(end, value) : null;
        }

        // CASE ... THEN 'c' ... ELSE column END: the results take one common type, the column's
        // when every other result is a constant, NULL or a column of that type.
        private UncommittedLabel? CaseResultAt(int i, string value)
        {
            if (!labels.NeedsSingleTable) return null;
            if (i < 2 || i + 1 >= tokens.Count || !(SqlTokenText.IsWord(sql, tokens[i - 1], "THEN") || SqlTokenText.IsWord(sql, tokens[i - 1], "ELSE"))) return null;
            if (!(SqlTokenText.IsWord(sql, tokens[i + 1], "WHEN") || SqlTokenText.IsWord(sql, tokens[i + 1], "ELSE") || SqlTokenText.IsWord(sql, tokens[i + 1], "END"))) return null;
            var start = CaseStart(i - 2);
            if (start < 0) return null;
            var operands = new List<(int Start, int End)>();
            var (depth, nested, from) = (0, 0, -1);
            for (var j = start + 1; j < tokens.Count; j++)
            {
                var token = tokens[j];
                if (SqlTokenText.IsSymbol(sql, token, '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, token, ')') && depth-- == 0) return null;
                if (depth > 0 || token.Kind != SqlTokenKind.Word) continue;
                if (SqlTokenText.IsWord(sql, token, "CASE")) nested++;
                var ends = SqlTokenText.IsWord(sql, token, "END");
                if (nested > 0)
                {
                    if (ends) nested--;
                    continue;
                }

                if (from >= 0 && (ends || SqlTokenText.IsWord(sql, token, "WHEN") || SqlTokenText.IsWord(sql, token, "ELSE")))
                {
                    operands.Add((from, j - 1));
                    from = -1;
                }

                if (ends) return OfType(CommonEnumType(operands), value);
                if (SqlTokenText.IsWord(sql, token, "THEN") || SqlTokenText.IsWord(sql, token, "ELSE")) from = j + 1;
            }

            return null;
        }

        // COALESCE(column, 'c'), GREATEST(...), LEAST(...), NULLIF(column, 'c'): the arguments take
        // one common type, the column's when every other one is a constant, NULL or a column of it.
        // The constant is unquoted (value null) only once it is found to be such an argument.
        private UncommittedLabel? CommonTypeArgumentAt(int i, string? value)
        {
            if (!labels.NeedsSingleTable || !HasCommonTypeCall) return null; // Most statements call none: no search back.
            if (i < 2 || i + 1 >= tokens.Count || !StartsOperand(i - 1) || !(SqlTokenText.IsSymbol(sql, tokens[i + 1], ',') || SqlTokenText.IsSymbol(sql, tokens[i + 1], ')'))) return null;
            var open = i - 1;
            for (var depth = 0; open >= 0; open--)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[open], ')')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[open], '(') && depth-- == 0) break;
            }

            if (open < 1 || !IsOneOf(tokens[open - 1], CommonTypeCalls) || (open >= 2 && SqlTokenText.IsSymbol(sql, tokens[open - 2], '.'))) return null;
            var operands = new List<(int Start, int End)>();
            var from = open + 1;
            for (var (j, depth) = (open + 1, 0); j < tokens.Count; j++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[j], '(')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[j], ')') && depth-- == 0)
                {
                    operands.Add((from, j - 1));
                    return CommonEnumType(operands) is { } type ? OfType(type, value ?? SqlTokenText.Unquote(sql, tokens[i])) : null;
                }
                else if (depth == 0 && SqlTokenText.IsSymbol(sql, tokens[j], ','))
                {
                    operands.Add((from, j - 1));
                    from = j + 1;
                }
            }

            return null;
        }

        // The index of the CASE whose expression holds the token at from (read back over nested
        // CASE ... END and parentheses), or -1.
        private int CaseStart(int from)
        {
            var (depth, nested) = (0, 0);
            for (var j = from; j >= 0; j--)
            {
                var token = tokens[j];
                if (SqlTokenText.IsSymbol(sql, token, ')')) depth++;
                else if (SqlTokenText.IsSymbol(sql, token, '(') && depth-- == 0) return -1;
                if (depth > 0 || token.Kind != SqlTokenKind.Word) continue;
                if (SqlTokenText.IsWord(sql, token, "END")) nested++;
                else if (SqlTokenText.IsWord(sql, token, "CASE") && nested-- == 0) return j;
            }

            return -1;
        }

        // The enum type operands brought to one type take: each is a constant, NULL or a column
        // (possibly qualified), and the columns, one at least, are all of one enum type. Any other
        // operand, or a column the scopes do not make certain, decides nothing.
        private QualifiedName? CommonEnumType(List<(int Start, int End)> operands)
        {
            QualifiedName? common = null;
            foreach (var (start, end) in operands)
            {
                if (start != end && !(SqlTokenText.IsName(tokens[start]) && NameEnd(start) == end)) return null;
                var token = tokens[start];
                if (start == end && (token.Kind == SqlTokenKind.String || (token.Kind == SqlTokenKind.Word && SqlTokenText.IsWord(sql, token, "NULL")))) continue;
                if (ColumnEndingAt(end) is not { } name || ColumnAt(end, name) is not { IsArray: false, TypeReference: { } type } || EnumOf(type) is null) return null;
                if (common is { } other && other != type) return null;
                common = type;
            }

            return common;
        }
    }
}
