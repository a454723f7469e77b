using System.Collections.Immutable;
using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// Types: CREATE/ALTER/DROP TYPE and DOMAIN, and reading a column's data type.
internal sealed partial class DdlParser
{
    private SqlStatement CreateType(SqlToken at)
    {
        var name = _c.QualifiedName();
        if (_c.AtEnd) return new CreateOtherTypeStatement(at, name); // A shell type.
        if (_c.TryWord("AS"))
        {
            if (_c.TryWord("ENUM"))
            {
                _c.ExpectSymbol('(');
                var labels = new List<string>();
                if (!_c.TrySymbol(')'))
                {
                    do
                    {
                        labels.Add(_c.StringLiteral());
                    }
                    while (_c.TrySymbol(','));
                    _c.ExpectSymbol(')');
                }

                _c.ExpectEnd();
                return new CreateEnumTypeStatement(at, name, labels);
            }

            if (_c.IsSymbol('(')) return new CreateOtherTypeStatement(at, name) { Attributes = CompositeAttributes() };
            if (!_c.IsWord("RANGE")) throw _c.Error("expected ENUM, RANGE or '(' after AS");
        }
        else if (!_c.IsSymbol('('))
        {
            throw _c.Error("expected AS after the type name");
        }

        return new CreateOtherTypeStatement(at, name); // Range and base types are not tracked beyond their name.
    }

    // The attribute list of CREATE TYPE ... AS (a int, b text COLLATE "C"); it may be empty.
    private List<CompositeAttributeSpec> CompositeAttributes()
    {
        _c.ExpectSymbol('(');
        var attributes = new List<CompositeAttributeSpec>();
        if (!_c.TrySymbol(')'))
        {
            do
            {
                attributes.Add(CompositeAttribute());
            }
            while (_c.TrySymbol(','));
            _c.ExpectSymbol(')');
        }

        _c.ExpectEnd();
        return attributes;
    }

    private CompositeAttributeSpec CompositeAttribute()
    {
        var at = _c.Current;
        var name = _c.Identifier();
        var type = DataType();
        if (_c.TryWord("COLLATE")) _c.QualifiedName(); // The collation changes no tracked fact of a composite.
        return new CompositeAttributeSpec(at, name, type);
    }

    // ALTER TYPE ... ADD/DROP/ALTER ATTRIBUTE, comma-separated, each with an optional CASCADE or
    // RESTRICT: only CASCADE lets the action reach the typed tables of the type.
    private AlterCompositeTypeStatement CompositeAttributeActions(SqlToken at, QualifiedName type)
    {
        var actions = new List<CompositeAttributeAction>();
        do
        {
            var actionAt = _c.Current;
            if (_c.TryWords("ADD", "ATTRIBUTE"))
            {
                var attribute = CompositeAttribute();
                actions.Add(new CompositeAttributeAction(actionAt, CompositeActionKind.Add, attribute.Name, attribute.Type, false, null));
            }
            else if (_c.TryWords("DROP", "ATTRIBUTE"))
            {
                var ifExists = IfExists();
                actions.Add(new CompositeAttributeAction(actionAt, CompositeActionKind.Drop, _c.Identifier(), null, ifExists, null));
            }
            else if (_c.TryWords("ALTER", "ATTRIBUTE"))
            {
                var name = _c.Identifier();
                if (_c.TryWord("SET")) _c.ExpectWord("DATA");
                _c.ExpectWord("TYPE");
                var attribute = DataType();
                if (_c.TryWord("COLLATE")) _c.QualifiedName();
                actions.Add(new CompositeAttributeAction(actionAt, CompositeActionKind.Retype, name, attribute, false, null));
            }
            else
            {
                throw _c.Error("expected ADD ATTRIBUTE, DROP ATTRIBUTE or ALTER ATTRIBUTE");
            }

            if (DropBehaviour()) actions[^1] = actions[^1] with { Cascade = true };
        }
        while (_c.TrySymbol(','));
        _c.ExpectEnd();
        return new AlterCompositeTypeStatement(at, type, actions);
    }

