using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Where a statement reads an uncommitted enum label as a value of its type.</summary>
/// <param name="Label">The label and the statement that added it.</param>
/// <param name="At">The literal that reads it, or the statement when the literal cannot be told.</param>
/// <param name="Undecided">
/// Why the server may or may not read the literal as a value of the type (an argument of a
/// function whose overloads differ there); <see langword="null"/> when it does.
/// </param>
internal readonly record struct UncommittedLabelUse(UncommittedLabel Label, SqlToken At, string? Undecided = null);

/// <summary>
/// Finds the first place a PostgreSQL statement turns a string constant into a value of an enum
/// type whose label is not committed (<see cref="UncommittedEnumLabels"/>), as the server's parser
/// does when it reads the statement: a column's or domain's new default, a cast
/// (<c>'c'::status</c>, <c>CAST('c' AS status)</c>), a comparison or assignment with a column of
/// the type (<c>s = 'c'</c>, <c>s IN ('b', 'c')</c>, <c>SET s = 'c'</c>; in CHECKs, index
/// predicates, views, UPDATE and DELETE alike), a typed literal (<c>status 'c'</c>), an element
/// of <c>ARRAY['c']::status[]</c> or of an array literal <c>'{c}'</c> given an array column or
/// <c>s = ANY(...)</c>, an element of a row compared with or assigned to a row of columns
/// (<c>(s, n) = ('c', 1)</c>), a value of INSERT ... VALUES or INSERT ... SELECT (in a CTE or in
/// parentheses too), an
/// argument of a function or procedure the migrations created with a parameter of the type, and
/// any of these in the body of a <c>LANGUAGE sql</c> function, which CREATE FUNCTION parses.
/// Constants are read from the tokens, so a comment or another type's label of the same spelling is not a use.
/// </summary>
internal static partial class UncommittedLabelUses
{
    /// <summary>The first use in the statement, or <see langword="null"/>.</summary>
    /// <param name="before">The catalog before the statement.</param>
    /// <param name="after">The catalog after it (the same for a statement the engine does not apply).</param>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="labels">The labels not committed yet.</param>
    /// <param name="rules">The naming rules.</param>
    /// <param name="routines">The functions and procedures the migrations created, whose parameters type a call's arguments.</param>
    /// <param name="readsFunctionBodies">Whether CREATE FUNCTION parses a <c>LANGUAGE sql</c> body (check_function_bodies is not turned off); asked only of a body that may hold a label. Without it, bodies are read.</param>
    public static UncommittedLabelUse? Find(Catalog before, Catalog after, string sql, List<SqlToken> tokens, ISoughtLabels labels, IdentifierRules rules, RoutineOverloads? routines = null, Func<bool>? readsFunctionBodies = null)
    {
        if (tokens.Count == 0 || !LabelConstants.MayHold(sql, tokens, labels, out var body)) return null;
        var scan = new Scan(before, after, sql, tokens, labels, rules, routines);
        var fromConstants = scan.FirstConstantUse();
        var fromDefaults = scan.FirstNewDefault();
        var found = fromDefaults is not { } byDefault ? fromConstants
            : fromConstants is { } byConstant && byConstant.At.Start <= byDefault.At.Start ? byConstant : byDefault;
        return found ?? (body is { } literal && (readsFunctionBodies?.Invoke() ?? true) ? InFunctionBody(after, sql, literal, labels, rules, routines) : null);
    }

    // A LANGUAGE sql body is parsed when the function is created, its constants coerced as in any
    // statement; it is read as the statements it holds, against the catalog as it now is.
    private static UncommittedLabelUse? InFunctionBody(Catalog catalog, string sql, SqlToken literal, ISoughtLabels labels, IdentifierRules rules, RoutineOverloads? routines)
    {
        var body = EmbeddedSql.FromLiteral(sql, literal, []);
        return Find(catalog, catalog, body.Text, body.Tokens, labels, rules, routines, static () => false);
    }

    private sealed partial class Scan(Catalog before, Catalog after, string sql, List<SqlToken> tokens, ISoughtLabels labels, IdentifierRules rules, RoutineOverloads? routines)
    {
        private List<CatalogTable>? _tables;

        public UncommittedLabelUse? FirstConstantUse()
        {
            var inserted = InsertedColumns();
            var (depth, listDepth, listColumn) = (0, -1, -1); // The end of the column name of the `IN (...)` list being read.
            for (var i = 0; i < tokens.Count; i++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[i], '('))
                {
                    depth++;
                    if (i >= 2 && SqlTokenText.IsWord(sql, tokens[i - 1], "IN"))
                    {
                        var end = SqlTokenText.IsWord(sql, tokens[i - 2], "NOT") ? i - 3 : i - 2;
                        (listDepth, listColumn) = (depth, end >= 0 && SqlTokenText.IsName(tokens[end]) && ColumnStandsAlone(end) ? end : -1);
                    }

                    continue;
                }

