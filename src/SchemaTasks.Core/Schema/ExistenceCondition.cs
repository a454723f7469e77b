using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Decides a PL/pgSQL <c>IF</c> condition that asks the system catalogs whether an object
/// exists, against the catalog the migrations have built so far. Understood: <c>[NOT] EXISTS
/// (SELECT ... FROM catalogs WHERE column = 'literal' AND ...)</c> over <c>pg_type</c>,
/// <c>pg_enum</c>, <c>pg_namespace</c>, <c>pg_constraint</c> (also by <c>conrelid</c>), <c>pg_class</c>
/// (also by <c>relkind</c>: relations the engine knows only by name are in <see cref="RelationExistence"/>),
/// <c>pg_tables</c>, <c>pg_indexes</c>, <c>pg_extension</c>
/// and <c>information_schema</c>'s <c>tables</c> (also by <c>table_type</c>), <c>views</c>, <c>columns</c> (also by <c>is_nullable</c>),
/// <c>schemata</c>, <c>table_constraints</c> (also by <c>constraint_type</c>) and
/// <c>constraint_column_usage</c> (by constraint name);
/// <c>to_regtype/to_regclass/to_regnamespace('...') IS [NOT] NULL</c>;
/// <c>(SELECT count(*) FROM ...)</c> and integer variables holding such a count compared with 0;
/// and <c>AND</c>, <c>OR</c>, <c>NOT</c> and parentheses over those. Anything else is
/// undecidable (<see langword="null"/>).
/// </summary>
internal sealed partial class ExistenceCondition
{
    private static readonly HashSet<string> KnownColumns =
    [
        "typname", "nspname", "enumlabel", "conname", "relname", "relkind", "typtype", "contype",
        "table_name", "column_name", "table_schema", "schemaname", "tablename", "schema_name",
        "constraint_name", "constraint_schema", "is_nullable", "constraint_type", "table_type", "conrelid", "extname", "indexname",
    ];

    private readonly string _text;
    private readonly List<SqlToken> _tokens;
    private readonly int _end;
    private readonly Catalog _catalog;
    private readonly Func<string, PlpgsqlVariableValue?>? _variables;
    private int _pos;

    // The information_schema.columns type filters of the SELECT being read (InformationSchemaColumnTypes).
    private readonly List<ColumnTypeFilter> _typeFilters = [];

    // What made the condition undecidable, first found first: the user is told what to look at.
    private string? _unknown;

    // Whether that was a test of a form decided here whose answer the catalog does not know.
    private bool _answerUnknown;

    private ExistenceCondition(string text, List<SqlToken> tokens, SqlStatementRange range, Catalog catalog, Func<string, PlpgsqlVariableValue?>? variables)
    {
        _variables = variables;
        _text = text;
        _tokens = tokens;
        _pos = range.Start;
        _end = range.End;
        _catalog = catalog;
    }

    /// <summary>
    /// The condition's value, or <see langword="null"/> with <paramref name="unknown"/> naming
    /// the part that could not be decided (a catalog and the columns it is tested by, or the
    /// first word not understood). <paramref name="answerUnknown"/> tells that it is a test of a
    /// form decided here, whose answer earlier statements left unknown (<see cref="RelationNames"/>).
    /// </summary>
    /// <param name="text">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="range">The condition's tokens.</param>
    /// <param name="catalog">The schema the condition is asked about.</param>
    /// <param name="unknown">What could not be decided, when the value is <see langword="null"/>.</param>
    /// <param name="answerUnknown">Whether that is a catalog answer earlier statements left unknown.</param>
    /// <param name="variables">
    /// The PL/pgSQL variables in scope by folded name, <see langword="null"/> for a name that is
    /// none: a bare name is read as the variable's value, and a variable inside a query is never
    /// taken for a column.
    /// </param>
    public static bool? Evaluate(string text, List<SqlToken> tokens, SqlStatementRange range, Catalog catalog, out string? unknown, out bool answerUnknown, Func<string, PlpgsqlVariableValue?>? variables = null)
    {
        var condition = new ExistenceCondition(text, tokens, range, catalog, variables);
        return condition.Finish(condition.Or(), out unknown, out answerUnknown);
    }