    private SqlStatement? AlterType(SqlToken at)
    {
        var name = _c.QualifiedName();
        if (_c.IsWord("ATTRIBUTE", 1) && (_c.IsWord("ADD") || _c.IsWord("DROP") || _c.IsWord("ALTER"))) return CompositeAttributeActions(at, name);
        if (_c.TryWord("ADD"))
        {
            _c.ExpectWord("VALUE");
            var ifNotExists = IfNotExists();
            var label = _c.StringLiteral();
            string? neighbour = null;
            var before = false;
            if (_c.TryWord("BEFORE"))
            {
                before = true;
                neighbour = _c.StringLiteral();
            }
            else if (_c.TryWord("AFTER"))
            {
                neighbour = _c.StringLiteral();
            }

            _c.ExpectEnd();
            return new AddEnumValueStatement(at, name, label, ifNotExists, neighbour, before);
        }

        if (_c.TryWord("RENAME"))
        {
            if (_c.TryWord("VALUE"))
            {
                var from = _c.StringLiteral();
                _c.ExpectWord("TO");
                var to = _c.StringLiteral();
                _c.ExpectEnd();
                return new RenameEnumValueStatement(at, name, from, to);
            }

            var renameAt = _c.Position > 0 ? _c.Tokens[_c.Position - 1] : at;
            if (_c.TryWord("ATTRIBUTE"))
            {
                var from = _c.Identifier();
                _c.ExpectWord("TO");
                var to = _c.Identifier();
                var cascade = DropBehaviour();
                _c.ExpectEnd();
                return new AlterCompositeTypeStatement(at, name, [new CompositeAttributeAction(renameAt, CompositeActionKind.Rename, from, null, false, to) { Cascade = cascade }]);
            }

            _c.ExpectWord("TO");
            var newName = _c.Identifier();
            _c.ExpectEnd();
            return new RenameTypeStatement(at, name, name with { Name = newName }, IsDomain: false);
        }

        if (_c.TryWords("SET", "SCHEMA"))
        {
            var schema = _c.Identifier();
            _c.ExpectEnd();
            return new RenameTypeStatement(at, name, name with { Schema = schema }, IsDomain: false);
        }

        if (_c.IsWord("OWNER") || _c.IsWord("ADD") || _c.IsWord("DROP") || _c.IsWord("ALTER") || _c.IsWord("SET"))
        {
            return null; // Ownership and base-type options do not change tracked facts.
        }

        throw _c.Error("expected ADD VALUE, RENAME VALUE, RENAME TO, SET SCHEMA or OWNER TO");
    }

    private SqlStatement DropType(SqlToken at, bool isDomain)
    {
        var ifExists = IfExists();
        var names = NameList();
        var cascade = DropBehaviour();
        _c.ExpectEnd();
        return new DropTypeStatement(at, names, ifExists, cascade, isDomain);
    }

    private SqlStatement CreateDomain(SqlToken at)
    {
        var name = _c.QualifiedName();
        _c.TryWord("AS");
        var type = DataType();
        string? defaultText = null;
        var notNull = false;
        var nullWritten = false;
        var checks = new List<ConstraintSpec>();
        string? constraintName = null;
        var constraintAt = at;
        while (!_c.AtEnd)
        {
            var token = _c.Current;
            if (_c.TryWord("CONSTRAINT"))
            {
                constraintName = _c.Identifier();
                constraintAt = token;
                continue;
            }

            if (_c.TryWord("DEFAULT"))
            {
                if (defaultText is not null) throw DomainClauseConflict(name, "a second DEFAULT", "multiple default expressions", "Keep the DEFAULT the domain should have and remove the other", token);
                defaultText = DefaultExpression("domain " + name);
            }
            else if (_c.TryWords("NOT", "NULL"))
            {
                if (nullWritten) throw DomainClauseConflict(name, "NOT NULL after NULL", "conflicting NULL/NOT NULL constraints", "Keep one of them", token);
                notNull = true;
            }
            else if (_c.TryWord("NULL"))
            {
                if (notNull) throw DomainClauseConflict(name, "NULL after NOT NULL", "conflicting NULL/NOT NULL constraints", "Keep one of them", token);
                nullWritten = true;
            }
            else if (_c.TryWord("COLLATE"))
            {
                _c.QualifiedName();
            }
            else if (_c.IsWord("CHECK"))
            {
                checks.Add(new ConstraintSpec(constraintName is null ? token : constraintAt, constraintName, ConstraintKind.Check, [], CheckClause()));
            }
            else
            {
                throw _c.Error("expected DEFAULT, NOT NULL, NULL, CHECK or CONSTRAINT in the domain definition");
            }

            constraintName = null;
        }

        return new CreateDomainStatement(at, name, type, defaultText, notNull, checks);
    }

