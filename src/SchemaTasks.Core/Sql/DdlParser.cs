using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

/// <summary>
/// Recursive-descent parser for the statements that shape tracked objects. Statements it does
/// not model (functions, triggers, DO blocks, grants, data) are recognised by their
/// first words and skipped; a tracked statement that does not parse raises
/// <see cref="SqlParseException"/>, which the caller turns into a located error.
/// </summary>
internal sealed partial class DdlParser
{
    private readonly TokenCursor _c;
    private readonly IdentifierRules _rules;
    private readonly bool _mySql;
    private DoubleQuotedName? _defaultName; // The last DEFAULT read, when it is one double-quoted name (MySQL's ANSI_QUOTES).
    private bool _doubleQuotedNames; // Whether a DEFAULT or CHECK read so far holds one.

    private DdlParser(TokenCursor cursor)
    {
        _c = cursor;
        _rules = cursor.Rules;
        _mySql = _rules.Dialect.IsMySqlFamily();
    }

    /// <summary>
    /// Parses one statement. Returns <see langword="null"/> for statements that do not shape
    /// tracked objects.
    /// </summary>
    /// <exception cref="SqlParseException">A tracked statement that cannot be parsed or is not supported.</exception>
    public static SqlStatement? Parse(string source, List<SqlToken> tokens, SqlStatementRange range, IdentifierRules rules)
    {
        var cursor = new TokenCursor(source, tokens, range, rules);
        var parser = new DdlParser(cursor);
        var statement = parser.Statement();
        if (rules.Dialect == SqlDialect.MariaDb)
        {
            MariaDbJsonArrows.Refuse(source, tokens, range, tracked: statement is not null);
            MariaDbCasts.RefuseJsonCast(source, tokens, range, tracked: statement is not null);
        }

        if (statement is null) return null;
        if (cursor.Truncated is { } truncated) statement = statement with { TruncatedNames = truncated };
        if (parser._doubleQuotedNames) statement = statement with { HasDoubleQuotedNames = true };
        if (parser._unqualifiedTables is { } unqualified) statement.UnqualifiedTables = unqualified;
        return statement;
    }

    private SqlStatement? Statement()
    {
        var at = _c.Current;
        if (_c.TryWord("CREATE")) return Create(at);
        if (_c.TryWord("ALTER")) return Alter(at);
        if (_c.TryWord("DROP")) return Drop(at);
        if (!_mySql && _c.TryWord("COMMENT")) return CommentOn(at);
        if (!_mySql && (_c.IsWord("SELECT") || _c.IsWord("WITH") || _c.IsSymbol('('))) return SelectInto(at);
        if (_mySql && _c.IsWord("RENAME") && _c.IsWord("TABLE", 1))
        {
            _c.Next();
            _c.Next();
            return RenameTables(at);
        }

        return null;
    }

    private SqlStatement? Create(SqlToken at)
    {
        var orReplace = _c.TryWords("OR", "REPLACE");
        if (_mySql)
        {
            if (_c.TryWord("TEMPORARY")) return CreateTemporaryTable(at);
            if (IsMySqlIndexStart()) return CreateMySqlIndex(at, orReplace);
            if (_c.TryWord("TABLE")) return CreateTable(at, orReplace);
            return IsMySqlViewStart() ? CreateMySqlView(at, alter: false, orReplace) : Untracked("CREATE");
        }

        if (_c.IsWord("TRIGGER") || (_c.IsWord("CONSTRAINT") && _c.IsWord("TRIGGER", 1))) return CreateTrigger(at, orReplace);
        if (_c.IsWord("GLOBAL") || _c.IsWord("LOCAL")) _c.Next();
        if (_c.TryWord("TEMP") || _c.TryWord("TEMPORARY")) return IsNamedRelationStart() ? CreateNamedRelation(at, temporary: true, orReplace) : CreateTemporaryTable(at);
        if (IsNamedRelationStart()) return CreateNamedRelation(at, temporary: false, orReplace);
        _c.TryWord("UNLOGGED");
        if (_c.TryWord("TABLE")) return CreateTable(at, orReplace);
        if (_c.TryWord("SCHEMA")) return CreateSchema(at);
        if (_c.TryWord("TYPE")) return CreateType(at);
        if (_c.TryWord("DOMAIN")) return CreateDomain(at);
        if (_c.TryWord("EXTENSION")) return CreateExtension(at);
        if ((_c.IsWord("UNIQUE") && _c.IsWord("INDEX", 1)) || _c.IsWord("INDEX")) return CreatePostgresIndex(at);
        if (_c.TryWord("POLICY")) return CreatePolicy(at);
        return Untracked("CREATE");
    }

    private SqlStatement? Alter(SqlToken at)
    {
        if (_mySql)
        {
            _c.TryWord("ONLINE");
            _c.TryWord("IGNORE");
            if (_c.TryWord("TABLE")) return AlterTable(at);
            return IsMySqlViewStart() ? CreateMySqlView(at, alter: true, orReplace: false) : Untracked("ALTER");
        }

        if (_c.TryWord("TABLE")) return AlterTable(at);
        if (_c.TryWord("TYPE")) return AlterType(at);
        if (_c.TryWord("DOMAIN")) return AlterDomain(at);
        if (_c.TryWord("SCHEMA")) return AlterSchema(at);
        if (_c.TryWord("EXTENSION")) return AlterExtension(at);
        if (_c.TryWord("INDEX")) return RenamePostgresIndex(at);
        if (_c.TryWord("SEQUENCE")) return AlterSequence(at);
        if (_c.TryWord("VIEW") || _c.TryWords("MATERIALIZED", "VIEW") || _c.TryWords("FOREIGN", "TABLE")) return AlterNamedRelation(at);
        if (_c.TryWord("POLICY")) return AlterPolicy(at);
        if (_c.TryWord("TRIGGER")) return AlterTrigger(at);
        if (_c.TryWord("FUNCTION") || _c.TryWord("ROUTINE")) return AlterRoutine(at);
        if (!_mySql && _c.TryWord("AGGREGATE")) return new AlterAggregateStatement(at);
        return Untracked("ALTER");
    }

