using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL CREATE TABLE ... AS of a query whose columns are one table's, unchanged.
internal sealed partial class DdlParser
{
    // Words that end the FROM item: what may follow one table without adding or changing columns.
    private static readonly HashSet<string> AfterCopiedTable = new(StringComparer.OrdinalIgnoreCase) { "WHERE", "ORDER", "LIMIT", "OFFSET", "FETCH", "WITH" };

    // Words that, anywhere after the FROM item and outside parentheses, change the query's rows' shape.
    private static readonly HashSet<string> ShapeChanging = new(StringComparer.OrdinalIgnoreCase) { "UNION", "INTERSECT", "EXCEPT", "GROUP", "HAVING", "WINDOW" };

    // Unquoted, these are values (current_user, true, ...), never a column, whatever the table has.
    private static readonly HashSet<string> ValueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "USER", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "CURRENT_CATALOG", "CURRENT_SCHEMA", "CURRENT_DATE", "CURRENT_TIME",
        "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "TRUE", "FALSE", "NULL", "DISTINCT", "ALL",
    };

    /// <summary>
    /// After <c>CREATE TABLE name</c>, at <c>AS</c>: the copy, when the query is one whose columns
    /// are certain (<see cref="CreateTableCopyStatement"/>); otherwise null, the cursor unmoved.
    /// </summary>
    private CreateTableCopyStatement? TableCopy(SqlToken at, QualifiedName name, bool ifNotExists)
    {
        var tokens = _c.Tokens;
        var end = _c.End;
        var i = _c.Position + 1;
        bool Is(int index, string word) => index < end && SqlTokenText.IsWord(_c.Source, tokens[index], word);
        bool IsSymbol(int index, char symbol) => index < end && SqlTokenText.IsSymbol(_c.Source, tokens[index], symbol);

        List<(string? Qualifier, string Column, string As)>? items = null;
        if (Is(i, "TABLE"))
        {
            i++;
        }
        else if (Is(i, "SELECT"))
        {
            items = [];
            i++;
            while (true)
            {
                string? qualifier = null;
                if (i + 2 < end && SqlTokenText.IsName(tokens[i]) && IsSymbol(i + 1, '.'))
                {
                    qualifier = _rules.Name(_c.Source, tokens[i]);
                    i += 2;
                }

                if (IsSymbol(i, '*'))
                {
                    items.Add((qualifier, "*", "*"));
                    i++;
                }
                else if (i < end && SqlTokenText.IsName(tokens[i]) && !Is(i, "FROM") && !(tokens[i].Kind == SqlTokenKind.Word && ValueWords.Contains(SqlTokenText.Raw(_c.Source, tokens[i]))))
                {
                    var column = _rules.Name(_c.Source, tokens[i++]);
                    var alias = column;
                    if (Is(i, "AS") && i + 1 < end && SqlTokenText.IsName(tokens[i + 1]))
                    {
                        alias = _rules.Name(_c.Source, tokens[i + 1]);
                        i += 2;
                    }

                    items.Add((qualifier, column, alias));
                }
                else
                {
                    return null;
                }

                if (!IsSymbol(i, ',')) break;
                i++;
            }

            if (!Is(i, "FROM") || (items.Count > 1 && items.Any(item => item.Column == "*"))) return null;
            i++;
        }
        else
        {
            return null;
        }

        // One table, [schema.]name, and its alias.
        if (i >= end || !SqlTokenText.IsName(tokens[i]) || Is(i, "ONLY")) return null;
        var sourceAt = tokens[i];
        var qualified = IsSymbol(i + 1, '.');
        if (qualified && (i + 2 >= end || !SqlTokenText.IsName(tokens[i + 2]))) return null;
        var source = qualified
            ? new QualifiedName(_rules.Name(_c.Source, tokens[i]), _rules.Name(_c.Source, tokens[i + 2]))
            : new QualifiedName(_rules.DefaultSchema, _rules.Name(_c.Source, tokens[i]));
        i += qualified ? 3 : 1;
        var reference = source.Name;
        if (items is not null)
        {
            if (Is(i, "AS")) i++;
            if (i < end && SqlTokenText.IsName(tokens[i]) && !AfterCopiedTable.Contains(SqlTokenText.Raw(_c.Source, tokens[i])))
            {
                reference = _rules.Name(_c.Source, tokens[i++]);
            }
            else if (Is(i - 1, "AS"))
            {
                return null;
            }
        }

        if (i < end && !(tokens[i].Kind == SqlTokenKind.Word && AfterCopiedTable.Contains(SqlTokenText.Raw(_c.Source, tokens[i])))) return null;
        if (items is null && i < end && !Is(i, "WITH")) return null;
        if (!RestKeepsColumns(i, end)) return null;
        if (items is not null && items.Any(item => item.Qualifier is { } q && q != reference)) return null;

        if (!qualified) (_unqualifiedTables ??= []).Add(source);
        var columns = items is null || items[0].Column == "*" ? null : items.Select(item => (item.Column, item.As)).ToList();
        while (!_c.AtEnd) _c.Next();
        return new CreateTableCopyStatement(at, name, ifNotExists, source, sourceAt, columns);
    }

    // The rest of the query (WHERE, ORDER BY, LIMIT, ... and a final WITH [NO] DATA) filters rows only.
    private bool RestKeepsColumns(int i, int end)
    {
        var depth = 0;
        for (; i < end; i++)
        {
            var token = _c.Tokens[i];
            if (SqlTokenText.IsSymbol(_c.Source, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(_c.Source, token, ')')) depth--;
            else if (depth == 0 && token.Kind == SqlTokenKind.Word && ShapeChanging.Contains(SqlTokenText.Raw(_c.Source, token))) return false;
            else if (depth == 0 && SqlTokenText.IsWord(_c.Source, token, "WITH")) return EndsWithData(i + 1, end);
        }

        return depth == 0;
    }

    // After WITH: DATA or NO DATA, and nothing more.
    private bool EndsWithData(int i, int end)
    {
        if (i < end && SqlTokenText.IsWord(_c.Source, _c.Tokens[i], "NO")) i++;
        return i + 1 == end && SqlTokenText.IsWord(_c.Source, _c.Tokens[i], "DATA");
    }
}
