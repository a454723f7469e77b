using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// Reads a PostgreSQL query into a QueryShape, the parts that decide its columns: a plain SELECT
// list of column references, casts, constants, calls (window functions among them), comparisons and AND, OR, NOT,
// FROM tables, views, joins, aliased subqueries and WITH queries, and UNION [ALL]; CASE, negation
// and + - * / %. Anything else (SEARCH and CYCLE, subqueries in the list, INTERSECT...) leaves the
// query unread: its columns stay unknown.
internal sealed partial class DdlParser
{
    // Words that end a FROM item or select item: no alias can be one of them.
    private static readonly HashSet<string> QueryClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "FROM", "INTO", "WHERE", "GROUP", "HAVING", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "ORDER", "LIMIT", "OFFSET", "FETCH",
        "FOR", "WITH", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "USING", "LATERAL", "AS", "IS", "NOT",
        "AND", "OR", "OVER", "FILTER", "TABLESAMPLE",
    };

    // Clauses after FROM that only choose or order rows (WINDOW names the windows of OVER); skipped up to the next UNION or the end.
    private static readonly HashSet<string> RowClauseWords = new(StringComparer.OrdinalIgnoreCase) { "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH" };

    // The SQL value keywords whose type is fixed, read as calls of no arguments (they name their column as a call does).
    private static readonly HashSet<string> TimeValueWords = new(StringComparer.OrdinalIgnoreCase) { "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME" };

    private static readonly HashSet<string> ComparisonOperators = new(StringComparer.Ordinal) { "=", "<>", "!=", "<", ">", "<=", ">=" };

    /// <summary>
    /// The shape of the query in tokens [<paramref name="start"/>, <paramref name="end"/>), with a
    /// trailing <c>WITH [NO] DATA</c>; <paramref name="into"/> also reads past a
    /// <c>SELECT ... INTO name</c> clause. <see langword="null"/> when the query is not of the forms read.
    /// </summary>
    private QueryShape? ReadQueryShape(int start, int end, bool into = false)
    {
        if (_mySql || start >= end) return null;
        var reader = new DdlParser(new TokenCursor(_c.Source, _c.Tokens, new SqlStatementRange(start, end), _rules));
        try
        {
            var shape = reader.ShapeQuery(into);
            if (reader._c.TryWord("WITH"))
            {
                reader._c.TryWord("NO");
                reader._c.ExpectWord("DATA");
            }

            return reader._c.AtEnd ? shape : null;
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    private QueryShape ShapeQuery(bool into)
    {
        if (_c.TryWord("WITH")) return ShapeWith(into);
        var shape = ShapeQueryTerm(into);
        while (_c.TryWord("UNION"))
        {
            if (!_c.TryWord("ALL")) _c.TryWord("DISTINCT");
            shape = new UnionShape(shape, ShapeQueryTerm(false));
        }

        // ORDER BY, LIMIT... of the whole union.
        SkipRowClauses();
        return shape;
    }

    // After WITH [RECURSIVE]: each name [(columns)] AS [[NOT] MATERIALIZED] (query), then the query that reads them.
    private WithShape ShapeWith(bool into)
    {
        var recursive = _c.TryWord("RECURSIVE");
        var queries = new List<CommonTableShape>();
        do
        {
            var name = _c.Identifier();
            List<string>? columns = null;
            if (_c.TrySymbol('('))
            {
                columns = [];
                do columns.Add(_c.Identifier());
                while (_c.TrySymbol(','));
                _c.ExpectSymbol(')');
            }

            _c.ExpectWord("AS");
            _c.TryWord("NOT");
            _c.TryWord("MATERIALIZED");
            _c.ExpectSymbol('(');
            var query = ShapeQuery(false);
            _c.ExpectSymbol(')');
            queries.Add(new CommonTableShape(name, columns, query));
        }
        while (_c.TrySymbol(','));

        return new WithShape(queries, ShapeQuery(into)) { Recursive = recursive };
    }

    private QueryShape ShapeQueryTerm(bool into)
    {
        if (_c.TrySymbol('('))
        {
            var inner = ShapeQuery(into);
            _c.ExpectSymbol(')');
            return inner;
        }

        _c.ExpectWord("SELECT");
        if (_c.TryWord("DISTINCT") && _c.IsWord("ON")) throw _c.Error("DISTINCT ON is not read");
        _c.TryWord("ALL");
        var items = new List<SelectItemShape>();
        do items.Add(ShapeSelectItem());
        while (_c.TrySymbol(','));
        if (into && _c.TryWord("INTO"))
        {
            while (_c.TryWord("TEMPORARY") || _c.TryWord("TEMP") || _c.TryWord("UNLOGGED") || _c.TryWord("TABLE")) { }
            _c.QualifiedName();
        }

        var from = new List<FromShape>();
        if (_c.TryWord("FROM"))
        {
            do ShapeFromItem(from);
            while (_c.TrySymbol(','));
        }

        SkipRowClauses();
        return new SelectShape(items, from);
    }

    // WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, FETCH: up to UNION, ')' or WITH [NO] DATA at this level.
    private void SkipRowClauses()
    {
        if (_c.AtEnd || !(_c.Current.Kind == SqlTokenKind.Word && RowClauseWords.Contains(SqlTokenText.Raw(_c.Source, _c.Current)))) return;
        var depth = 0;
        while (!_c.AtEnd)
        {
            if (depth == 0 && (_c.IsWord("UNION") || _c.IsSymbol(')') || (_c.IsWord("WITH") && (_c.IsWord("DATA", 1) || _c.IsWord("NO", 1))))) return;
            if (depth == 0 && (_c.IsWord("INTERSECT") || _c.IsWord("EXCEPT") || _c.IsWord("FOR"))) throw _c.Error("not read");
            if (IsOpening()) depth++;
            else if (IsClosing()) depth--;
            _c.Next();
        }
    }

    private SelectItemShape ShapeSelectItem()
    {
        if (_c.TrySymbol('*')) return new SelectItemShape(null, null, true, null);
        if (_c.IsIdentifier && _c.IsSymbol('.', 1) && _c.IsSymbol('*', 2))
        {
            var of = _c.Identifier();
            _c.Next();
            _c.Next();
            return new SelectItemShape(null, null, true, of);
        }

        var expression = ShapeExpression();
        return new SelectItemShape(expression, ShapeAlias(), false, null);
    }

    // [AS] alias, or none.
    private string? ShapeAlias()
    {
        if (_c.TryWord("AS")) return _c.Identifier();
        if (_c.IsIdentifier && !(_c.Current.Kind == SqlTokenKind.Word && QueryClauseWords.Contains(SqlTokenText.Raw(_c.Source, _c.Current)))) return _c.Identifier();
        return null;
    }

    // One FROM item and the joins after it.
    private void ShapeFromItem(List<FromShape> from)
    {
        from.Add(ShapeFromSource());
        while (true)
        {
            if (_c.TryWord("CROSS"))
            {
                _c.ExpectWord("JOIN");
                from.Add(ShapeFromSource());
                continue;
            }

            if (_c.TryWord("LEFT") || _c.TryWord("RIGHT") || _c.TryWord("FULL")) _c.TryWord("OUTER");
            else _c.TryWord("INNER");
            if (!_c.TryWord("JOIN")) return;
            from.Add(ShapeFromSource());

            // USING merges the columns it names, which a * then lists once: not read.
            _c.ExpectWord("ON");
            SkipJoinCondition();
        }
    }

    private FromShape ShapeFromSource()
    {
        if (_c.TrySymbol('('))
        {
            var subquery = ShapeQuery(false);
            _c.ExpectSymbol(')');
            return new FromShape(null, subquery, ShapeFromAlias());
        }

        if (_c.IsWord("ONLY") || _c.IsWord("LATERAL") || _c.IsSymbol('(', 1)) throw _c.Error("not read");
        var qualified = _c.IsSymbol('.', 1);
        var name = _c.QualifiedName();
        if (_c.IsSymbol('.')) throw _c.Error("not read");
        return new FromShape(name, null, ShapeFromAlias()) { Qualified = qualified };
    }

    // A FROM item's alias; a list of column aliases after it is not read.
    private string? ShapeFromAlias()
    {
        var alias = ShapeAlias();
        if (alias is not null && _c.IsSymbol('(')) throw _c.Error("column aliases are not read");
        return alias;
    }

    // The ON condition: up to the next join, ',' or clause at this level.
    private void SkipJoinCondition()
    {
        var depth = 0;
        while (!_c.AtEnd)
        {
            if (depth == 0 && (_c.IsSymbol(',') || _c.IsSymbol(')') || (_c.Current.Kind == SqlTokenKind.Word && IsJoinOrClause(SqlTokenText.Raw(_c.Source, _c.Current))))) return;
            if (IsOpening()) depth++;
            else if (IsClosing()) depth--;
            _c.Next();
        }
    }

    private static bool IsJoinOrClause(string word)
        => word.Equals("JOIN", StringComparison.OrdinalIgnoreCase) || word.Equals("INNER", StringComparison.OrdinalIgnoreCase) || word.Equals("LEFT", StringComparison.OrdinalIgnoreCase)
           || word.Equals("RIGHT", StringComparison.OrdinalIgnoreCase) || word.Equals("FULL", StringComparison.OrdinalIgnoreCase) || word.Equals("CROSS", StringComparison.OrdinalIgnoreCase)
           || word.Equals("NATURAL", StringComparison.OrdinalIgnoreCase) || word.Equals("UNION", StringComparison.OrdinalIgnoreCase) || word.Equals("INTERSECT", StringComparison.OrdinalIgnoreCase)
           || word.Equals("EXCEPT", StringComparison.OrdinalIgnoreCase) || word.Equals("WITH", StringComparison.OrdinalIgnoreCase) || RowClauseWords.Contains(word);

    // Conditions joined by OR, which binds loosest.
    private ExpressionShape ShapeExpression()
    {
        var value = ShapeConjunction();
        if (!_c.IsWord("OR")) return value;
        var operands = new List<ExpressionShape> { value };
        while (_c.TryWord("OR")) operands.Add(ShapeConjunction());
        return new LogicShape(operands);
    }

    // Conditions joined by AND, which binds tighter than OR.
    private ExpressionShape ShapeConjunction()
    {
        var value = ShapeNegatedCondition();
        if (!_c.IsWord("AND")) return value;
        var operands = new List<ExpressionShape> { value };
        while (_c.TryWord("AND")) operands.Add(ShapeNegatedCondition());
        return new LogicShape(operands);
    }

    // NOT condition, which binds tighter than AND and looser than a comparison.
    private ExpressionShape ShapeNegatedCondition()
        => _c.TryWord("NOT") ? new LogicShape([ShapeNegatedCondition()]) : ShapeComparison();

    // A value, then one comparison or IS [NOT] NULL.
    private ExpressionShape ShapeComparison()
    {
        var left = ShapeSum();
        if (_c.TryWord("IS"))
        {
            _c.TryWord("NOT");
            _c.ExpectWord("NULL");
            return new ComparisonShape(left, null);
        }

        if (!_c.AtEnd && _c.Current.Kind == SqlTokenKind.Symbol && ComparisonOperators.Contains(SqlTokenText.Raw(_c.Source, _c.Current)))
        {
            _c.Next();
            return new ComparisonShape(left, ShapeSum());
        }

        return left;
    }

    // Terms joined by + and -, left to right.
    private ExpressionShape ShapeSum()
    {
        var value = ShapeProduct();
        while (_c.IsSymbol('+') || _c.IsSymbol('-'))
        {
            var symbol = _c.IsSymbol('+') ? '+' : '-';
            _c.Next();
            value = new ArithmeticShape(value, symbol, ShapeProduct());
        }

        return value;
    }

    // Factors joined by *, / and %, which bind tighter than + and -.
    private ExpressionShape ShapeProduct()
    {
        var value = ShapeCastable();
        while (_c.IsSymbol('*') || _c.IsSymbol('/') || _c.IsSymbol('%'))
        {
            var symbol = _c.IsSymbol('*') ? '*' : _c.IsSymbol('/') ? '/' : '%';
            _c.Next();
            value = new ArithmeticShape(value, symbol, ShapeCastable());
        }

        return value;
    }

    // A primary value and the ::type casts after it.
    private ExpressionShape ShapeCastable()
    {
        var value = ShapePrimary();
        while (_c.IsSymbol("::"))
        {
            _c.Next();
            value = ShapeCast(value);
        }

        return value;
    }

    private ExpressionShape ShapePrimary()
    {
        if (_c.AtEnd) throw _c.Error("expected a value");
        var token = _c.Current;
        if (_c.TryWord("NULL")) return new ConstantShape(null, "?column?");
        if (_c.TryWord("TRUE") || _c.TryWord("FALSE")) return new ConstantShape("boolean", "bool");
        if (token.Kind == SqlTokenKind.String && SqlTokenText.Raw(_c.Source, token) is ['\'', ..])
        {
            _c.Next();
            return new ConstantShape(null, "?column?") { Quoted = true };
        }

        if (token.Kind == SqlTokenKind.Number)
        {
            _c.Next();
            return new ConstantShape(NumberType(SqlTokenText.Raw(_c.Source, token)) ?? throw _c.Error("not read"), "?column?");
        }

        if (_c.TrySymbol('('))
        {
            if (_c.IsWord("SELECT")) throw _c.Error("subqueries are not read");
            var inner = ShapeExpression();
            _c.ExpectSymbol(')');
            return inner;
        }

        if (_c.IsWord("CAST") && _c.IsSymbol('(', 1))
        {
            _c.Next();
            _c.Next();
            var value = ShapeExpression();
            _c.ExpectWord("AS");
            var cast = ShapeCast(value);
            _c.ExpectSymbol(')');
            return cast;
        }

        if (_c.TryWord("CASE")) return ShapeCase();
        if (token.Kind == SqlTokenKind.Word && TimeValueWords.Contains(SqlTokenText.Raw(_c.Source, token)))
        {
            // CURRENT_TIMESTAMP(3) keeps its precision in the type: not read.
            _c.Next();
            if (_c.IsSymbol('(')) throw _c.Error("not read");
            return new CallShape(SqlTokenText.Raw(_c.Source, token).ToLowerInvariant(), [], false);
        }

        if (_c.IsWord("EXTRACT") && _c.IsSymbol('(', 1)) return ShapeExtract();
        if (_c.IsSymbol('-') && _c.HasAhead(1) && _c.Peek(1).Kind != SqlTokenKind.Number)
        {
            _c.Next();
            return new NegationShape(ShapeCastable());
        }

        if (token.Kind == SqlTokenKind.Word && (QueryClauseWords.Contains(SqlTokenText.Raw(_c.Source, token)) || ValueWords.Contains(SqlTokenText.Raw(_c.Source, token)) || _c.IsWord("ARRAY") || _c.IsWord("ROW") || _c.IsWord("EXISTS")))
        {
            throw _c.Error("not read");
        }

        var name = _c.Identifier();
        if (_c.IsSymbol('(')) return token.Kind == SqlTokenKind.Word ? ShapeCall(name) : throw _c.Error("not read");
        if (!_c.TrySymbol('.')) return new ColumnShape(null, name);
        var last = _c.AtEnd ? token : _c.Current;
        var column = _c.Identifier();

        // schema.function(...): the function of that schema only.
        if (_c.IsSymbol('(') && last.Kind == SqlTokenKind.Word) return ShapeCall(column) with { Schema = name };
        if (_c.IsSymbol('.') || _c.IsSymbol('(')) throw _c.Error("not read");
        return new ColumnShape(name, column);
    }

    // name(*), name([DISTINCT] a, b [ORDER BY ...]); FILTER, OVER and WITHIN GROUP are not read.
    private CallShape ShapeCall(string function)
    {
        _c.ExpectSymbol('(');
        var star = false;
        var arguments = new List<ExpressionShape>();
        if (_c.TrySymbol('*'))
        {
            star = true;
        }
        else if (!_c.IsSymbol(')'))
        {
            _c.TryWord("DISTINCT");
            do arguments.Add(ShapeExpression());
            while (_c.TrySymbol(','));
            if (_c.TryWord("ORDER"))
            {
                _c.ExpectWord("BY");
                _c.SkipToListEnd();
                if (!_c.IsSymbol(')')) throw _c.Error("not read");
            }
        }

        _c.ExpectSymbol(')');

        // FILTER (WHERE ...) chooses the rows an aggregate reads, not its type; so does the window
        // of OVER (...) or OVER name.
        if (_c.TryWord("FILTER") && !SkipGroup()) throw _c.Error("not read");
        if (_c.IsWord("WITHIN")) throw _c.Error("not read");
        var window = _c.TryWord("OVER");
        if (window && !(_c.IsSymbol('(') ? SkipGroup() : _c.IsIdentifier && _c.Identifier() is not null)) throw _c.Error("not read");
        return new CallShape(function, arguments, star) { Window = window };
    }

    // EXTRACT(field FROM value): PostgreSQL calls extract(text, value), and names the column extract.
    private CallShape ShapeExtract()
    {
        _c.Next();
        _c.ExpectSymbol('(');
        if (_c.AtEnd || _c.Current.Kind is not (SqlTokenKind.Word or SqlTokenKind.String)) throw _c.Error("expected a field");
        _c.Next();
        _c.ExpectWord("FROM");
        var value = ShapeExpression();
        _c.ExpectSymbol(')');
        return new CallShape("extract", [new ConstantShape(null, "?column?") { Quoted = true }, value], false);
    }

    // After CASE: the operand and conditions are skipped (they choose a result, not its type), the results read.
    private CaseShape ShapeCase()
    {
        if (!_c.IsWord("WHEN")) SkipCasePart("WHEN");
        var results = new List<ExpressionShape>();
        while (_c.TryWord("WHEN"))
        {
            SkipCasePart("THEN");
            _c.ExpectWord("THEN");
            results.Add(ShapeExpression());
        }

        if (results.Count == 0) throw _c.Error("expected WHEN");
        var otherwise = _c.TryWord("ELSE") ? ShapeExpression() : null;
        _c.ExpectWord("END");
        return new CaseShape(results, otherwise);
    }

    // Up to `word` at this level, past parentheses and nested CASE ... END.
    private void SkipCasePart(string word)
    {
        var depth = 0;
        var nested = 0;
        while (!_c.AtEnd && !(depth == 0 && nested == 0 && _c.IsWord(word)))
        {
            if (IsOpening()) depth++;
            else if (IsClosing() && --depth < 0) throw _c.Error("not read");
            else if (_c.IsWord("CASE")) nested++;
            else if (_c.IsWord("END")) nested--;
            _c.Next();
        }

        if (_c.AtEnd) throw _c.Error("expected " + word);
    }

    // The type of ::type or CAST(... AS type): a built-in type read here, or a user type the
    // catalog may know; any other (regclass, arrays) is kept unread, a value of unknown type.
    private CastShape ShapeCast(ExpressionShape value)
    {
        var type = DataType();
        if (type.IsSerial) throw _c.Error("not read");
        if (type.UserType is { } user) return new CastShape(value, type, null, type.IsArray ? null : user.Name);
        return type.IsArray || type.Inline is not null || CastTypeName(type.Text) is not { } name
            ? new CastShape(value, type, null, null)
            : new CastShape(value, type, type.Text, name);
    }

    // The pg_type name the grammar records for a type, which names a column of a cast constant;
    // null for the types not read (char's bpchar without length, intervals with fields, bit strings).
    private static string? CastTypeName(string type)
    {
        var paren = type.IndexOf('(');
        var bare = paren < 0 ? type : type[..paren] + type[(type.IndexOf(')') + 1)..];
        return bare switch
        {
            "integer" => "int4",
            "smallint" => "int2",
            "bigint" => "int8",
            "boolean" => "bool",
            "real" => "float4",
            "double precision" => "float8",
            "numeric" => "numeric",
            "character varying" => "varchar",
            "character" when paren > 0 => "bpchar",
            "timestamp without time zone" => "timestamp",
            "timestamp with time zone" => "timestamptz",
            "time without time zone" => "time",
            "time with time zone" => "timetz",
            "text" or "date" or "uuid" or "json" or "jsonb" or "bytea" or "inet" or "cidr" or "macaddr" or "money" or "oid" or "xml" => bare,
            "interval" when paren < 0 => bare,
            _ => null,
        };
    }

    // A number constant's type: integer, bigint when it does not fit, numeric beyond or with a
    // point or exponent; null for the spellings only later servers read (1_000, 0x1F).
    private static string? NumberType(string text)
    {
        if (text.Any(c => !char.IsAsciiDigit(c))) return text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-') ? "numeric" : null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)) return "integer";
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? "bigint" : "numeric";
    }
}