    /// <summary>
    /// Whether <c>FROM ... [WHERE ...]</c> at the start of <paramref name="range"/>, read to its
    /// end, yields a row: what <c>count(*) != 0</c> over it, or <c>EXISTS (SELECT 1 FROM ...)</c>, answers.
    /// </summary>
    /// <param name="text">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="range">From the FROM token to the end of the query.</param>
    /// <param name="catalog">The schema the query is asked about.</param>
    /// <param name="unknown">What could not be decided, when the value is <see langword="null"/>.</param>
    /// <param name="answerUnknown">Whether that is a catalog answer earlier statements left unknown.</param>
    /// <param name="variables">The PL/pgSQL variables in scope, as for <see cref="Evaluate"/>.</param>
    public static bool? RowsExist(string text, List<SqlToken> tokens, SqlStatementRange range, Catalog catalog, out string? unknown, out bool answerUnknown, Func<string, PlpgsqlVariableValue?>? variables)
    {
        var condition = new ExistenceCondition(text, tokens, range, catalog, variables);
        return condition.Finish(condition.FromWhere(), out unknown, out answerUnknown);
    }

    private bool? Finish(bool? value, out string? unknown, out bool answerUnknown)
    {
        var decided = _pos == _end ? value : null;
        unknown = decided is null ? _unknown ?? "the condition" : null;
        answerUnknown = decided is null && _answerUnknown && _unknown is not null;
        return decided;
    }

    private bool AtEnd => _pos >= _end;

    private bool IsWord(string keyword, int ahead = 0)
        => _pos + ahead < _end && SqlTokenText.IsWord(_text, _tokens[_pos + ahead], keyword);

    private bool IsSymbol(string symbol, int ahead = 0)
        => _pos + ahead < _end
           && _tokens[_pos + ahead].Kind is SqlTokenKind.Symbol
           && _text.AsSpan(_tokens[_pos + ahead].Start, _tokens[_pos + ahead].Length).SequenceEqual(symbol);

    private bool TryWord(string keyword)
    {
        if (!IsWord(keyword)) return false;
        _pos++;
        return true;
    }

    private bool TrySymbol(string symbol)
    {
        if (!IsSymbol(symbol)) return false;
        _pos++;
        return true;
    }

    // Three-valued logic: false AND unknown is false, true OR unknown is true.
    private bool? Or()
    {
        var value = And();
        while (TryWord("OR"))
        {
            var right = And();
            value = value == true || right == true ? true : value is null || right is null ? null : false;
        }

        return value;
    }

    private bool? And()
    {
        var value = Not();
        while (TryWord("AND"))
        {
            var right = Not();
            value = value == false || right == false ? false : value is null || right is null ? null : true;
        }

        return value;
    }

    private bool? Not()
    {
        if (TryWord("NOT")) return !Not();
        return Primary();
    }

    // Whether the SELECT at the cursor reads FROM something before its closing parenthesis.
    private bool SelectsFrom()
    {
        var depth = 0;
        for (var i = _pos + 1; i < _end; i++)
        {
            if (_tokens[i].Kind == SqlTokenKind.Symbol && SqlTokenText.IsSymbol(_text, _tokens[i], '(')) depth++;
            else if (_tokens[i].Kind == SqlTokenKind.Symbol && SqlTokenText.IsSymbol(_text, _tokens[i], ')') && --depth < 0) return false;
            else if (depth == 0 && SqlTokenText.IsWord(_text, _tokens[i], "FROM")) return true;
        }

        return false;
    }

