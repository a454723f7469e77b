using System.Linq;
using SchemaTasks.Sql;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Analyzers.Sql;

/// <summary>
/// One statement's tokens, read for the shapes that give a literal to a column or type:
/// <c>col = 'v'</c>, <c>col &lt;&gt; 'v'</c>, <c>col [NOT] IN ('a', 'b')</c> (also SET, ON CONFLICT
/// and ON DUPLICATE KEY UPDATE assignments), <c>INSERT INTO t (c, ...) VALUES ('v', ...), ...</c>, <c>'v'::type</c>
/// and <c>CAST('v' AS type)</c>. Columns resolve through the tables the statement names
/// (FROM, JOIN, UPDATE, INTO) and their aliases; a name that resolves to no single restricted
/// column is passed over.
/// </summary>
internal sealed class SqlStatementScan
{
    // Words that end a table reference rather than alias it.
    private static readonly HashSet<string> NotAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "join", "inner", "left", "right", "full", "cross", "natural", "outer", "on", "using", "set", "values", "value",
        "select", "order", "group", "having", "limit", "offset", "returning", "union", "except", "intersect", "window",
        "for", "default", "lateral", "fetch", "into", "overriding", "partition", "straight_join", "force", "use", "ignore",
        "tablesample", "as", "only", "when", "then", "and", "or", "not", "do",
    };

    // What NameEndingAt returns when no name ends there; never added to.
    private static readonly List<SqlName> NoName = new();

    private readonly string _sql;
    private readonly List<SqlToken> _tokens;
    private readonly SqlValueSetLookup _lookup;
    private readonly List<SqlValueCheck> _checks;
    private readonly List<SqlTableReference> _tables = new();
    private readonly HashSet<int> _checked = new();
    private SqlTableReference? _insertTarget;
    private List<SqlName>? _insertColumns;

    public SqlStatementScan(string sql, List<SqlToken> tokens, SqlValueSetLookup lookup, List<SqlValueCheck> checks)
    {
        _sql = sql;
        _tokens = tokens;
        _lookup = lookup;
        _checks = checks;
    }

    public void Run()
    {
        CollectTables();
        var assigning = false;
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (IsWord(i, "set") || (IsWord(i, "update") && IsWord(i - 1, "key")))
            {
                assigning = true;
            }
            else if (IsWord(i, "where") || IsWord(i, "from") || IsWord(i, "returning"))
            {
                assigning = false;
            }
            else if (IsSymbol(i, "=") || IsSymbol(i, "<>") || IsSymbol(i, "!="))
            {
                CheckComparison(i, assigning && IsSymbol(i, "=") ? "assigned to" : "compared with");
            }
            else if (IsWord(i, "in") && IsSymbol(i + 1, "("))
            {
                CheckInList(i);
            }
            else if (IsSymbol(i, "::"))
            {
                CheckCast(i - 1, i + 1, closing: false);
            }
            else if (IsWord(i, "cast") && IsSymbol(i + 1, "(") && IsWord(i + 3, "as"))
            {
                CheckCast(i + 2, i + 4, closing: true);
            }
            else if ((IsWord(i, "values") || IsWord(i, "value")) && _insertTarget is not null && _insertColumns is not null)
            {
                CheckRows(i + 1);
            }
        }
    }

    private void CollectTables()
    {
        var inserting = false;
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (IsWord(i, "insert") || IsWord(i, "replace"))
            {
                inserting = true;
                continue;
            }

            var from = IsWord(i, "from");
            var into = IsWord(i, "into");
            if (!(from || into || IsWord(i, "join") || IsWord(i, "update")))
            {
                continue;
            }

            var j = i + 1;
            while (IsWord(j, "only") || IsWord(j, "low_priority") || IsWord(j, "ignore"))
            {
                j++;
            }

            while (ReadTable(ref j) is { } table)
            {
                _tables.Add(table);
                if (into && inserting && _insertTarget is null)
                {
                    _insertTarget = table;
                    _insertColumns = IsSymbol(j, "(") ? ReadColumnList(j + 1) : null;
                }

                if (!(from && IsSymbol(j, ",")))
                {
                    break;
                }

                j++;
            }
        }
    }

    private SqlTableReference? ReadTable(ref int j)
    {
        var parts = ReadQualifiedName(ref j);
        if (parts.Count == 0 || parts.Count > 3)
        {
            return null;
        }

        SqlName? alias = null;
        var explicitAlias = IsWord(j, "as");
        var k = explicitAlias ? j + 1 : j;
        if (k < _tokens.Count && SqlName.Of(_sql, _tokens[k]) is { } name && (explicitAlias || name.Quoted || !NotAliases.Contains(name.Text)))
        {
            alias = name;
            j = k + 1;
        }

        return new SqlTableReference(parts.Count >= 2 ? parts[parts.Count - 2] : null, parts[parts.Count - 1], alias);
    }

    private List<SqlName>? ReadColumnList(int j)
    {
        var columns = new List<SqlName>();
        for (; j + 1 < _tokens.Count; j += 2)
        {
            if (SqlName.Of(_sql, _tokens[j]) is not { } column)
            {
                return null;
            }

            columns.Add(column);
            if (IsSymbol(j + 1, ")"))
            {
                return columns;
            }

            if (!IsSymbol(j + 1, ","))
            {
                return null;
            }
        }

        return null;
    }

    private List<SqlName> ReadQualifiedName(ref int j)
    {
        var parts = new List<SqlName>();
        if (j >= _tokens.Count || SqlName.Of(_sql, _tokens[j]) is not { } first)
        {
            return parts;
        }

        parts.Add(first);
        j++;
        while (IsSymbol(j, ".") && j + 1 < _tokens.Count && SqlName.Of(_sql, _tokens[j + 1]) is { } next)
        {
            parts.Add(next);
            j += 2;
        }

        return parts;
    }

    // The parts of the (possibly qualified) column name that ends at token end; empty when none does.
    private List<SqlName> NameEndingAt(int end)
    {
        if (end < 0 || SqlName.Of(_sql, _tokens[end]) is not { } last)
        {
            return NoName;
        }

        var parts = new List<SqlName> { last };
        var k = end;
        while (k >= 2 && IsSymbol(k - 1, ".") && SqlName.Of(_sql, _tokens[k - 2]) is { } part)
        {
            parts.Insert(0, part);
            k -= 2;
        }

        // `x::status = 'v'` names a type, and `f(x).status` a field, not a column.
        return IsSymbol(k - 1, "::") || IsSymbol(k - 1, ".") ? NoName : parts;
    }

    private void CheckComparison(int op, string verb)
    {
        var name = NameEndingAt(op - 1);
        if (name.Count > 0 && IsValueLiteral(op + 1))
        {
            Add(op + 1, ResolveColumn(name), $"{verb} {Text(name)}");
        }
    }

    private void CheckInList(int inWord)
    {
        var name = NameEndingAt(IsWord(inWord - 1, "not") ? inWord - 2 : inWord - 1);
        if (name.Count == 0 || ResolveColumn(name) is not { } target)
        {
            return;
        }

        var depth = 0;
        var itemStart = inWord + 2;
        for (var k = inWord + 2; k < _tokens.Count; k++)
        {
            if (IsSymbol(k, "("))
            {
                depth++;
            }
            else if (IsSymbol(k, ")") && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && (IsSymbol(k, ",") || IsSymbol(k, ")")))
            {
                if (k == itemStart + 1 && IsValueLiteral(itemStart))
                {
                    Add(itemStart, target, $"compared with {Text(name)}");
                }

                if (IsSymbol(k, ")"))
                {
                    return;
                }

                itemStart = k + 1;
            }
        }
    }

    // INSERT's rows: ('a', 'b'), ('c', 'd'); each item that is one literal (perhaps cast) goes to its column.
    private void CheckRows(int k)
    {
        while (IsSymbol(k, "("))
        {
            var column = 0;
            var depth = 0;
            var itemStart = k + 1;
            for (k++; k < _tokens.Count; k++)
            {
                if (IsSymbol(k, "("))
                {
                    depth++;
                }
                else if (IsSymbol(k, ")") && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0 && (IsSymbol(k, ",") || IsSymbol(k, ")")))
                {
                    if (column < _insertColumns!.Count && IsValueLiteral(itemStart) && (k == itemStart + 1 || IsSymbol(itemStart + 1, "::")))
                    {
                        var name = _insertColumns[column];
                        Add(itemStart, _lookup.Column(_insertTarget!, name), $"inserted into {name}");
                    }

                    column++;
                    itemStart = k + 1;
                    if (IsSymbol(k, ")"))
                    {
                        break;
                    }
                }
            }

            if (!IsSymbol(k, ")") || !IsSymbol(k + 1, ","))
            {
                return;
            }

            k += 2;
        }
    }

    private void CheckCast(int literal, int typeStart, bool closing)
    {
        if (literal < 0 || _tokens[literal].Kind != SqlTokenKind.String || !IsPlainString(literal))
        {
            return;
        }

        var j = typeStart;
        var type = ReadQualifiedName(ref j);
        var ends = closing ? IsSymbol(j, ")") : !(IsSymbol(j, "[") || IsSymbol(j, "(") || IsSymbol(j, "."));
        if (type.Count is 1 or 2 && ends)
        {
            Add(literal, _lookup.EnumType(type.Count == 2 ? type[0] : null, type[type.Count - 1]), $"cast to {Text(type)}");
        }
    }

    private ValueSetObject? ResolveColumn(List<SqlName> name)
    {
        if (name.Count > 3)
        {
            return null;
        }

        // The one restricted column the tables the name can mean hold; none when two differ.
        var column = name[name.Count - 1];
        var dialect = _lookup.Dialect;
        ValueSetObject? found = null;
        foreach (var t in _tables)
        {
            var named = name.Count switch
            {
                1 => true,
                2 => t.Alias is { } alias ? alias.SameAs(name[0], dialect) : t.Table.SameAs(name[0], dialect),
                _ => t.Alias is null && t.Table.SameAs(name[1], dialect) && t.Schema is { } s && s.SameAs(name[0], dialect),
            };
            if (named && _lookup.Column(t, column) is { } target && !ReferenceEquals(target, found))
            {
                if (found is not null)
                {
                    return null;
                }

                found = target;
            }
        }

        return found;
    }

    private void Add(int literal, ValueSetObject? target, string context)
    {
        var token = _tokens[literal];
        if (target is not null && _checked.Add(token.Start))
        {
            _checks.Add(new SqlValueCheck(token, SqlTokenText.Unquote(_sql, token), target, context));
        }
    }

    // A string literal that is the whole value: not followed by an operator that would make a new one.
    private bool IsValueLiteral(int k)
    {
        if (k >= _tokens.Count || _tokens[k].Kind != SqlTokenKind.String || !IsPlainString(k))
        {
            return false;
        }

        var next = k + 1;
        return next >= _tokens.Count
            || _tokens[next].Kind == SqlTokenKind.Word
            || IsSymbol(next, ",") || IsSymbol(next, ")") || IsSymbol(next, "::");
    }

    // Text strings only: not bit or hex strings, and closed.
    private bool IsPlainString(int k)
    {
        var token = _tokens[k];
        return !token.Unterminated
            && (token.Style == SqlQuoteStyle.Dollar || token.PrefixLength == 0 || (token.PrefixLength == 1 && _sql[token.Start] is 'N' or 'n' or 'E' or 'e'));
    }

    private bool IsWord(int k, string word) => k >= 0 && k < _tokens.Count && SqlTokenText.IsWord(_sql, _tokens[k], word);

    private bool IsSymbol(int k, string symbol)
        => k >= 0 && k < _tokens.Count && _tokens[k].Kind == SqlTokenKind.Symbol && _tokens[k].Length == symbol.Length
           && string.CompareOrdinal(_sql, _tokens[k].Start, symbol, 0, symbol.Length) == 0;

    private static string Text(List<SqlName> name) => string.Join(".", name.Select(n => n.Text));
}