    // PostgreSQL takes a repeated NULL or NOT NULL, but refuses both, or two defaults (42601).
    private static SqlParseException DomainClauseConflict(QualifiedName domain, string what, string serverMessage, string fix, SqlToken at)
        => new(DiagnosticCodes.SyntaxError, $"PostgreSQL refuses {what} in CREATE DOMAIN {domain} (42601, {serverMessage}). {fix}", at);

    private SqlStatement? AlterDomain(SqlToken at)
    {
        var name = _c.QualifiedName();
        var actionAt = _c.Current;
        AlterAction action;
        if (_c.TryWord("SET"))
        {
            if (_c.TryWord("DEFAULT")) action = new SetDefaultAction(actionAt, null, DefaultExpression());
            else if (_c.TryWords("NOT", "NULL")) action = new SetNotNullAction(actionAt, null, true);
            else if (_c.TryWord("SCHEMA"))
            {
                var schema = _c.Identifier();
                _c.ExpectEnd();
                return new RenameTypeStatement(at, name, name with { Schema = schema }, IsDomain: true);
            }
            else throw _c.Error("expected DEFAULT, NOT NULL or SCHEMA after SET");
        }
        else if (_c.TryWord("DROP"))
        {
            if (_c.TryWord("DEFAULT")) action = new SetDefaultAction(actionAt, null, null);
            else if (_c.TryWords("NOT", "NULL")) action = new SetNotNullAction(actionAt, null, false);
            else if (_c.TryWord("CONSTRAINT"))
            {
                var ifExists = IfExists();
                action = new DropConstraintAction(actionAt, _c.Identifier(), ifExists, null);
                DropBehaviour();
            }
            else throw _c.Error("expected DEFAULT, NOT NULL or CONSTRAINT after DROP");
        }
        else if (_c.TryWord("ADD"))
        {
            string? constraintName = null;
            if (_c.TryWord("CONSTRAINT")) constraintName = _c.Identifier();
            if (!_c.IsWord("CHECK")) throw _c.Error("expected CHECK");
            action = new AddConstraintAction(actionAt, new ConstraintSpec(actionAt, constraintName, ConstraintKind.Check, [], CheckClause()));
            // CheckClause reads a NOT VALID after the expression; it ends the statement here.
            var notValid = _c.Position >= 2 && IsWordAt(_c.Tokens[_c.Position - 1], "VALID") && IsWordAt(_c.Tokens[_c.Position - 2], "NOT");
            if (notValid) action = (AddConstraintAction)action with { NotValid = true };
        }
        else if (_c.TryWord("RENAME"))
        {
            if (_c.TryWord("CONSTRAINT"))
            {
                var from = _c.Identifier();
                _c.ExpectWord("TO");
                action = new RenameConstraintAction(actionAt, from, _c.Identifier());
            }
            else
            {
                _c.ExpectWord("TO");
                var newName = _c.Identifier();
                _c.ExpectEnd();
                return new RenameTypeStatement(at, name, name with { Name = newName }, IsDomain: true);
            }
        }
        else if (_c.TryWords("VALIDATE", "CONSTRAINT"))
        {
            action = new ValidateConstraintAction(actionAt, _c.Identifier());
        }
        else if (_c.IsWord("OWNER"))
        {
            return null;
        }
        else
        {
            throw _c.Error("expected SET, DROP, ADD, RENAME, VALIDATE or OWNER");
        }

        _c.ExpectEnd();
        return new AlterDomainStatement(at, name, action);
    }