    private SqlStatement? Drop(SqlToken at)
    {
        if (_mySql)
        {
            if (_c.TryWords("TEMPORARY", "TABLE")) return ((DropTableStatement)DropTable(at)) with { Temporary = true };
            if (_c.TryWord("INDEX")) return DropMySqlIndex(at);
            if (_c.TryWord("TABLE")) return DropTable(at);
            return _c.TryWord("VIEW") ? DropMySqlView(at) : Untracked("DROP");
        }

        if (_c.TryWord("TABLE")) return DropTable(at);
        if (_c.TryWord("TYPE")) return DropType(at, isDomain: false);
        if (_c.TryWord("DOMAIN")) return DropType(at, isDomain: true);
        if (_c.TryWord("SCHEMA")) return DropSchema(at);
        if (_c.TryWord("EXTENSION")) return DropExtension(at);
        if (_c.TryWord("INDEX")) return DropPostgresIndex(at);
        if (_c.TryWord("SEQUENCE")) return DropSequence(at);
        if (_c.TryWord("VIEW") || _c.TryWords("MATERIALIZED", "VIEW") || _c.TryWords("FOREIGN", "TABLE")) return DropNamedRelation(at);
        if (_c.TryWord("POLICY")) return DropPolicy(at);
        if (_c.TryWord("TRIGGER")) return DropTrigger(at);
        if (_c.IsWord("FUNCTION") || _c.IsWord("PROCEDURE") || _c.IsWord("ROUTINE") || _c.IsWord("AGGREGATE") || _c.IsWord("OPERATOR")) return DropRoutines(at);
        return Untracked("DROP");
    }

    // A kind of object this dialect's server does not take (a typo such as CREATE TABLEE) fails
    // the statement there; any other kind is one SchemaTasks does not track.
    private SqlStatement? Untracked(string verb)
        => _c.AtEnd || StatementWords.IsObjectKind(_c.Source, _c.Current, _rules.Dialect)
            ? null
            : throw _c.Error($"expected a kind of object after {verb} (TABLE, TYPE, INDEX, VIEW, FUNCTION, ...)");

    private bool IfNotExists()
    {
        if (!_c.IsWord("IF")) return false;
        _c.Next();
        _c.ExpectWord("NOT");
        _c.ExpectWord("EXISTS");
        return true;
    }

    private bool IfExists()
    {
        if (!_c.IsWord("IF")) return false;
        _c.Next();
        _c.ExpectWord("EXISTS");
        return true;
    }

    /// <summary>CASCADE / RESTRICT at the end of a DROP; returns whether it cascades.</summary>
    private bool DropBehaviour()
    {
        var cascade = _c.TryWord("CASCADE");
        if (!cascade) _c.TryWord("RESTRICT");
        return cascade;
    }

    private List<QualifiedName> NameList()
    {
        var names = new List<QualifiedName> { TableName() };
        while (_c.TrySymbol(',')) names.Add(TableName());
        return names;
    }

    private SqlStatement CreateSchema(SqlToken at)
    {
        var ifNotExists = IfNotExists();
        string name;
        if (_c.TryWord("AUTHORIZATION"))
        {
            name = _c.Identifier(); // CREATE SCHEMA AUTHORIZATION role names the schema after the role.
        }
        else
        {
            name = _c.Identifier();
            if (_c.TryWord("AUTHORIZATION")) _c.Identifier();
        }

        if (!_c.AtEnd) throw _c.Unsupported($"CREATE SCHEMA {name} with schema elements is not supported; create the objects in separate statements", _c.Current);
        return new CreateSchemaStatement(at, name, ifNotExists);
    }

    private SqlStatement? AlterSchema(SqlToken at)
    {
        var name = _c.Identifier();
        if (_c.TryWord("RENAME"))
        {
            _c.ExpectWord("TO");
            var newName = _c.Identifier();
            _c.ExpectEnd();
            return new RenameSchemaStatement(at, name, newName);
        }

        if (_c.TryWord("OWNER")) return null;
        throw _c.Error("expected RENAME TO or OWNER TO");
    }

    private SqlStatement DropSchema(SqlToken at)
    {
        var ifExists = IfExists();
        var names = new List<string> { _c.Identifier() };
        while (_c.TrySymbol(',')) names.Add(_c.Identifier());
        var cascade = DropBehaviour();
        _c.ExpectEnd();
        return new DropSchemaStatement(at, names, ifExists, cascade);
    }

    private SqlStatement DropTable(SqlToken at)
    {
        var ifExists = IfExists();
        var names = NameList();
        var cascade = DropBehaviour();
        _c.ExpectEnd();
        return new DropTableStatement(at, names, ifExists, cascade);
    }

    private SqlStatement RenameTables(SqlToken at)
    {
        var renames = new List<(QualifiedName, QualifiedName)>();
        do
        {
            var from = TableName();
            _c.ExpectWord("TO");
            renames.Add((from, TableName()));
        }
        while (_c.TrySymbol(','));
        _c.ExpectEnd();
        return new RenameTablesStatement(at, renames);
    }

    private string Render(int start, int end) => ExpressionText.Render(_c.Source, _c.Tokens, start, end, _rules);
}
