using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// CREATE TABLE, column definitions and constraints (shared by CREATE and ALTER TABLE).
internal sealed partial class DdlParser
{
    // Words that end a DEFAULT expression: the start of the next column attribute.
    private static readonly HashSet<string> AttributeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "DEFAULT", "NOT", "NULL", "CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "REFERENCES", "GENERATED", "COLLATE", "DEFERRABLE",
        "INITIALLY", "AUTO_INCREMENT", "COMMENT", "ON", "CHARACTER", "CHARSET", "VISIBLE", "INVISIBLE", "KEY",
        "COLUMN_FORMAT", "STORAGE", "SRID", "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE_ATTRIBUTE", "FIRST", "AFTER", "USING",
        "COMPRESSION", "SERIAL",
    };

    private SqlStatement CreateTable(SqlToken at, bool orReplace)
    {
        var ifNotExists = IfNotExists();
        var name = TableName();
        if (_c.IsWord("PARTITION") && _c.IsWord("OF", 1))
        {
            if (_mySql) throw OfUnknownShape(_c.Unsupported($"CREATE TABLE {name} PARTITION OF ... is PostgreSQL's", _c.Current), name);
            return PartitionOf(at, name, ifNotExists);
        }

        if (!_mySql && _c.IsWord("OF")) return TypedTable(at, name, ifNotExists);
        if (_mySql && (_c.IsWord("LIKE") || (_c.IsSymbol('(') && _c.IsWord("LIKE", 1)))) return TableLike(at, name, ifNotExists, orReplace);
        var copyNames = _mySql ? null : TableCopyHead();
        if (!_mySql && _c.IsWord("AS") && TableCopy(at, name, ifNotExists) is { } copy) return copyNames is { Count: > 0 } ? copy with { ColumnNames = copyNames } : copy;
        if (_c.IsWord("AS") || _c.IsWord("LIKE") || _c.IsWord("PARTITION") || _c.IsWord("OF") || _c.IsWord("SELECT"))
        {
            var fromQuery = _c.IsWord("SELECT") || (_c.IsWord("AS") && !_c.IsWord("EXECUTE", 1));
            var refused = OfUnknownShape(_c.Unsupported($"CREATE TABLE {name} {SqlTokenText.Raw(_c.Source, _c.Current).ToUpperInvariant()} ... takes its columns from another object; SchemaTasks cannot know them. Declare the columns explicitly", _c.Current), name, fromQuery);
            if (!_mySql && _c.IsWord("AS") && fromQuery && ReadQueryShape(_c.Position + 1, _c.End) is { } query)
            {
                refused = WithQuery(refused, new TableFromQuery(at, name, ifNotExists, query, copyNames is { Count: > 0 } ? copyNames : null, _c.Current));
            }

            throw refused;
        }

        var columns = new List<ColumnSpec>();
        var constraints = new List<ConstraintSpec>();
        List<TableLikeSpec>? likes = null;
        _c.ExpectSymbol('(');
        if (!_c.TrySymbol(')'))
        {
            do
            {
                if (_c.IsWord("LIKE") && _mySql) throw OfUnknownShape(_c.Unsupported($"CREATE TABLE {name} (LIKE ...) copies columns from another table; declare them explicitly", _c.Current), name);
                if (_c.IsWord("LIKE")) (likes ??= []).Add(LikeClause(columns.Count));
                else if (TrySystemTimePeriod()) { }
                else if (IsTableConstraintStart()) constraints.Add(TableConstraint());
                else columns.Add(ColumnDefinition());
            }
            while (_c.TrySymbol(','));
            _c.ExpectSymbol(')');
        }

        // Table options, PARTITION BY, WITH (...), TABLESPACE: nothing tracked, except forms that
        // add columns, and MySQL's default charset.
        var charset = default(CharsetClauses);
        IReadOnlyList<QualifiedName> parents = [];
        var inheritsAt = default(SqlToken);
        var partitioned = false;
        PartitionKey? key = null;
        IReadOnlyList<string>? partitionColumns = null;
        while (!_c.AtEnd)
        {
            RefuseQuotedNameAsComment();
            if (_mySql && TryCharsetClause(ref charset, afterDefault: true)) continue;
            if (!_mySql && parents.Count == 0 && _c.IsWord("INHERITS") && _c.IsSymbol('(', 1))
            {
                // Modelled when every parent is a tracked table (TableInheritance).
                inheritsAt = _c.Next();
                _c.Next();
                parents = NameList();
                _c.ExpectSymbol(')');
                continue;
            }

            if (_c.IsWord("INHERITS") || _c.IsWord("SELECT") || (_mySql && _c.IsWord("AS")))
            {
                throw OfUnknownShape(_c.Unsupported($"CREATE TABLE {name} ... {SqlTokenText.Raw(_c.Source, _c.Current).ToUpperInvariant()} adds columns SchemaTasks cannot see; declare them explicitly", _c.Current), name, fromQuery: !_c.IsWord("INHERITS"));
            }

            if (!_mySql && _c.IsWord("PARTITION") && _c.IsWord("BY", 1))
            {
                (partitioned, key) = (true, PartitionBy());
                continue;
            }

            if (_mySql && IsMySqlPartitioning())
            {
                partitionColumns = MySqlPartitioning();
                continue;
            }

            if (_c.IsSymbol('(')) _c.Parenthesised();
            else _c.Next();
        }

        return new CreateTableStatement(at, name, ifNotExists, orReplace, columns, constraints) { DefaultCharset = charset.Result, DefaultCollation = charset.CollationWritten, Inherits = parents, InheritsAt = inheritsAt, Partitioned = partitioned, PartitionKey = key, PartitionColumns = partitionColumns, Likes = likes ?? [] };
    }

    // MariaDB's PERIOD FOR SYSTEM_TIME (start, end) of a system-versioned table: it names the row
    // start and end columns, which the column definitions already made NOT NULL; nothing else is tracked.
    private bool TrySystemTimePeriod()
    {
        if (_rules.Dialect != SqlDialect.MariaDb || !_c.IsWord("PERIOD") || !_c.IsWord("FOR", 1)) return false;
        _c.Next();
        _c.Next();
        _c.ExpectWord("SYSTEM_TIME");
        _c.Parenthesised();
        return true;
    }

    // MySQL: LIKE source, or (LIKE source), and nothing after it.
    private CreateTableLikeStatement TableLike(SqlToken at, QualifiedName name, bool ifNotExists, bool orReplace)
    {
        var parenthesised = _c.TrySymbol('(');
        _c.ExpectWord("LIKE");
        var sourceAt = _c.Current;
        var source = TableName();
        if (parenthesised) _c.ExpectSymbol(')');
        if (!_c.AtEnd) throw _c.Unsupported($"CREATE TABLE {name} LIKE {source} takes nothing after the source table", _c.Current);
        return new CreateTableLikeStatement(at, name, ifNotExists, orReplace, source, sourceAt);
    }

    // The exception with the table it would create, whose later statements are then passed over.
    private static SqlParseException OfUnknownShape(SqlParseException refused, QualifiedName table, bool fromQuery = false)
        => new(refused.Code, refused.Message, refused.At) { UnknownShapeTable = table, ColumnsFromQuery = fromQuery };

    // The refusal of a table made from a query, which applies after all when the query's columns are certain.
    private static SqlParseException WithQuery(SqlParseException refused, TableFromQuery query)
        => new(refused.Code, refused.Message, refused.At) { UnknownShapeTable = refused.UnknownShapeTable, ColumnsFromQuery = refused.ColumnsFromQuery, FromQuery = query };

    private bool IsTableConstraintStart()
    {
        if (_c.AtEnd || _c.Current.Kind != SqlTokenKind.Word) return false;
        if (_c.IsWord("CONSTRAINT") || _c.IsWord("CHECK") || _c.IsWord("PRIMARY") || _c.IsWord("UNIQUE") || _c.IsWord("FOREIGN")) return true;
        return _mySql
            ? _c.IsWord("INDEX") || _c.IsWord("KEY") || _c.IsWord("FULLTEXT") || _c.IsWord("SPATIAL")
            : _c.IsWord("EXCLUDE");
    }

    /// <summary>
    /// A table-level constraint (or MySQL index); content other than CHECK and primary key columns
    /// is skipped. <paramref name="alterAdd"/>: read for ALTER TABLE ... ADD, where MariaDB takes IF NOT EXISTS.
    /// </summary>
    private ConstraintSpec TableConstraint(bool alterAdd = false)
    {
        var at = _c.Current;
        string? name = null;
        var ifNotExists = false;
        if (_c.TryWord("CONSTRAINT") && !(_c.IsWord("CHECK") || _c.IsWord("PRIMARY") || _c.IsWord("UNIQUE") || _c.IsWord("FOREIGN") || _c.IsWord("EXCLUDE")))
        {
            ifNotExists = _mySql && alterAdd && ConstraintIfNotExists();
            name = _c.Identifier();
        }

        if (_c.IsWord("CHECK"))
        {
            return new ConstraintSpec(at, name, ConstraintKind.Check, [], CheckClause()) { IfNotExists = ifNotExists };
        }

        if (ifNotExists) throw OnlyCheckAfterConstraintIfNotExists();

        // PostgreSQL 18's NOT NULL table constraint makes its column NOT NULL under a name the
        // engine does not keep; read as an opaque constraint it would leave the column nullable.
        if (!_mySql && _c.IsWord("NOT") && _c.IsWord("NULL", 1))
        {
            throw _c.Unsupported("a NOT NULL table constraint (PostgreSQL 18) is not modelled; write ALTER TABLE ... ALTER COLUMN ... SET NOT NULL instead", at);
        }

        var kind = _c.IsWord("PRIMARY") ? ConstraintKind.PrimaryKey
            : _c.IsWord("UNIQUE") ? ConstraintKind.Unique
            : _c.IsWord("FOREIGN") ? ConstraintKind.ForeignKey
            : ConstraintKind.Other;
        var columns = new List<string>();
        var nullsNotDistinct = false;
        var bare = true;
        ForeignKeyTarget? references = null;
        if (kind == ConstraintKind.PrimaryKey)
        {
            _c.Next();
            _c.ExpectWord("KEY");
            if (!_mySql && UsingIndex(at, name, kind) is { } attached) return attached;
            if (_mySql) ifNotExists = KeyIfNotExists("PRIMARY KEY", alterAdd);
            if (_c.TryWord("USING")) _c.Next();
            columns = ColumnNameList(out bare);
        }
        else if (kind is ConstraintKind.Unique or ConstraintKind.ForeignKey && !_mySql)
        {
            // PostgreSQL names unnamed ones after their columns (table_a_b_key, table_a_fkey).
            _c.Next();
            if (kind == ConstraintKind.ForeignKey) _c.ExpectWord("KEY");
            else if (_c.TryWord("NULLS"))
            {
                nullsNotDistinct = _c.TryWord("NOT");
                _c.ExpectWord("DISTINCT");
            }
            else if (kind == ConstraintKind.Unique && UsingIndex(at, name, kind) is { } attached)
            {
                return attached;
            }

            if (_c.IsSymbol('(')) columns = ColumnNameList();
            if (kind == ConstraintKind.ForeignKey && _c.TryWord("REFERENCES")) references = ReferencedKey(); // The actions after it are skipped, as before.
        }
        else if (kind is ConstraintKind.Unique or ConstraintKind.ForeignKey && _mySql)
        {
            // MySQL: UNIQUE [INDEX|KEY] [name] ... / FOREIGN KEY [name] (...): the index name is the constraint name.
            _c.Next();
            if (!_c.TryWord("KEY")) _c.TryWord("INDEX");
            ifNotExists = KeyIfNotExists(kind == ConstraintKind.ForeignKey ? "FOREIGN KEY" : "UNIQUE KEY", alterAdd);
            if (_c.IsIdentifier && !_c.IsWord("USING")) name ??= _c.Identifier();
            if (_c.TryWord("USING")) _c.Next();
            if (_c.IsSymbol('(')) columns = ColumnNameList(out bare);
            if (kind == ConstraintKind.ForeignKey && _c.TryWord("REFERENCES")) references = References();
        }
        else if (kind == ConstraintKind.Other && _mySql)
        {
            return PlainMySqlIndex(at, alterAdd);
        }
        else if (kind == ConstraintKind.Other && !_mySql && _c.TryWord("EXCLUDE"))
        {
            // EXCLUDE [USING method] (element WITH operator, ...): the elements' columns.
            if (_c.TryWord("USING")) _c.Next();
            if (_c.IsSymbol('(')) columns = ColumnNameList();
        }

        var index = !_mySql && kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique ? KeyIndexTail(nullsNotDistinct) : KeyIndexOptions.Plain;
        ConstraintTail();
        return new ConstraintSpec(at, name, kind, columns, null) { Index = index, References = references, IfNotExists = ifNotExists, Unfit = _mySql && !bare };
    }

    /// <summary>
    /// What follows a PostgreSQL key's columns, up to the end of the constraint: INCLUDE and the
    /// deferral options, which make it another index; WITH and USING INDEX TABLESPACE do not.
    /// </summary>
    private KeyIndexOptions KeyIndexTail(bool nullsNotDistinct)
    {
        var include = new List<string>();
        var (deferrable, initiallyDeferred) = (false, false);
        var nameNext = false;
        while (!_c.AtEnd && !_c.IsSymbol(',') && !_c.IsSymbol(')'))
        {
            if (_c.TryWord("INCLUDE") && _c.IsSymbol('(')) include = ColumnNameList();
            else if (_c.TryWords("NOT", "DEFERRABLE")) deferrable = false;
            else if (_c.TryWord("DEFERRABLE")) deferrable = true;
            else if (_c.TryWords("INITIALLY", "DEFERRED")) (deferrable, initiallyDeferred) = (true, true);
            else ConstraintTailStep(ref nameNext);
        }

        return new KeyIndexOptions(nullsNotDistinct, deferrable, initiallyDeferred, include);
    }

    /// <summary>
    /// PostgreSQL's <c>PRIMARY KEY USING INDEX index</c> / <c>UNIQUE USING INDEX index</c>, after the
    /// kind's words: the index becomes the constraint, named after it unless CONSTRAINT names it;
    /// its columns are the index's, found when the constraint is applied.
    /// </summary>
    private ConstraintSpec? UsingIndex(SqlToken at, string? name, ConstraintKind kind)
    {
        if (!_c.IsWord("USING") || !_c.IsWord("INDEX", 1)) return null;
        _c.Next();
        _c.Next();
        var index = _c.Identifier();
        ConstraintTail();
        return new ConstraintSpec(at, name ?? index, kind, [], null) { UsingIndex = index };
    }

    /// <summary>Reads <c>(a, b)</c> and returns the names; MySQL prefix lengths and ASC/DESC are skipped.</summary>
    private List<string> ColumnNameList() => ColumnNameList(out _);

    /// <summary>
    /// Reads <c>(a, b)</c> and returns the names; <paramref name="bare"/> tells whether every part
    /// is a column alone (ASC or DESC may follow), which a MySQL index needs to serve a foreign key.
    /// </summary>
    private List<string> ColumnNameList(out bool bare)
    {
        var names = new List<string>();
        bare = true;
        _c.ExpectSymbol('(');
        do
        {
            var start = _c.Position;
            _c.SkipToListEnd();
            var length = _c.Position - start;
            bare &= length == 1 || (length == 2 && (SqlTokenText.IsWord(_c.Source, _c.Tokens[start + 1], "ASC") || SqlTokenText.IsWord(_c.Source, _c.Tokens[start + 1], "DESC")));
            if (_c.Position > start && _c.Tokens[start] is { Kind: SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier } first)
            {
                names.Add(PostgresNames.Stored(_rules, _rules.Name(_c.Source, first)));
            }
            else if (_c.Position > start)
            {
                names.AddRange(Identifiers(start, _c.Position)); // An expression element: the names it uses.
            }
        }
        while (_c.TrySymbol(','));
        _c.ExpectSymbol(')');
        return names;
    }

    private ColumnSpec ColumnDefinition(bool partitionOptions = false)
    {
        var at = _c.Current;
        var name = _c.Identifier();
        var type = partitionOptions ? PartitionColumnType() : DataType();
        bool? notNull = type.IsSerial ? true : null;
        var explicitNull = false; // NULL written last of NULL and NOT NULL; AUTO_INCREMENT leaves it be.
        var identity = false;
        IReadOnlyList<string>? generatedFrom = null;
        string? generatedExpression = null;
        var generatedStored = false;
        string? defaultText = null;
        DoubleQuotedName? defaultName = null;
        var primaryKey = false;
        List<ConstraintSpec>? constraints = null; // Most columns have none.
        if (type.ImpliesUniqueNotNull)
        {
            notNull = true;
            constraints = [new ConstraintSpec(at, null, ConstraintKind.Unique, [name], null)];
        }

        string? constraintName = null;
        var constraintAt = at;
        var onUpdateAt = default(SqlToken);
        string? after = null;
        var first = false;
        List<ColumnAttribute>? attributes = _mySql ? [] : null; // Only MariaDB's grammar cares about their order.
        var charset = default(CharsetClauses);
        while (!_c.AtEnd && !_c.IsSymbol(',') && !_c.IsSymbol(')') && !(_mySql && IsMySqlPartitioning()))
        {
            var token = _c.Current;
            RefuseQuotedNameAsComment();
            if (_mySql && TryColumnCharset(ref charset))
            {
                attributes?.Add(new ColumnAttribute(token, ColumnAttributeKind.TypeOption));
                continue;
            }

            var kind = ColumnAttributeKind.Other;
            if (_c.TryWord("CONSTRAINT"))
            {
                constraintAt = token;
                if (!(_c.IsWord("CHECK") || _c.IsWord("PRIMARY") || _c.IsWord("UNIQUE") || _c.IsWord("REFERENCES") || _c.IsWord("NOT") || _c.IsWord("NULL") || _c.IsWord("DEFAULT")))
                {
                    constraintName = _c.Identifier();
                }

                continue;
            }

            var named = constraintName;
            constraintName = null;
            if (_c.TryWord("NOT"))
            {
                kind = ColumnAttributeKind.Nullability;
                if (_c.TryWord("NULL")) (notNull, explicitNull) = (true, false);
                else if (!_c.TryWord("DEFERRABLE")) throw _c.Error("expected NULL or DEFERRABLE after NOT");
                else if (constraints is [.., var notDeferrable]) constraints[^1] = notDeferrable with { Index = notDeferrable.Index with { Deferrable = false } };
            }
            else if (_c.TryWord("NULL"))
            {
                kind = ColumnAttributeKind.Nullability;
                (notNull, explicitNull) = (false, true);
            }
            else if (_mySql && _c.TryWords("SERIAL", "DEFAULT"))
            {
                kind = ColumnAttributeKind.Default;
                // SERIAL DEFAULT VALUE: an alias for NOT NULL AUTO_INCREMENT UNIQUE.
                _c.ExpectWord("VALUE");
                notNull = true;
                (constraints ??= []).Add(new ConstraintSpec(token, named, ConstraintKind.Unique, [name], null));
            }
            else if (_c.TryWord("DEFAULT"))
            {
                kind = ColumnAttributeKind.Default;
                if (!_mySql && defaultText is not null) throw SecondDefault(name, token);
                if (!_mySql && (identity || generatedExpression is not null)) throw ClashingClauses(name, identity ? "both default and identity" : "both default and generation expression", token);

                // MySQL and MariaDB keep the last DEFAULT of a column and never look at the others.
                defaultText = DefaultExpression("column " + name);
                defaultName = _defaultName;
            }
            else if (_c.IsWord("CHECK"))
            {
                kind = ColumnAttributeKind.Check;
                var check = CheckClause();
                (constraints ??= []).Add(new ConstraintSpec(named is null ? token : constraintAt, named, ConstraintKind.Check, [name], check));
            }
            else if (_c.TryWord("PRIMARY"))
            {
                kind = ColumnAttributeKind.PrimaryKey;
                _c.ExpectWord("KEY");
                primaryKey = true;
                (constraints ??= []).Add(new ConstraintSpec(token, named, ConstraintKind.PrimaryKey, [name], null));
            }
            else if (_mySql && _c.TryWord("KEY"))
            {
                // MySQL's column attribute KEY alone is PRIMARY KEY (UNIQUE KEY is read with UNIQUE).
                kind = ColumnAttributeKind.PrimaryKey;
                primaryKey = true;
                (constraints ??= []).Add(new ConstraintSpec(token, named, ConstraintKind.PrimaryKey, [name], null));
            }
            else if (_c.TryWord("UNIQUE"))
            {
                kind = ColumnAttributeKind.Unique;
                var nullsNotDistinct = false;
                if (!_c.TryWord("KEY") && _c.TryWord("NULLS"))
                {
                    nullsNotDistinct = _c.TryWord("NOT");
                    _c.ExpectWord("DISTINCT");
                }

                (constraints ??= []).Add(new ConstraintSpec(token, named, ConstraintKind.Unique, [name], null) { Index = nullsNotDistinct ? KeyIndexOptions.Plain with { NullsNotDistinct = true } : KeyIndexOptions.Plain });
            }
            else if (_c.TryWord("REFERENCES"))
            {
                kind = ColumnAttributeKind.References;
                var references = References();

                // MySQL 8 parses an inline REFERENCES and makes no foreign key of it, so none of its rules apply.
                if (_rules.Dialect == SqlDialect.MySql) references = references with { SetsNull = false };
                (constraints ??= []).Add(new ConstraintSpec(token, named, ConstraintKind.ForeignKey, [name], null) { References = references });
            }
            else if (_c.TryWord("GENERATED"))
            {
                kind = ColumnAttributeKind.Generated;
                if (_c.TryWord("ALWAYS")) { }
                else if (_c.TryWord("BY")) _c.ExpectWord("DEFAULT");
                _c.ExpectWord("AS");
                if (_rules.Dialect == SqlDialect.MariaDb && _c.TryWord("ROW"))
                {
                    // A system-versioned table's row start or end column: the server fills it and makes it NOT NULL.
                    if (!_c.TryWord("START")) _c.ExpectWord("END");
                    notNull = true;
                    attributes?.Add(new ColumnAttribute(token, ColumnAttributeKind.Other));
                    continue;
                }

                var isIdentity = _c.IsWord("IDENTITY");
                if (!_mySql && ClashWithGeneration(defaultText is not null, identity, generatedExpression is not null, isIdentity) is { } clash) throw ClashingClauses(name, clash, token);
                if (_c.TryWord("IDENTITY"))
                {
                    (notNull, identity) = (true, true); // Identity columns are always NOT NULL.
                    if (_c.IsSymbol('(')) _c.Parenthesised();
                }
                else
                {
                    (generatedFrom, generatedExpression) = Generation(_c.Parenthesised());
                    generatedStored = StoredGeneration();
                }
            }
            else if (_mySql && _c.TryWord("AS"))
            {
                kind = ColumnAttributeKind.Generated;
                (generatedFrom, generatedExpression) = Generation(_c.Parenthesised());
                generatedStored = StoredGeneration();
            }
            else if (_c.TryWord("COLLATE") || _c.TryWord("CHARSET") || _c.TryWords("CHARACTER", "SET") || _c.TryWord("COLUMN_FORMAT") || _c.TryWord("STORAGE") || _c.TryWord("COMPRESSION"))
            {
                if (!IsWordAt(token, "COLUMN_FORMAT") && !IsWordAt(token, "STORAGE") && !IsWordAt(token, "COMPRESSION")) kind = ColumnAttributeKind.TypeOption;
                _c.TrySymbol('=');
                if (_c.AtEnd) throw _c.Error("expected a name");
                _c.Next();
                if (_c.TrySymbol('.')) _c.Next(); // PostgreSQL collations can be schema-qualified.
            }
            else if (_c.TryWord("COMMENT") || _c.TryWord("SRID") || _c.TryWord("ENGINE_ATTRIBUTE") || _c.TryWord("SECONDARY_ENGINE_ATTRIBUTE"))
            {
                if (IsWordAt(token, "COMMENT")) kind = ColumnAttributeKind.Comment;
                _c.TrySymbol('=');
                if (_c.AtEnd) throw _c.Error("expected a value");
                _c.Next();
            }
            else if (_c.TryWord("ON"))
            {
                _c.ExpectWord("UPDATE");
                DefaultExpression();
                onUpdateAt = token;
            }
            else if (_c.TryWord("AFTER"))
            {
                kind = ColumnAttributeKind.Placement;
                (after, first) = (_c.Identifier(), false);
            }
            else if (_c.TryWord("FIRST"))
            {
                kind = ColumnAttributeKind.Placement;
                (after, first) = (null, true);
            }
            else if (_c.TryWord("DEFERRABLE"))
            {
                // Deferral belongs to the constraint before it, and makes a key another index.
                if (constraints is [.., var deferrable]) constraints[^1] = deferrable with { Index = deferrable.Index with { Deferrable = true } };
            }
            else if (_c.TryWord("AUTO_INCREMENT") || _c.TryWord("KEY") || _c.TryWord("VISIBLE") || _c.TryWord("INVISIBLE")
                     || _c.TryWord("BINARY") || _c.TryWord("ASCII") || _c.TryWord("UNICODE"))
            {
                kind = IsWordAt(token, "AUTO_INCREMENT") ? ColumnAttributeKind.AutoIncrement
                    : IsWordAt(token, "KEY") ? ColumnAttributeKind.PrimaryKey // A column's KEY is its PRIMARY KEY.
                    : IsWordAt(token, "INVISIBLE") ? ColumnAttributeKind.Invisible
                    : IsWordAt(token, "VISIBLE") ? ColumnAttributeKind.Other
                    : ColumnAttributeKind.TypeOption;
                if (IsWordAt(token, "BINARY")) charset.CollationWritten ??= BinaryAttributeCollation;

                // Both servers' grammars make AUTO_INCREMENT set NOT NULL, key or no key, and a
                // NULL written after it clear it again: id int NULL AUTO_INCREMENT is NOT NULL,
                // id int AUTO_INCREMENT NULL is not.
                if (kind == ColumnAttributeKind.AutoIncrement) notNull = true;
            }
            else if (_c.TryWord("INITIALLY"))
            {
                if (!_c.TryWord("DEFERRED")) _c.ExpectWord("IMMEDIATE");
                else if (constraints is [.., var deferred]) constraints[^1] = deferred with { Index = deferred.Index with { Deferrable = true, InitiallyDeferred = true } };
            }
            else
            {
                throw _c.Error($"expected a column attribute (NOT NULL, DEFAULT, CHECK, ...) for column {name}");
            }

            attributes?.Add(new ColumnAttribute(named is null ? token : constraintAt, kind));
        }

        if (primaryKey) notNull = true;
        return new ColumnSpec(at, name, type, notNull, defaultText, primaryKey, constraints ?? (IReadOnlyList<ConstraintSpec>)[])
        {
            DefaultName = defaultName,
            First = first,
            After = after,
            ExplicitNull = explicitNull,
            IsIdentity = identity,
            GeneratedFrom = generatedFrom,
            GeneratedExpression = generatedExpression,
            GeneratedStored = generatedStored,
            Attributes = attributes ?? (IReadOnlyList<ColumnAttribute>)[],
            OnUpdateAt = onUpdateAt,
            Charset = charset.Result ?? type.ImpliedCharset,
            Collation = charset.CollationWritten,
        };
    }

    // PostgreSQL's words for a GENERATED clause that clashes with what the column already has.
    private static string? ClashWithGeneration(bool hasDefault, bool hasIdentity, bool hasExpression, bool isIdentity) => (isIdentity, hasDefault, hasIdentity, hasExpression) switch
    {
        (true, true, _, _) => "both default and identity",
        (true, _, true, _) => "multiple identity specifications",
        (true, _, _, true) => "both identity and generation expression",
        (false, true, _, _) => "both default and generation expression",
        (false, _, true, _) => "both identity and generation expression",
        (false, _, _, true) => "multiple generation clauses",
        _ => null,
    };

    private static SqlParseException ClashingClauses(string column, string clash, SqlToken at)
        => new(
            DiagnosticCodes.SyntaxError,
            $"PostgreSQL refuses this column definition of {column} (42601, {clash} specified for column): a column has one DEFAULT, one identity or one generation expression. Keep the one the column should have and remove the other",
            at);

    private static SqlParseException SecondDefault(string column, SqlToken at)
        => new(
            DiagnosticCodes.SyntaxError,
            $"PostgreSQL refuses a second DEFAULT for column {column} (42601, multiple default values specified for column): a column has one default. Keep the DEFAULT the column should have and remove the other",
            at);

    private bool IsWordAt(SqlToken token, string word)
        => token.Kind == SqlTokenKind.Word && string.Equals(SqlTokenText.Raw(_c.Source, token), word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text of a DEFAULT (or ON UPDATE) expression, up to the next attribute.</summary>
    /// <param name="owner">PostgreSQL: the column or domain whose definition writes the DEFAULT, which takes only a restricted expression (<see cref="PostgresDefaultGrammar"/>); <see langword="null"/> for SET DEFAULT, which takes any.</param>
    private string DefaultExpression(string? owner = null)
    {
        if (_c.AtEnd || _c.IsSymbol(',') || _c.IsSymbol(')')) throw _c.Error("expected an expression");
        var start = _c.Position;
        var first = true;
        var cases = 0;
        while (!_c.AtEnd)
        {
            if (_c.IsSymbol(',') || _c.IsSymbol(')')) break;
            if (!first && _c.Current.Kind == SqlTokenKind.Word && AttributeWords.Contains(SqlTokenText.Raw(_c.Source, _c.Current)) && !IsNotAfterIs()) break;
            if (owner is not null && !_mySql && _c.Current.Kind == SqlTokenKind.Word)
            {
                if (cases == 0 && PostgresDefaultGrammar.Refuses(_c, first) is { } word) throw PostgresDefaultGrammar.Error(owner, word, _c.Current);
                if (_c.IsWord("CASE")) cases++;
                else if (cases > 0 && _c.IsWord("END")) cases--;
            }

            if (_c.IsSymbol("::")) SkipCastType();
            else if (_c.IsSymbol('(') || _c.IsSymbol('[')) SkipBracketed();
            else _c.Next();
            first = false;
        }

        var end = _c.Position;
        UnwrapParentheses(ref start, ref end);
        _defaultName = end - start == 1 && IsDoubleQuotedName(start, start, end) ? new DoubleQuotedName(SqlTokenText.Unquote(_c.Source, _c.Tokens[start]), _c.Tokens[start]) : null;
        _doubleQuotedNames |= _defaultName is not null;
        return Render(start, end);
    }

    // IS NOT DISTINCT FROM (and IS NOT DOCUMENT): the NOT belongs to the expression, not to a NOT NULL after it.
    private bool IsNotAfterIs()
        => _c.IsWord("NOT") && _c.Position > 0 && SqlTokenText.IsWord(_c.Source, _c.Tokens[_c.Position - 1], "IS") && (_c.IsWord("DISTINCT", 1) || _c.IsWord("DOCUMENT", 1));

    /// <summary>
    /// Narrows a range wrapped whole in parentheses, <c>(now())</c> to <c>now()</c>: servers store and
    /// show a default without them (MySQL 8 even requires them around expression defaults).
    /// </summary>
    private void UnwrapParentheses(ref int start, ref int end)
    {
        while (end - start >= 2 && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[start], '(') && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[end - 1], ')'))
        {
            var depth = 0;
            for (var i = start; i < end - 1; i++)
            {
                if (SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i], '(')) depth++;
                else if (SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i], ')')) depth--;
                if (depth == 0) return; // The first '(' closes before the end: (a) + (b).
            }

            start++;
            end--;
        }
    }

    /// <summary>
    /// Moves past <c>::</c> and the type after it, which can be several words with modifiers and an
    /// array suffix (<c>::timestamp with time zone</c>, <c>::character varying(20)[]</c>); the words
    /// must not end the expression as if they were column attributes.
    /// </summary>
    private void SkipCastType()
    {
        _c.Next();
        var end = CastTypeEnd(_c.Position, int.MaxValue);
        while (_c.Position < end && !_c.AtEnd) _c.Next();
    }

    /// <summary>Where the data type that starts at <paramref name="start"/> ends (at most <paramref name="limit"/>); <paramref name="start"/> + 1 when it cannot be read as one.</summary>
    private int CastTypeEnd(int start, int limit)
    {
        var end = Math.Min(limit, _c.StatementEnd);
        if (start >= end) return start;
        var reader = new DdlParser(new TokenCursor(_c.Source, _c.Tokens, new SqlStatementRange(start, end), _rules));
        try
        {
            reader.DataType();
            return reader._c.Position;
        }
        catch (SqlParseException)
        {
            return start + 1;
        }
    }

    private void SkipBracketed()
    {
        var depth = 0;
        do
        {
            if (_c.IsSymbol('(') || _c.IsSymbol('[')) depth++;
            else if (_c.IsSymbol(')') || _c.IsSymbol(']')) depth--;
            _c.Next();
        }
        while (depth > 0 && !_c.AtEnd);
        if (depth > 0) throw _c.Error("expected ')' to close the '(' group");
    }

    /// <summary><c>CHECK (expr)</c> with its trailing options; recognises value sets.</summary>
    private CheckSpec CheckClause()
    {
        _c.ExpectWord("CHECK");
        var (start, end) = _c.Parenthesised();
        if (start == end) throw _c.Error("expected an expression inside CHECK ( )");
        var noInherit = false;
        while (true)
        {
            if (_c.TryWords("NO", "INHERIT")) noInherit = true;
            else if (!(_c.TryWords("NOT", "VALID") || _c.TryWords("NOT", "ENFORCED") || _c.TryWord("ENFORCED"))) break;
        }

        if (CheckValueSetReader.TryRead(_c.Source, _c.Tokens, start, end, _rules, out var column, out var values))
        {
            return new CheckSpec(ValueSetText(_rules, column, values), column, values) { WrittenExpression = _mySql ? null : Render(start, end), NoInherit = noInherit };
        }

        return new CheckSpec(Render(start, end), null, [], Identifiers(start, end)) { NoInherit = noInherit, DoubleQuotedNames = DoubleQuotedNames(start, end) };
    }

    // MySQL under ANSI_QUOTES: the "x" of a CHECK that stand as names of columns (not a function, a qualifier or a qualified name).
    private List<DoubleQuotedName>? DoubleQuotedNames(int start, int end)
    {
        if (!_mySql) return null;
        List<DoubleQuotedName>? names = null;
        for (var i = start; i < end; i++)
        {
            if (IsDoubleQuotedName(i, start, end)) (names ??= []).Add(new DoubleQuotedName(SqlTokenText.Unquote(_c.Source, _c.Tokens[i]), _c.Tokens[i]));
        }

        _doubleQuotedNames |= names is not null;
        return names;
    }

    // Whether the token at i, in [start, end), is a "x" standing alone: under MySQL's ANSI_QUOTES the name of a column.
    private bool IsDoubleQuotedName(int i, int start, int end)
    {
        var token = _c.Tokens[i];
        if (!_mySql || token.Kind != SqlTokenKind.QuotedIdentifier || _c.Source[token.Start] != '"' || token.Unterminated) return false;
        if (i + 1 < end && (SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '(') || SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '.'))) return false;
        return i == start || !SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i - 1], '.');
    }

    private List<string> Identifiers(int start, int end)
    {
        var names = new List<string>();
        for (var i = start; i < end; i++)
        {
            var token = _c.Tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i + 1 < end && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '(')) continue; // A function.
            var previous = i > start ? _c.Tokens[i - 1] : default;
            if (i > start && SqlTokenText.IsSymbol(_c.Source, previous, "::"))
            {
                i = CastTypeEnd(i, end) - 1; // A cast's type, which may be several words (character varying).
                continue;
            }

            names.Add(PostgresNames.Stored(_rules, _rules.Name(_c.Source, token)));
        }

        return names;
    }

    /// <summary>The canonical text of a value-set CHECK, shared with catalogs read from live databases.</summary>
    internal static string ValueSetText(IdentifierRules rules, string column, IReadOnlyList<string> values)
    {
        var quoted = new string[values.Count];
        for (var i = 0; i < quoted.Length; i++) quoted[i] = rules.QuoteString(values[i]);
        return (column == "VALUE" ? "VALUE" : rules.Quote(column)) + " IN (" + string.Join(", ", quoted) + ")";
    }

    /// <summary>The <c>table [(cols)]</c> after REFERENCES.</summary>
    private ForeignKeyTarget ReferencedKey() => new(_c.QualifiedName(), _c.IsSymbol('(') ? ColumnNameList() : []);

    /// <summary>The rest of <c>REFERENCES table [(cols)] [MATCH x] [ON DELETE|UPDATE action]</c>.</summary>
    private ForeignKeyTarget References()
    {
        var target = ReferencedKey();
        while (true)
        {
            if (_c.TryWord("MATCH"))
            {
                _c.Next();
            }
            else if (_c.IsWord("ON") && (_c.IsWord("DELETE", 1) || _c.IsWord("UPDATE", 1)))
            {
                _c.Next();
                _c.Next();
                if (_c.TryWords("NO", "ACTION") || _c.TryWord("CASCADE") || _c.TryWord("RESTRICT")) continue;
                _c.ExpectWord("SET");
                if (_c.TryWord("NULL")) target = target with { SetsNull = true };
                else _c.ExpectWord("DEFAULT");
                if (_c.IsSymbol('(')) _c.Parenthesised();
            }
            else
            {
                return target;
            }
        }
    }

    // A generated column's storage after its expression: STORED (MariaDB also PERSISTENT) or VIRTUAL, the default.
    private bool StoredGeneration() => _c.TryWord("STORED") || (!_c.TryWord("VIRTUAL") && _c.TryWord("PERSISTENT"));

    // A generated column's expression: the names in it, and its text, which DROP FUNCTION reads for calls.
    private (List<string> Names, string Text) Generation((int Start, int End) range)
        => (NamesIn(range), range.End > range.Start ? GenerationText(range) : string.Empty);

    // The expression as written; MySQL's double-quoted names (ANSI_QUOTES) in backticks, so that
    // the text reads the same whatever sql_mode reads it later.
    private string GenerationText((int Start, int End) range)
    {
        var first = _c.Tokens[range.Start].Start;
        var text = _c.Source[first.._c.Tokens[range.End - 1].End];
        if (!_mySql || !text.Contains('"')) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        var copied = first;
        for (var i = range.Start; i < range.End; i++)
        {
            var token = _c.Tokens[i];
            if (token.Kind != SqlTokenKind.QuotedIdentifier || _c.Source[token.Start] != '"' || token.Unterminated) continue;
            builder.Append(_c.Source, copied, token.Start - copied).Append('`').Append(SqlTokenText.Unquote(_c.Source, token).Replace("`", "``", StringComparison.Ordinal)).Append('`');
            copied = token.End;
        }

        return builder.Append(_c.Source, copied, _c.Tokens[range.End - 1].End - copied).ToString();
    }

    // The names in a generated column's expression that may be columns: words and quoted names
    // not followed by '(' (a function's).
    private List<string> NamesIn((int Start, int End) range)
    {
        var names = new List<string>();
        for (var i = range.Start; i < range.End; i++)
        {
            var token = _c.Tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i + 1 < range.End && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '(')) continue;
            names.Add(_rules.Name(_c.Source, token));
        }

        return names;
    }
}