    /// <summary>Reads a data type and normalises it for the dialect.</summary>
    private TypeSpec DataType()
    {
        if (!_c.IsIdentifier) throw _c.Error("expected a data type");
        if (_mySql) return MySqlDataType();

        if (QuotedBuiltinType() is { } quoted) return quoted;
        if (_c.IsWord("pg_catalog") && _c.IsSymbol('.', 1) && _c.Peek(2) is { Kind: SqlTokenKind.QuotedIdentifier } inCatalog && SqlTokenText.Unquote(_c.Source, inCatalog) == "char")
        {
            _c.Next();
            _c.Next();
            return QuotedChar();
        }

        // A quoted or schema-qualified name is a user type; so is any word that is not built in.
        if (_c.Current.Kind == SqlTokenKind.QuotedIdentifier || _c.IsSymbol('.', 1))
        {
            var qualified = _c.IsSymbol('.', 1);
            var userName = _c.QualifiedName();
            return UserType(userName, TypeModifier()) with { IsQualified = qualified };
        }

        var wordToken = _c.Next();

        var word = NamePool.Get(_c.Source.AsSpan(wordToken.Start, wordToken.Length), lower: true);
        string name = word;
        switch (word)
        {
            case "double":
                _c.ExpectWord("PRECISION");
                name = "double precision";
                break;
            case "national":
                name = _c.TryWord("CHARACTER") ? "national character" : _c.TryWord("CHAR") ? "national char" : throw _c.Error("expected CHARACTER");
                if (_c.TryWord("VARYING")) name += " varying";
                break;
            case "character" or "char" or "bit":
                if (_c.TryWord("VARYING")) name = word + " varying";
                break;
        }

        if (!TypeNames.IsPostgresBuiltin(name))
        {
            var modifier = TypeModifier();
            return UserType(new QualifiedName(_rules.DefaultSchema, PostgresNames.Truncate(_rules.FoldUnquoted(word))), modifier);
        }

        string? arguments = null;
        string? suffix = null;
        if (name == "interval")
        {
            suffix = IntervalFields();
        }

        if (_c.IsSymbol('(')) arguments = TypeArguments();
        if (name == "bit" && arguments is null) arguments = "1"; // The keyword BIT alone is bit(1); the quoted name "bit" is not.
        var timeZone = false;
        if (name is "timestamp" or "time")
        {
            if (_c.TryWord("WITH"))
            {
                _c.ExpectWord("TIME");
                _c.ExpectWord("ZONE");
                timeZone = true;
            }
            else if (_c.TryWord("WITHOUT"))
            {
                _c.ExpectWord("TIME");
                _c.ExpectWord("ZONE");
            }
        }

        var isArray = ArraySuffix();
        var text = TypeNames.Normalise(SqlDialect.Postgres, name, arguments, timeZone, suffix);
        return new TypeSpec(NamePool.Get(isArray ? text + "[]" : text), null, isArray, null, TypeNames.IsPostgresSerial(name));
    }

    /// <summary>
    /// A built-in type written as its quoted <c>pg_type</c> name (<c>"int4"</c>, <c>"varchar"(5)</c>):
    /// the same type as the unquoted spelling, without the grammar's keyword rules (so
    /// <c>"bit"</c> has no length and <c>"char"</c> is the one-byte type, kept as written).
    /// </summary>
    private TypeSpec? QuotedBuiltinType()
    {
        if (_c.Current.Kind != SqlTokenKind.QuotedIdentifier || _c.IsSymbol('.', 1)) return null;
        var name = SqlTokenText.Unquote(_c.Source, _c.Current);
        if (name == "char") return QuotedChar();
        if (!PostgresBuiltinTypes.IsStoredName(name) || !TypeNames.IsPostgresBuiltin(name)) return null;
        _c.Next();
        var arguments = _c.IsSymbol('(') ? TypeArguments() : null;
        var isArray = ArraySuffix();
        var text = TypeNames.Normalise(SqlDialect.Postgres, name, arguments, timeZone: false, suffix: null);
        return new TypeSpec(isArray ? text + "[]" : text, null, isArray, null, IsSerial: false);
    }

    /// <summary>
    /// <c>"char"</c>, the one-byte internal type, which format_type shows quoted to keep it apart
    /// from <c>char</c> (<c>character(1)</c>); it takes no modifier (42601, checked on PostgreSQL 15).
    /// </summary>
    private TypeSpec QuotedChar()
    {
        var at = _c.Next();
        if (_c.IsSymbol('(')) throw new SqlParseException(DiagnosticCodes.SyntaxError, "PostgreSQL refuses a length for \"char\" (42601, type modifier is not allowed for type \"char\"): it is the one-byte internal type. Write char(n) or character(n) for a fixed-length string, or \"char\" alone", at);
        var isArray = ArraySuffix();
        return new TypeSpec(isArray ? TypeNames.PostgresInternalChar + "[]" : TypeNames.PostgresInternalChar, null, isArray, null, IsSerial: false);
    }

