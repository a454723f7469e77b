using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Where a statement reads an uncommitted enum label as a value of its type.</summary>
/// <param name="Label">The label and the statement that added it.</param>
/// <param name="At">The literal that reads it, or the statement when the literal cannot be told.</param>
internal readonly record struct UncommittedLabelUse(UncommittedLabel Label, SqlToken At);

/// <summary>
/// Finds the first place a PostgreSQL statement turns a string constant into a value of an enum
/// type whose label is not committed (<see cref="UncommittedEnumLabels"/>), as the server's parser
/// does when it reads the statement: a column's or domain's new default, a cast
/// (<c>'c'::status</c>, <c>CAST('c' AS status)</c>), a comparison or assignment with a column of
/// the type (<c>s = 'c'</c>, <c>s IN ('b', 'c')</c>, <c>SET s = 'c'</c>; in CHECKs, index
/// predicates, views, UPDATE and DELETE alike), and a value of INSERT ... VALUES. Constants
/// are read from the tokens, so a comment or another type's label of the same spelling is not a use.
/// </summary>
internal static class UncommittedLabelUses
{
    /// <summary>The first use in the statement, or <see langword="null"/>.</summary>
    /// <param name="before">The catalog before the statement.</param>
    /// <param name="after">The catalog after it (the same for a statement the engine does not apply).</param>
    /// <param name="sql">The migration's text.</param>
    /// <param name="tokens">The statement's tokens.</param>
    /// <param name="labels">The labels not committed yet.</param>
    /// <param name="rules">The naming rules.</param>
    public static UncommittedLabelUse? Find(Catalog before, Catalog after, string sql, IReadOnlyList<SqlToken> tokens, UncommittedEnumLabels labels, IdentifierRules rules)
    {
        if (tokens.Count == 0 || !MayHoldLabel(sql, tokens, labels)) return null;
        var scan = new Scan(before, after, sql, tokens, labels, rules);
        var fromConstants = scan.FirstConstantUse();
        var fromDefaults = scan.FirstNewDefault();
        if (fromDefaults is not { } byDefault) return fromConstants;
        return fromConstants is { } byConstant && byConstant.At.Start <= byDefault.At.Start ? byConstant : byDefault;
    }

    // Only a string constant carries a label, into a comparison or a default alike: a statement
    // without one that may spell an uncommitted label (itself, or an array literal '{...}') is not
    // read further, which keeps a long migration after an ADD VALUE as fast as before it.
    private static bool MayHoldLabel(string sql, IReadOnlyList<SqlToken> tokens, UncommittedEnumLabels labels)
    {
        foreach (var token in tokens)
        {
            if (token.Kind != SqlTokenKind.String) continue;
            var value = SqlTokenText.Unquote(sql, token);
            if (labels.HasSpelling(value) || (value.StartsWith('{') && ArrayMayHoldLabel(value, labels))) return true;
        }

        return false;
    }

    // An array literal '{a,b}' holds a label when one of its elements is one; one with quoted
    // elements, escapes or nested arrays is taken as possibly holding one.
    private static bool ArrayMayHoldLabel(string literal, UncommittedEnumLabels labels)
    {
        if (literal.IndexOf('"') >= 0 || literal.IndexOf('\\') >= 0 || literal.IndexOf('{', 1) >= 0) return true;
        foreach (var element in literal.Trim('{', '}').Split(','))
        {
            if (labels.HasSpelling(element.Trim())) return true;
        }

        return false;
    }

    private sealed class Scan(Catalog before, Catalog after, string sql, IReadOnlyList<SqlToken> tokens, UncommittedEnumLabels labels, IdentifierRules rules)
    {
        private List<CatalogTable>? _tables;

        public UncommittedLabelUse? FirstConstantUse()
        {
            var inserted = InsertedColumns();
            var (depth, listDepth, listColumn) = (0, -1, (string?)null); // The column of the `IN (...)` list being read.
            for (var i = 0; i < tokens.Count; i++)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[i], '('))
                {
                    depth++;
                    if (i >= 2 && SqlTokenText.IsWord(sql, tokens[i - 1], "IN"))
                    {
                        var end = SqlTokenText.IsWord(sql, tokens[i - 2], "NOT") ? i - 3 : i - 2;
                        (listDepth, listColumn) = (depth, end >= 0 ? ColumnEndingAt(end) : null);
                    }

                    continue;
                }

                if (SqlTokenText.IsSymbol(sql, tokens[i], ')'))
                {
                    if (depth-- == listDepth) (listDepth, listColumn) = (-1, null);
                    continue;
                }