                if (SqlTokenText.IsSymbol(sql, tokens[i], ')'))
                {
                    if (depth-- == listDepth) (listDepth, listColumn) = (-1, -1);
                    continue;
                }

                if (tokens[i].Kind != SqlTokenKind.String || FollowsAsOrIs(i)) continue;
                if ((listColumn < 0 || depth != listDepth) && IsPlainListItem(i))
                {
                    if (inserted is not null && inserted.TryGetValue(i, out var target) && InsertedUse(i, target) is { } insertedUse) return insertedUse;
                    if ((CommonTypeArgumentAt(i, null) ?? SetOperationItemAt(i, null) ?? RowElementAt(i, null)) is { } itemLabel) return new UncommittedLabelUse(itemLabel, tokens[i]);
                    continue;
                }

                var value = SqlTokenText.Unquote(sql, tokens[i]);
                if (!labels.HasSpelling(value) || (labels.NeedsSingleTable && value.StartsWith('{')))
                {
                    if (value.StartsWith('{') && InArrayLiteral(i, value, inserted) is { } element) return new UncommittedLabelUse(element, tokens[i]);
                    continue;
                }

                var use = CastAt(i, value)
                    ?? TypedLiteralAt(i, value)
                    ?? ArrayConstructorCastAt(i, value)
                    ?? ComparedAt(i, value)
                    ?? BetweenAt(i, value)
                    ?? DistinctFromAt(i, value)
                    ?? CaseOperandAt(i, value)
                    ?? CaseResultAt(i, value)
                    ?? CommonTypeArgumentAt(i, value)
                    ?? SetOperationItemAt(i, value)
                    ?? RowElementAt(i, value)
                    ?? (listColumn >= 0 && depth == listDepth && ConstantStandsAlone(i) ? OfColumnAt(listColumn, value) : null)
                    ?? (inserted is not null && inserted.TryGetValue(i, out var column) ? OfColumn(column, value) : null);
                if (use is { } label) return new UncommittedLabelUse(label, tokens[i]);
                if (ArgumentAt(i, value) is { } argument) return argument;
            }