    private TypeSpec UserType(QualifiedName name, string? modifier = null)
    {
        var isArray = ArraySuffix();
        var text = _rules.Quote(name) + modifier;
        return new TypeSpec(isArray ? text + "[]" : text, name, isArray, null, false);
    }

    // An extension type's modifier: one number (pgvector's vector(384)) is shown by the server as
    // written; any other form is the extension's own to print (PostGIS's geometry(Point,4326)), so
    // it is left out rather than guessed.
    private string? TypeModifier()
    {
        if (!_c.IsSymbol('(')) return null;
        var (start, end) = _c.Parenthesised();
        return end - start == 1 && _c.Tokens[start].Kind == SqlTokenKind.Number ? $"({SqlTokenText.Raw(_c.Source, _c.Tokens[start])})" : null;
    }

    private string? IntervalFields()
    {
        string? fields = null;
        while (_c.IsWord("YEAR") || _c.IsWord("MONTH") || _c.IsWord("DAY") || _c.IsWord("HOUR") || _c.IsWord("MINUTE") || _c.IsWord("SECOND") || _c.IsWord("TO"))
        {
            var wordToken = _c.Next();
            var word = NamePool.Get(_c.Source.AsSpan(wordToken.Start, wordToken.Length), lower: true);
            fields = fields is null ? word : fields + " " + word;
        }

        return fields;
    }

    /// <summary>Reads <c>(10, 2)</c> as <c>10,2</c>.</summary>
    private string TypeArguments()
    {
        var (start, end) = _c.Parenthesised();
        if (end - start == 1 && _c.Tokens[start].Kind == SqlTokenKind.Number) return SqlTokenText.Raw(_c.Source, _c.Tokens[start]); // varchar(255)
        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var token = _c.Tokens[i];
            if (SqlTokenText.IsSymbol(_c.Source, token, ',')) builder.Append(',');
            else if (token.Kind == SqlTokenKind.String) builder.Append(_rules.QuoteString(SqlTokenText.Unquote(_c.Source, token)));
            else builder.Append(_c.Source, token.Start, token.Length);
        }