                if (tokens[i].Kind != SqlTokenKind.String) continue;
                var value = SqlTokenText.Unquote(sql, tokens[i]);
                if (!labels.HasSpelling(value)) continue;
                var use = CastAt(i, value)
                    ?? ComparedAt(i, value)
                    ?? (listColumn is not null && depth == listDepth ? OfColumnNamed(listColumn, value) : null)
                    ?? (inserted is not null && inserted.TryGetValue(i, out var column) ? OfColumn(column, value) : null);
                if (use is { } label) return new UncommittedLabelUse(label, tokens[i]);
            }

            return null;
        }

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
            if (i >= 2 && IsComparison(tokens[i - 1]) && ColumnEndingAt(i - 2) is { } left && OfColumnNamed(left, value) is { } byLeft) return byLeft;
            return i + 2 < tokens.Count && IsComparison(tokens[i + 1]) && IsName(tokens[i + 2]) ? OfColumnNamed(ColumnStartingAt(i + 2), value) : null;
        }

        private bool IsComparison(SqlToken token)
            => token.Kind == SqlTokenKind.Symbol && SqlTokenText.Raw(sql, token) is "=" or "<>" or "!=" or "<" or ">" or "<=" or ">=";

        private static bool IsName(SqlToken token) => token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

        // The column of a possibly qualified name whose last part is at index end (t.s, s).
        private string? ColumnEndingAt(int end) => IsName(tokens[end]) ? rules.Name(sql, tokens[end]) : null;

        private string ColumnStartingAt(int start)
        {
            var last = start;
            while (last + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[last + 1], '.') && IsName(tokens[last + 2])) last += 2;
            return rules.Name(sql, tokens[last]);
        }

        private QualifiedName? TypeNameAt(int start)
        {
            if (start >= tokens.Count || !IsName(tokens[start])) return null;
            var first = rules.Name(sql, tokens[start]);
            return start + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[start + 1], '.') && IsName(tokens[start + 2])
                ? new QualifiedName(first, rules.Name(sql, tokens[start + 2]))
                : ResolveUnqualified(first);
        }

        // An unqualified type name: in the default schema, else the one enum type or domain of that name.
        private QualifiedName ResolveUnqualified(string name)
        {
            var inDefault = new QualifiedName(rules.DefaultSchema, name);
            if (after.EnumTypes.ContainsKey(inDefault) || after.Domains.ContainsKey(inDefault)) return inDefault;
            var elsewhere = after.EnumTypes.Keys.Concat(after.Domains.Keys).Where(n => n.Name == name).Take(2).ToList();
            return elsewhere.Count == 1 ? elsewhere[0] : inDefault;
        }

        private UncommittedLabel? OfType(QualifiedName? type, string value) => EnumOf(type) is { } named ? labels.Find(named, value) : null;

        private UncommittedLabel? OfColumn(CatalogColumn column, string value) => column.IsArray ? null : OfType(column.TypeReference, value);

        // The column of that name in the first table the statement names that has one, when its
        // type is an enum type with the label not committed.
        private UncommittedLabel? OfColumnNamed(string name, string value)
        {
            foreach (var table in NamedTables())
            {
                if (table.FindColumn(name, rules.Dialect) is { } column) return OfColumn(column, value);
            }

            return null;
        }

        private List<CatalogTable> NamedTables()
        {
            if (_tables is not null) return _tables;
            _tables = new List<CatalogTable>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!IsName(tokens[i])) continue;
                var first = rules.Name(sql, tokens[i]);
                var name = i + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') && IsName(tokens[i + 2])
                    ? new QualifiedName(first, rules.Name(sql, tokens[i + 2]))
                    : new QualifiedName(rules.DefaultSchema, first);
                if ((after.FindTable(name) ?? before.FindTable(name)) is { } table && !_tables.Contains(table)) _tables.Add(table);
            }

            return _tables;
        }

        // INSERT INTO t [(columns)] VALUES (...), (...): the column each constant of a row goes to,
        // by the index of the constant's token. A constant inside an expression is left to the cast rule.
        private Dictionary<int, CatalogColumn>? InsertedColumns()
        {
            if (tokens.Count < 4 || !SqlTokenText.IsWord(sql, tokens[0], "INSERT") || !SqlTokenText.IsWord(sql, tokens[1], "INTO")) return null;
            var i = 2;
            if (!IsName(tokens[i])) return null;
            var first = rules.Name(sql, tokens[i]);
            var tableName = new QualifiedName(rules.DefaultSchema, first);
            if (i + 2 < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i + 1], '.') && IsName(tokens[i + 2]))
            {
                tableName = new QualifiedName(first, rules.Name(sql, tokens[i + 2]));
                i += 2;
            }

            if (before.FindTable(tableName) is not { } table) return null;
            i++;
            if (i < tokens.Count && IsName(tokens[i]) && !SqlTokenText.IsWord(sql, tokens[i], "VALUES")) i += SqlTokenText.IsWord(sql, tokens[i], "AS") ? 2 : 1; // An alias.
            var columns = new List<CatalogColumn?>();
            if (i < tokens.Count && SqlTokenText.IsSymbol(sql, tokens[i], '('))
            {
                for (i++; i < tokens.Count && !SqlTokenText.IsSymbol(sql, tokens[i], ')'); i++)
                {
                    if (IsName(tokens[i])) columns.Add(table.FindColumn(rules.Name(sql, tokens[i]), rules.Dialect));
                }

                i++;
            }
            else
            {
                columns.AddRange(table.Columns);
            }

            if (i >= tokens.Count || !SqlTokenText.IsWord(sql, tokens[i], "VALUES")) return null;
            var found = new Dictionary<int, CatalogColumn>();
            var (depth, position, start) = (0, 0, -1);
            for (i++; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (SqlTokenText.IsSymbol(sql, token, '('))
                {
                    if (++depth == 1) (position, start) = (0, i + 1);
                }
                else if (SqlTokenText.IsSymbol(sql, token, ')') || (depth == 1 && SqlTokenText.IsSymbol(sql, token, ',')))
                {
                    // A row's value that is exactly one constant goes to the column at its position.
                    if (depth == 1 && start == i - 1 && tokens[start].Kind == SqlTokenKind.String && position < columns.Count && columns[position] is { } column) found[start] = column;
                    if (SqlTokenText.IsSymbol(sql, token, ')')) depth--;
                    else (position, start) = (position + 1, i + 1);
                }
                else if (depth == 0 && token.Kind == SqlTokenKind.Word)
                {
                    break; // ON CONFLICT, RETURNING: the rows are over.
                }
            }

            return found;
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