    private bool? Primary()
    {
        if (TryWord("TRUE")) return true;
        if (TryWord("FALSE")) return false;
        if (TryWord("EXISTS"))
        {
            if (!TrySymbol("(")) return Fail();
            var value = Select();
            return TrySymbol(")") ? value : Fail();
        }

        // (SELECT count(*) FROM ...) compared with 0: whether the query yields a row.
        if (IsSymbol("(") && IsWord("SELECT", 1) && PlpgsqlBooleanAssignment.IsCountOfRows(_text, _tokens, _pos + 2, _end) && IsWord("FROM", 6))
        {
            _pos += 6;
            var rows = FromWhere();
            return TrySymbol(")") ? ComparedWithZero(rows, "a count of rows") : Fail();
        }

        if (IsSymbol("("))
        {
            _pos++;

            // (SELECT <condition>) without FROM is the condition itself: IF (SELECT to_regclass('x') IS NOT NULL) THEN.
            var scalar = IsWord("SELECT") && !SelectsFrom();
            if (scalar) _pos++;
            var value = Or();
            return TrySymbol(")") ? value : Fail();
        }

        if (IsWord("to_regtype") || IsWord("to_regclass") || IsWord("to_regnamespace"))
        {
            var function = SqlTokenText.Raw(_text, _tokens[_pos]).ToLowerInvariant();
            _pos++;
            if (!TrySymbol("(") || AtEnd || _tokens[_pos].Kind != SqlTokenKind.String) return Fail();
            var literal = _tokens[_pos++];
            var argument = SqlTokenText.Unquote(_text, literal);
            SkipCast();
            if (!TrySymbol(")") || !TryWord("IS")) return Fail();
            var negated = TryWord("NOT");
            if (!TryWord("NULL")) return Fail();
            var found = Registered(function, argument, literal);
            return found is null ? null : found == negated; // IS NULL: not registered.
        }

        if (Variable() is { } variable)
        {
            if (variable.IsCount) return ComparedWithZero(variable.Value, $"variable {variable.Name}, an integer", variable.WhyUnknown);
            if (variable.Value is null) _unknown ??= $"variable {variable.Name}, which {variable.WhyUnknown}";
            return variable.Value;
        }

        return Fail();
    }

    // A count (whether it is not zero: rowsExist) compared with 0 or 1 in a way that asks only whether there are rows.
    // A variable's value is unknown for whyUnknown.
    private bool? ComparedWithZero(bool? rowsExist, string what, string? whyUnknown = null)
    {
        var asked = _pos + 1 < _end && _tokens[_pos].Kind == SqlTokenKind.Symbol && _tokens[_pos + 1].Kind == SqlTokenKind.Number
            ? PlpgsqlBooleanAssignment.RowsAsked(SqlTokenText.Raw(_text, _tokens[_pos]), SqlTokenText.Raw(_text, _tokens[_pos + 1]))
            : null;
        if (asked is null)
        {
            _unknown ??= $"{what} other than compared with 0 (= 0, <> 0, != 0, > 0, >= 1, < 1, <= 0)";
            return Fail();
        }

        _pos += 2;
        if (rowsExist is { } rows) return rows == asked;
        if (whyUnknown is not null) _unknown ??= $"{what}, which {whyUnknown}";
        return null;
    }

    private bool? Fail()
    {
        if (_pos < _end) _unknown ??= $"'{SqlTokenText.Raw(_text, _tokens[_pos])}' there";
        _pos = _end + 1; // Never equal to the end: the whole condition is undecidable.
        return null;
    }

    private void SkipCast()
    {
        while (IsSymbol("::") && _pos + 1 < _end)
        {
            _pos += 2;
        }
    }