        return builder.ToString().ToLowerInvariant();
    }

    /// <summary>Reads <c>[]</c>, <c>[3]</c> (repeated) or <c>ARRAY[3]</c>; PostgreSQL ignores the sizes.</summary>
    private bool ArraySuffix()
    {
        var isArray = false;
        if (_c.TryWord("ARRAY"))
        {
            isArray = true;
            if (_c.TrySymbol('['))
            {
                if (!_c.IsSymbol(']')) _c.Next();
                _c.ExpectSymbol(']');
            }
        }

        while (_c.TrySymbol('['))
        {
            isArray = true;
            if (!_c.IsSymbol(']')) _c.Next();
            _c.ExpectSymbol(']');
        }

        return isArray;
    }

    // Under ANSI_QUOTES (SessionReading) "a" is a name, and the server refuses a name where an
    // ENUM or SET value is due (error 1064, checked on MariaDB 10.11).
    private void RefuseQuotedNameAsValue(string word)
    {
        if (_c.Current.Kind != SqlTokenKind.QuotedIdentifier || _c.Source[_c.Current.Start] != '"') return;
        throw new SqlParseException(
            DiagnosticCodes.SyntaxError,
            $"Under the sql_mode ANSI_QUOTES set before it, {SqlTokenText.ForMessage(_c.Source, _c.Current)} is a name, not a string, and the server refuses a name among the values of an {word.ToUpperInvariant()} (error 1064, a syntax error). Write the value in single quotes",
            _c.Current);
    }

    // Under ANSI_QUOTES "x" is a name, and a COMMENT (a column's, a table's) takes only a string:
    // the server refuses the statement (error 1064, checked on MariaDB 10.11), while the engine,
    // reading past the value, would take it. Call at the word COMMENT; reads nothing.
    private void RefuseQuotedNameAsComment()
    {
        if (!_mySql || !_c.IsWord("COMMENT")) return;
        var value = _c.Peek(_c.IsSymbol('=', 1) ? 2 : 1);
        if (value.Kind != SqlTokenKind.QuotedIdentifier || _c.Source[value.Start] != '"') return;
        throw new SqlParseException(
            DiagnosticCodes.SyntaxError,
            $"Under the sql_mode ANSI_QUOTES set before it, {SqlTokenText.ForMessage(_c.Source, value)} is a name, not a string, and the server refuses a name as a COMMENT (error 1064, a syntax error). Write the comment in single quotes",
            value);
    }

    private TypeSpec MySqlDataType()
    {
        var typeToken = _c.Current;
        var wordToken = _c.Next();
        var word = NamePool.Get(_c.Source.AsSpan(wordToken.Start, wordToken.Length), lower: true);
        if (word is "enum" or "set")
        {
            _c.ExpectSymbol('(');
            var values = ImmutableArray.CreateBuilder<string>();
            do
            {
                RefuseQuotedNameAsValue(word);

                // MySQL removes trailing spaces from ENUM and SET values when the table is created.
                values.Add(_c.StringLiteral().TrimEnd(' '));
            }
            while (_c.TrySymbol(','));
            _c.ExpectSymbol(')');
            var list = values.ToImmutable();
            var kind = word == "enum" ? InlineValueKind.Enum : InlineValueKind.Set;
            var text = word + "(" + string.Join(",", list.Select(_rules.QuoteString)) + ")";
            return new TypeSpec(text, null, false, new InlineValueList(kind, list), false);
        }

        var name = word;
        switch (word)
        {
            case "double":
                if (_c.TryWord("PRECISION")) name = "double precision";
                break;
            case "national":
                name = _c.TryWord("CHARACTER") ? "national character" : _c.TryWord("CHAR") ? "national char" : _c.TryWord("VARCHAR") ? "national varchar" : throw _c.Error("expected CHAR or VARCHAR");
                if (_c.TryWord("VARYING")) name += " varying";
                break;
            case "character" or "char":
                if (_c.TryWord("VARYING")) name = word + " varying";
                break;
            case "long":
                if (_c.TryWord("VARCHAR")) name = "long varchar";
                else if (_c.TryWord("VARBINARY")) name = "long varbinary";
                break;
        }

        if (typeToken.Kind != SqlTokenKind.Word || !MySqlBuiltinTypes.Contains(name)) throw UnknownMySqlType(typeToken);
        if (name == "serial")
        {
            // An alias for BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE; the column definition adds the rest.
            return new TypeSpec(NamePool.Get(TypeNames.Normalise(_rules.Dialect, "bigint", null, false, "unsigned")), null, false, null, false) { ImpliesUniqueNotNull = true };
        }

        string? arguments = _c.IsSymbol('(') ? TypeArguments() : null;
        string? suffix = null;
        while (_c.IsWord("UNSIGNED") || _c.IsWord("SIGNED") || _c.IsWord("ZEROFILL"))
        {
            var flag = SqlTokenText.Raw(_c.Source, _c.Next()).ToLowerInvariant();
            if (flag != "signed") suffix = suffix is null ? flag : suffix + " " + flag;
        }

        // NATIONAL types are in the charset both servers predefine for them.
        var implied = name.StartsWith("national", StringComparison.Ordinal) || name is "nchar" or "nvarchar" ? "utf8mb3" : null;
        return new TypeSpec(NamePool.Get(TypeNames.Normalise(_rules.Dialect, name, arguments, false, suffix)), null, false, null, false) { ImpliedCharset = implied };
    }

    // MySQL and MariaDB have no user-defined types: the server refuses any other name.
    private SqlParseException UnknownMySqlType(SqlToken token)
    {
        var written = token.Kind == SqlTokenKind.Word ? SqlTokenText.Raw(_c.Source, token) : SqlTokenText.ForMessage(_c.Source, token);
        var similar = Diagnostics.SimilarNames.Suggest(written.ToLowerInvariant(), MySqlBuiltinTypes.All);
        var hint = similar.Count > 0 ? $" Did you mean {string.Join(" or ", similar)}?" : string.Empty;
        return new SqlParseException(
            Diagnostics.DiagnosticCodes.UnknownType,
            $"{written} is not a MySQL or MariaDB data type (neither has user-defined types), so the server would refuse the column.{hint} Fix the type name",
            token);
    }
}