            return null;
        }

        // A constant right after AS is a routine's body (or its object file), and one after IS a
        // comment's text: never a value the statement reads. Passed over before it is unquoted, as
        // a body may be long.
        private bool FollowsAsOrIs(int i)
            => i > 0 && (SqlTokenText.IsWord(sql, tokens[i - 1], "AS") || SqlTokenText.IsWord(sql, tokens[i - 1], "IS"));

        /// <summary>A default the statement gave a column or domain whose type has an uncommitted label.</summary>
        public UncommittedLabelUse? FirstNewDefault()
        {
            if (ReferenceEquals(before, after)) return null;

            // A statement changes only tables it names, so only those are compared.
            foreach (var table in NamedTables())
            {
                var old = before.FindTable(table.Name);
                if (ReferenceEquals(old, table)) continue;
                foreach (var column in table.Columns)
                {
                    if (column.Default is not { } stored || old?.FindColumn(column.Name, rules.Dialect)?.Default == stored) continue;
                    var arrayType = column.Type.EndsWith("[]", StringComparison.Ordinal) ? column.Type : null;
                    if (column.IsArray && arrayType is null) continue; // An array the engine spells otherwise: not read.
                    if (InDefault(column.TypeReference, arrayType, stored) is { } use) return use;
                }
            }

            if (ReferenceEquals(before.Domains, after.Domains)) return null;
            foreach (var domain in after.Domains.Values)
            {
                if (domain.Default is not { } stored || before.FindDomain(domain.Name)?.Default == stored) continue;
                var arrayType = domain.BaseType.EndsWith("[]", StringComparison.Ordinal) ? domain.BaseType : null;
                if (InDefault(domain.BaseTypeReference, arrayType, stored) is { } use) return use;
            }

            return null;
        }

        private UncommittedLabelUse? InDefault(QualifiedName? typeReference, string? arrayType, string stored)
        {
            if (EnumOf(typeReference) is not { } type) return null;
            IReadOnlyList<string>? values = arrayType is not null
                ? EnumArrayDefaults.Labels(stored, arrayType.Substring(0, arrayType.Length - 2))
                : StoredLiterals.PlainString(stored, rules) is { } label ? [label] : null;
            foreach (var value in values ?? [])
            {
                if (labels.Find(type, value) is { } added) return new UncommittedLabelUse(added, LiteralOf(value));
            }

            return null;
        }

        // 'c'::type, or CAST('c' AS type).
        private UncommittedLabel? CastAt(int i, string value)
        {
            if (i + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], "::")) return OfType(TypeNameAt(i + 2), value);
            return i >= 2 && i + 2 < tokens.Count
                && SqlTokenText.IsWord(sql, tokens[i - 2], "CAST") && SqlTokenText.IsSymbol(sql, tokens[i - 1], '(') && SqlTokenText.IsWord(sql, tokens[i + 1], "AS")
                ? OfType(TypeNameAt(i + 2), value)
                : null;
        }

        // column = 'c', 'c' = column, SET column = 'c'.
        private UncommittedLabel? ComparedAt(int i, string value)
        {
            if (i >= 2 && IsComparison(tokens[i - 1]) && SqlTokenText.IsName(tokens[i - 2]) && ColumnStandsAlone(i - 2) && ConstantStandsAlone(i) && OfColumnAt(i - 2, value) is { } byLeft) return byLeft;
            return i + 2 < tokens.Count && IsComparison(tokens[i + 1]) && SqlTokenText.IsName(tokens[i + 2]) && ConstantStandsAlone(i) && ColumnStandsAlone(NameEnd(i + 2)) ? OfColumnAt(NameEnd(i + 2), value) : null;
        }

        // Read in place: a substring for each token asked about would be a string per constant.
        private bool IsComparison(SqlToken token)
        {
            if (token.Kind != SqlTokenKind.Symbol || token.Length is < 1 or > 2) return false;
            var first = sql[token.Start];
            if (token.Length == 1) return first is '=' or '<' or '>';
            var second = sql[token.Start + 1];
            return (first, second) is ('<', '>') or ('!', '=') or ('<', '=') or ('>', '=');
        }

        // The column of a possibly qualified name whose last part is at index end (t.s, s).
        private string? ColumnEndingAt(int end) => SqlTokenText.IsName(tokens[end]) ? rules.Name(sql, tokens[end]) : null;

        private QualifiedName? TypeNameAt(int start)
        {
            if (start >= tokens.Count || !SqlTokenText.IsName(tokens[start])) return null;
            var first = rules.Name(sql, tokens[start]);
            return start + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[start + 1], '.') && SqlTokenText.IsName(tokens[start + 2])
                ? new QualifiedName(first, rules.Name(sql, tokens[start + 2]))
                : ResolveUnqualified(first);
        }

        // An unqualified type name: in the default schema, else the one enum type or domain of that name.
        private QualifiedName ResolveUnqualified(string name)
        {
            var inDefault = new QualifiedName(rules.DefaultSchema, name);
            if (after.EnumTypes.ContainsKey(inDefault) || after.Domains.ContainsKey(inDefault)) return inDefault;

            // Only a type with an uncommitted label, or a domain over one, can make a use: the
            // search of every type and domain by name (any word before a constant, DEFAULT 'a',
            // is asked about) is left for when one of those may be the one.
            if (!labels.SearchesOtherSchemas || (!labels.HasTypeNamed(name) && !HasDomainNamed(name))) return inDefault;
            var elsewhere = after.EnumTypes.Keys.Concat(after.Domains.Keys).Where(n => n.Name == name).Take(2).ToList();
            return elsewhere.Count == 1 ? elsewhere[0] : inDefault;
        }

        private bool HasDomainNamed(string name)
        {
            if (after.Domains.IsEmpty) return false;
            foreach (var domain in after.Domains.Keys)
            {
                if (domain.Name == name) return true;
            }

            return false;
        }

        private UncommittedLabel? OfType(QualifiedName? type, string value) => EnumOf(type) is { } named ? labels.Find(named, value) : null;

        private UncommittedLabel? OfColumn(CatalogColumn column, string value) => column.IsArray ? null : OfType(column.TypeReference, value);

        // The column of the name ending at end (see ColumnAt), when its type is an enum type that
        // makes the constant a use.
        private UncommittedLabel? OfColumnAt(int end, string value)
        {
            if (ColumnEndingAt(end) is not { } name) return null;
            return ColumnAt(end, name) is { } column ? OfColumn(column, value) : DomainValue(name, value);
        }

        private List<CatalogTable> NamedTables()
        {
            if (_tables is not null) return _tables;
            _tables = new List<CatalogTable>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!SqlTokenText.IsName(tokens[i])) continue;
                var first = rules.Name(sql, tokens[i]);
                var name = i + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') && SqlTokenText.IsName(tokens[i + 2])
                    ? new QualifiedName(first, rules.Name(sql, tokens[i + 2]))
                    : new QualifiedName(rules.DefaultSchema, first);
                if ((after.FindTable(name) ?? before.FindTable(name)) is { } table && !_tables.Contains(table)) _tables.Add(table);
            }

            return _tables;
        }

        // The enum type a type or domain comes to, through domains.
        private QualifiedName? EnumOf(QualifiedName? type)
        {
            for (var depth = 0; depth < 16 && type is { } name; depth++)
            {
                if (after.EnumTypes.ContainsKey(name)) return name;
                type = after.FindDomain(name)?.BaseTypeReference;
            }

            return null;
        }

        // The constant of the statement that holds the label, for the position of a default.
        private SqlToken LiteralOf(string value)
        {
            foreach (var token in tokens)
            {
                if (token.Kind == SqlTokenKind.String && SqlTokenText.Unquote(sql, token).Contains(value, StringComparison.Ordinal)) return token;
            }

            return tokens[0];
        }
    }
}