    // to_regtype('name') reads a type name as SQL does; to_regclass and to_regnamespace read a dotted
    // name list (PostgresNameList), whose syntax errors the server raises rather than answering NULL.
    private bool? Registered(string function, string argument, SqlToken literal)
    {
        if (function != "to_regtype")
        {
            var parts = PostgresNameList.Read(argument) ?? throw NameRefused.InvalidSyntax(function, argument, literal);
            if (function == "to_regnamespace")
            {
                return parts.Count == 1 ? _catalog.Schemas.Contains(parts[0]) : throw NameRefused.InvalidSyntax(function, argument, literal);
            }

            if (parts.Count > 3) throw NameRefused.TooManyDots(function, argument, literal);
            var rules = IdentifierRules.For(_catalog.Dialect);
            var (schema, relation) = parts.Count == 1 ? (rules.DefaultSchema, parts[0]) : (parts[^2], parts[^1]); // A database part is the connection's own.
            return RelationExistence.InPgClass(_catalog, schema, relation, relkind: null);
        }

        var (tokens, lex) = SqlLexer.Lex(argument, _catalog.Dialect);
        if (lex.Count > 0 || tokens.Count == 0) return null;
        var cursor = new TokenCursor(argument, tokens, new SqlStatementRange(0, tokens.Count), IdentifierRules.For(_catalog.Dialect));
        try
        {
            var name = cursor.QualifiedName();
            if (!cursor.AtEnd) return null; // Type modifiers, array brackets: not modelled.
            return TypeExists(name.Schema, name.Name, kind: null);
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    // A bare PL/pgSQL variable at the cursor, read as its value.
    private PlpgsqlVariableValue? Variable()
    {
        if (_variables is null || AtEnd || IsSymbol("(", 1) || IsSymbol(".", 1)) return null;
        var token = _tokens[_pos];
        var name = token.Kind switch
        {
            SqlTokenKind.Word => SqlTokenText.Raw(_text, token).ToLowerInvariant(),
            SqlTokenKind.QuotedIdentifier => SqlTokenText.Unquote(_text, token),
            _ => null,
        };
        if (name is null || _variables(name) is not { } variable) return null;
        _pos++;
        return variable;
    }

    // ---------- SELECT ... FROM ... WHERE ... ----------

    private bool? Select()
    {
        if (!TryWord("SELECT")) return Fail();
        var depth = 0;
        while (!AtEnd && !(depth == 0 && IsWord("FROM")))
        {
            if (IsSymbol("(")) depth++;
            else if (IsSymbol(")")) depth--;
            if (depth < 0) return Fail();
            _pos++;
        }

        return FromWhere();
    }

    private bool? FromWhere()
    {
        if (!TryWord("FROM")) return Fail();
        _typeFilters.Clear();
        var relations = new HashSet<string>(StringComparer.Ordinal);
        var equalities = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!FromItem(relations)) return Fail();
        while (true)
        {
            if (TrySymbol(","))
            {
                if (!FromItem(relations)) return Fail();
                continue;
            }

            var inner = TryWord("INNER");
            if (TryWord("JOIN"))
            {
                if (!FromItem(relations) || !TryWord("ON") || !Conjunction(equalities)) return Fail();
                continue;
            }

            if (inner) return Fail();
            break;
        }

        if (TryWord("WHERE") && !Conjunction(equalities)) return Fail();
        if (TryWord("LIMIT") && !AtEnd && _tokens[_pos].Kind == SqlTokenKind.Number) _pos++;
        if (!IsSymbol(")") && !AtEnd) return Fail();
        _understood = false;
        var decided = _typeFilters.Count == 0 ? Decide(relations, equalities) : DecideColumnTypes(relations, equalities);
        if (decided is null)
        {
            var keys = equalities.Keys.Concat(_typeFilters.Select(f => f.Column)).Distinct();
            var tested = equalities.Count + _typeFilters.Count == 0 ? "no filter" : string.Join(", ", keys.OrderBy(k => k, StringComparer.Ordinal));
            var described = $"a test on {string.Join(" with ", relations.OrderBy(r => r, StringComparer.Ordinal))} by {tested}";
            if (_unknown is null && _understood)
            {
                _answerUnknown = true;
                described += $" ({string.Join(", ", equalities.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} = '{e.Value}'"))})";
            }

            _unknown ??= described;
        }

        return decided;
    }

    private bool FromItem(HashSet<string> relations)
    {
        if (AtEnd || _tokens[_pos].Kind != SqlTokenKind.Word) return false;
        var first = SqlTokenText.Raw(_text, _tokens[_pos++]).ToLowerInvariant();
        var name = first;
        if (TrySymbol("."))
        {
            if (AtEnd || _tokens[_pos].Kind != SqlTokenKind.Word) return false;
            name = SqlTokenText.Raw(_text, _tokens[_pos++]).ToLowerInvariant();
            if (first is not ("pg_catalog" or "information_schema")) return false;
            name = first == "information_schema" ? "information_schema." + name : name;
        }
        else if (name is "tables" or "columns" or "schemata" or "table_constraints" or "constraint_column_usage")
        {
            return false; // Without the schema these are user tables of the same name.
        }

        relations.Add(name);
        TryWord("AS");
        if (!AtEnd && _tokens[_pos].Kind == SqlTokenKind.Word && !IsWord("WHERE") && !IsWord("JOIN") && !IsWord("INNER")
            && !IsWord("ON") && !IsWord("LIMIT") && !IsWord("LEFT") && !IsWord("RIGHT") && !IsWord("FULL") && !IsWord("CROSS"))
        {
            _pos++; // alias
        }

        return true;
    }

    /// <summary><c>a = b AND ...</c> where each side is a column or a literal; column = column pairs are joins and say nothing.</summary>
    private bool Conjunction(Dictionary<string, string> equalities)
    {
        do
        {
            var negated = TryWord("NOT");
            var parenthesised = TrySymbol("(");
            if (!Operand(out var leftColumn, out var leftValue, out var leftNumber)) return false;
            var unequal = TrySymbol("!=") || TrySymbol("<>");
            if ((!unequal && !TrySymbol("=")) || !Operand(out var rightColumn, out var rightValue, out var rightNumber)) return false;
            if (parenthesised && !TrySymbol(")")) return false;
            var column = leftColumn ?? rightColumn;
            var value = leftValue ?? rightValue;
            if (column is not null && ColumnTypeFilter.Columns.Contains(column) && value is not null)
            {
                _typeFilters.Add(new ColumnTypeFilter(column, value, Equal: negated == unequal));
                continue;
            }

            // Inequalities and numbers are read only for the type columns above.
            if (negated || unequal || leftNumber || rightNumber)
            {
                _unknown ??= column is null ? null : $"the filter on {column}";
                return false;
            }

            if (leftColumn is not null && rightColumn is not null) continue; // A join.
            if (column is null || value is null || !KnownColumns.Contains(column))
            {
                _unknown ??= column is null ? null : $"the filter on {column}";
                return false;
            }

            if (equalities.TryGetValue(column, out var existing) && existing != value) equalities[column] = "\0contradiction";
            else equalities[column] = value;
        }
        while (TryWord("AND"));

        return true;
    }

    private bool Operand(out string? column, out string? value, out bool number)
    {
        column = null;
        value = null;
        if (AtEnd)
        {
            number = false;
            return false;
        }

        var token = _tokens[_pos];
        number = token.Kind == SqlTokenKind.Number;
        if (number)
        {
            value = SqlTokenText.Raw(_text, token);
            _pos++;
            return true;
        }

        if (token.Kind == SqlTokenKind.String)
        {
            value = SqlTokenText.Unquote(_text, token);
            _pos++;
            SkipCast();
            return true;
        }

        if (IsWord("current_schema"))
        {
            _pos++;
            if (TrySymbol("(") && !TrySymbol(")")) return false;
            value = _catalog.DefaultSchema;
            return true;
        }

        // conrelid = to_regclass('t') names the table as 't'::regclass does.
        if (IsWord("to_regclass") && IsSymbol("(", 1) && _pos + 2 < _end && _tokens[_pos + 2].Kind == SqlTokenKind.String && IsSymbol(")", 3))
        {
            value = SqlTokenText.Unquote(_text, _tokens[_pos + 2]);
            _pos += 4;
            SkipCast();
            return true;
        }

        if (token.Kind != SqlTokenKind.Word) return false;
        column = SqlTokenText.Raw(_text, token).ToLowerInvariant();

        // In PL/pgSQL a variable of this name is not a column (or is an ambiguity error): not read here.
        if (!IsSymbol(".", 1) && _variables?.Invoke(column) is not null)
        {
            _unknown ??= $"the variable {column} in a query";
            return false;
        }

        _pos++;
        if (TrySymbol("."))
        {
            if (AtEnd || _tokens[_pos].Kind != SqlTokenKind.Word) return false;
            column = SqlTokenText.Raw(_text, _tokens[_pos++]).ToLowerInvariant();
        }

        SkipCast();

        // typnamespace = 'app'::regnamespace names the schema as nspname does.
        if (column is "typnamespace" or "relnamespace" or "connamespace") column = "nspname";
        return true;
    }

    // ---------- deciding against the catalog ----------

    // Set by Decide when the test is of a form it decides, so that an unknown answer comes from the catalog.
    private bool _understood;

    private bool? Known(bool? answer)
    {
        _understood = true;
        return answer;
    }

    private bool? Decide(HashSet<string> relations, Dictionary<string, string> eq)
    {
        if (eq.ContainsValue("\0contradiction")) return false;
        string? Get(string column) => eq.TryGetValue(column, out var v) ? v : null;
        bool Only(params string[] allowed) => relations.All(allowed.Contains) && eq.Keys.All(k => Columns(allowed).Contains(k));

        if (relations.Contains("pg_enum") && Only("pg_enum", "pg_type", "pg_namespace"))
        {
            var typeName = Get("typname");
            if (typeName is null || Get("typtype") is not (null or "e")) return null;
            var label = Get("enumlabel");
            return _catalog.EnumTypes.Values.Any(e => e.Name.Name == typeName && SchemaMatches(e.Name.Schema, Get("nspname"))
                                                      && (label is null ? e.LabelCount > 0 : e.HasLabel(label)));
        }

        if (relations.Contains("pg_type") && Only("pg_type", "pg_namespace"))
        {
            var typeName = Get("typname");
            return typeName is null ? null : Known(TypeExists(Get("nspname"), typeName, Get("typtype")));
        }

        if (relations.Contains("pg_constraint") && Only("pg_constraint", "pg_class", "pg_namespace"))
        {
            var name = Get("conname");
            if (name is null) return null;
            if (Get("conrelid") is not { } relation) return ConstraintExists(name, Get("relname"), Get("nspname"), Get("contype"));
            if (Get("relname") is not null || Get("nspname") is not null) return null;
            return ConstraintOn(name, relation, Get("contype"));
        }

        if (relations.Contains("pg_class") && Only("pg_class", "pg_namespace"))
        {
            var name = Get("relname");
            return name is null ? null : Known(RelationExistence.InPgClass(_catalog, Get("nspname"), name, Get("relkind")));
        }

        if (relations.SetEquals(["pg_extension"]) && Only("pg_extension"))
        {
            // The engine's database has the extensions the migrations create, and plpgsql, which every database has.
            var name = Get("extname");
            return name is null ? null : name == "plpgsql" || _catalog.Extensions.ContainsKey(name);
        }

        if (relations.SetEquals(["pg_tables"]) && Only("pg_tables"))
        {
            var name = Get("tablename");
            return name is null ? null : _catalog.Tables.Keys.Any(t => t.Name == name && SchemaMatches(t.Schema, Get("schemaname")));
        }

        if (relations.SetEquals(["pg_indexes"]) && Only("pg_indexes"))
        {
            var name = Get("indexname");
            return name is null ? null : Known(RelationExistence.IndexOn(_catalog, Get("schemaname"), name, Get("tablename")));
        }

        if (relations.SetEquals(["pg_namespace"]) && Only("pg_namespace"))
        {
            var name = Get("nspname");
            return name is null ? null : SchemaExists(name);
        }

        if (relations.SetEquals(["information_schema.schemata"]) && Only("information_schema.schemata"))
        {
            var name = Get("schema_name");
            return name is null ? null : SchemaExists(name);
        }

        if (relations.SetEquals(["information_schema.tables"]) && Only("information_schema.tables"))
        {
            var name = Get("table_name");
            return name is null ? null : Known(RelationExistence.InInformationSchemaTables(_catalog, Get("table_schema"), name, Get("table_type")));
        }

        // Views only: not materialized views, which information_schema does not list (PostgreSQL 15).
        if (relations.SetEquals(["information_schema.views"]) && Only("information_schema.views"))
        {
            var name = Get("table_name");
            return name is null ? null : Known(RelationExistence.InInformationSchemaTables(_catalog, Get("table_schema"), name, "VIEW"));
        }

        if (relations.SetEquals(["information_schema.columns"]) && Only("information_schema.columns"))
        {
            var (table, column, nullable) = (Get("table_name"), Get("column_name"), Get("is_nullable"));
            if (table is null || nullable is not (null or "YES" or "NO")) return null;
            var onTable = _catalog.Tables.Values.Any(t => t.Name.Name == table && SchemaMatches(t.Name.Schema, Get("table_schema"))
                                                   && (column is null || t.Columns.Any(c => c.Name == column && (nullable is null || c.IsNullable == (nullable == "YES")))));
            return onTable ? true : RelationExistence.MayBeView(_catalog, Get("table_schema"), table) ? null : false; // A view's columns are not known.
        }

        if (relations.SetEquals(["information_schema.table_constraints"]) && Only("information_schema.table_constraints"))
        {
            return TableConstraintExists(Get("constraint_name"), Get("table_name"), Get("table_schema") ?? Get("constraint_schema"), Get("constraint_type"));
        }

        if (relations.SetEquals(["information_schema.constraint_column_usage"]) && Only("information_schema.constraint_column_usage"))
        {
            var name = Get("constraint_name");
            return name is null ? null : ConstraintUsesColumns(name, Get("table_name"), Get("table_schema") ?? Get("constraint_schema"));
        }

        return null;
    }

    /// <summary>
    /// A row of information_schema.table_constraints. By type, a primary key, unique or foreign key
    /// constraint is known by its kind only when migrations created it; and every NOT NULL column
    /// also has a row of type CHECK there, so CHECK without a name is not decided.
    /// </summary>
    private bool? TableConstraintExists(string? name, string? table, string? schema, string? type)
    {
        if (name is null && type is null) return null;
        ConstraintKind? kind = type switch
        {
            null => null,
            "PRIMARY KEY" => ConstraintKind.PrimaryKey,
            "UNIQUE" => ConstraintKind.Unique,
            "FOREIGN KEY" => ConstraintKind.ForeignKey,
            "CHECK" when name is not null => ConstraintKind.Check,
            _ => ConstraintKind.Other,
        };
        if (kind == ConstraintKind.Other) return null;
        var unknown = false;
        var found = false;
        foreach (var t in _catalog.Tables.Values)
        {
            if (!SchemaMatches(t.Name.Schema, schema) || (table is not null && t.Name.Name != table)) continue;
            if ((kind is null or ConstraintKind.Check) && t.Checks.Any(c => name is null || c.Name == name)) found = true;
            if (kind == ConstraintKind.Check) continue;
            foreach (var other in t.OtherConstraints)
            {
                if (name is not null && other != name) continue;
                if (kind is null) found = true;
                else if (!t.Keys.TryGetValue(other, out var key)) unknown = true;
                else if (key.Kind == kind) found = true;
            }
        }

        return found ? true : unknown ? null : false;
    }

    /// <summary>
    /// Whether information_schema.constraint_column_usage has a row for the named constraint on
    /// that table. A foreign key's rows name the table it references, which the catalog does
    /// not keep, and a CHECK has rows only for the columns its expression mentions: either makes
    /// the answer unknown, unless no constraint of that name exists at all.
    /// </summary>
    private bool? ConstraintUsesColumns(string name, string? table, string? schema)
    {
        var unknown = false;
        var found = false;
        foreach (var t in _catalog.Tables.Values)
        {
            if (!SchemaMatches(t.Name.Schema, schema)) continue;
            if (t.Checks.Any(c => c.Name == name)) unknown = true;
            if (!t.OtherConstraints.Contains(name)) continue;
            if (t.Keys.TryGetValue(name, out var key) && key.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique)
            {
                found |= table is null || t.Name.Name == table;
            }
            else
            {
                unknown = true;
            }
        }

        return found ? true : unknown ? null : false;
    }

    private static string[] Columns(string[] relations) => relations.SelectMany(r => r switch
    {
        "pg_enum" => new[] { "enumlabel" },
        "pg_type" => ["typname", "typtype"],
        "pg_namespace" => ["nspname"],
        "pg_constraint" => ["conname", "contype", "conrelid"],
        "pg_extension" => ["extname"],
        "pg_class" => ["relname", "relkind"],
        "pg_tables" => ["tablename", "schemaname"],
        "pg_indexes" => ["indexname", "tablename", "schemaname"],
        "information_schema.schemata" => ["schema_name"],
        "information_schema.tables" => ["table_name", "table_schema", "table_type"],
        "information_schema.views" => ["table_name", "table_schema"],
        "information_schema.columns" => ["table_name", "table_schema", "column_name", "is_nullable"],
        "information_schema.table_constraints" => ["constraint_name", "constraint_schema", "table_name", "table_schema", "constraint_type"],
        "information_schema.constraint_column_usage" => ["constraint_name", "constraint_schema", "table_name", "table_schema"],
        _ => [],
    }).ToArray();

    private static bool SchemaMatches(string schema, string? wanted) => wanted is null || schema == wanted;

    private bool SchemaExists(string name)
        => _catalog.Schemas.Contains(name) || name is "pg_catalog" or "information_schema" or "pg_toast";

    /// <summary>
    /// Whether pg_type has a row of that name: enum types, domains, other types and every
    /// table's row type, and the array type <c>_name</c> of each. Built-in types live in
    /// pg_catalog and are not known here, so a test that could match one is undecidable.
    /// </summary>
    private bool? TypeExists(string? schema, string name, string? kind)
    {
        if (schema is "pg_catalog" or "information_schema") return null;
        var element = name.StartsWith('_') ? name[1..] : null;
        bool Named(QualifiedName q) => SchemaMatches(q.Schema, schema) && (q.Name == name || q.Name == element);
        var found = kind switch
        {
            "e" => _catalog.EnumTypes.Keys.Any(Named),
            "d" => _catalog.Domains.Keys.Any(Named),
            null => _catalog.EnumTypes.Keys.Any(Named) || _catalog.Domains.Keys.Any(Named) || _catalog.OtherTypes.Any(Named) || _catalog.Tables.Keys.Any(Named),
            _ => (bool?)null,
        };
        if (found is null) return null;
        if (found == false && kind is null)
        {
            // A view's, materialized view's or foreign table's row type, and its array.
            var rowType = RelationExistence.HasRowType(_catalog, schema, name);
            if (rowType == false && element is not null) rowType = RelationExistence.HasRowType(_catalog, schema, element);
            if (rowType != false) return rowType;
        }

        if (found == true || schema is not null) return found;
        return BuiltInTypeNames.Contains(name) ? null : false;
    }

    private static readonly HashSet<string> BuiltInTypeNames =
    [
        "bool", "int2", "int4", "int8", "text", "varchar", "bpchar", "numeric", "float4", "float8", "date", "time", "timetz",
        "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "bytea", "name", "oid", "char", "xml", "money", "inet", "cidr",
    ];

    /// <summary>
    /// pg_constraint by conname and conrelid = 'table'::regclass: the table is read as the server
    /// reads a regclass literal. A relation the engine does not know makes the cast fail on the
    /// server, so that is not decided; any other relation (a view, a sequence) has no constraints.
    /// </summary>
    private bool? ConstraintOn(string name, string relation, string? type)
    {
        // A string the server refuses as a name fails the cast; digits are an OID: neither is decided here.
        if (PostgresNameList.Read(relation) is not { Count: <= 3 } parts || (parts is [var only] && only.Length > 0 && only.All(c => c is >= '0' and <= '9'))) return null;
        var table = parts.Count == 1
            ? new QualifiedName(IdentifierRules.For(_catalog.Dialect).DefaultSchema, parts[0])
            : new QualifiedName(parts[^2], parts[^1]);
        if (!_catalog.Tables.ContainsKey(table)) return RelationExistence.InPgClass(_catalog, table.Schema, table.Name, relkind: null) == true ? false : null;
        return ConstraintExists(name, table.Name, table.Schema, type);
    }

    private bool? ConstraintExists(string name, string? table, string? schema, string? type)
    {
        if (type is not (null or "c" or "p" or "u" or "f")) return null;
        var checks = type is null or "c";
        var others = type is null or "p" or "u" or "f";
        var onTables = _catalog.Tables.Values.Any(t => SchemaMatches(t.Name.Schema, schema) && (table is null || t.Name.Name == table)
                                                       && ((checks && t.Checks.Any(c => c.Name == name)) || (others && t.OtherConstraints.Contains(name))));
        var onDomains = table is null && checks && _catalog.Domains.Values.Any(d => SchemaMatches(d.Name.Schema, schema) && d.Checks.Any(c => c.Name == name));
        return onTables || onDomains;
    }
}
