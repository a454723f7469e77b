using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's indexes are not constraints and do not shape what the schema accepts, except that
// ADD CONSTRAINT ... PRIMARY KEY / UNIQUE USING INDEX makes one into a constraint, taking its
// columns (and, for a primary key, making them NOT NULL). So a named unique index is kept with
// its columns, any other index by its name only (an existence test on pg_class asks for it),
// ALTER INDEX ... RENAME renames it (or the constraint an index belongs to, which the server
// renames with it), and DROP INDEX forgets it. None of these statements is ever refused: a form
// not read here leaves the index's name unknown, and only a USING INDEX over an index not kept
// says it cannot tell.
internal sealed partial class DdlParser
{
    /// <summary>
    /// <c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING method]
    /// (elements) ...</c>: a named unique B-tree index on plain columns is kept for <c>USING INDEX</c>
    /// (<see cref="CreateUniqueIndexStatement"/>), any other only by name (<see cref="CreateIndexStatement"/>).
    /// </summary>
    private SqlStatement? CreatePostgresIndex(SqlToken at)
    {
        var unique = _c.TryWord("UNIQUE");
        _c.ExpectWord("INDEX");
        _c.TryWord("CONCURRENTLY");
        string? name = null;
        QualifiedName table;
        bool ifNotExists;
        bool only;
        try
        {
            ifNotExists = IfNotExists();
            if (!_c.IsWord("ON")) name = _c.Identifier();
            _c.ExpectWord("ON");
            only = _c.TryWord("ONLY");
            table = TableName();
        }
        catch (SqlParseException)
        {
            return new UnreadRelationStatement(at, null, IndexOnly: true); // The server refuses it, or it makes an index the engine cannot name.
        }

        try
        {
            // A constraint can be made only from a B-tree index on plain columns in their default
            // order, without a WHERE clause (PostgreSQL refuses any other).
            var usable = unique && name is not null;
            if (_c.TryWord("USING")) usable &= _c.Next() is var method && SqlTokenText.IsWord(_c.Source, method, "btree");
            var mentionedFrom = _c.Position;
            _c.ExpectSymbol('(');
            var columns = new List<string>();
            var nameParts = new List<string>();
            var operatorClasses = new List<(string, SqlToken)>();
            var elements = new List<PartitionKeyPart>();
            var plainParts = true;
            do
            {
                if (_c.IsIdentifier && (_c.IsSymbol(',', 1) || _c.IsSymbol(')', 1) || (_c.IsWord("ASC", 1) && (_c.IsSymbol(',', 2) || _c.IsSymbol(')', 2)))))
                {
                    var column = PostgresNames.Stored(_rules, _c.Identifier());
                    columns.Add(column);
                    nameParts.Add(column);
                    elements.Add(new PartitionKeyPart(column, false));
                    _c.TryWord("ASC");
                }
                else
                {
                    usable = false;

                    // Ordering and operator classes do not change the generated name; an expression does.
                    var plain = _c.IsIdentifier && _c.Peek(1).Kind == SqlTokenKind.Word;
                    var element = _c.Position;

                    // A column with an ordering is the column; with COLLATE or an operator class, qualified.
                    var ordered = _c.IsWord("ASC", 1) || _c.IsWord("DESC", 1) || _c.IsWord("NULLS", 1);
                    elements.Add(new PartitionKeyPart(plain ? PostgresNames.Stored(_rules, _rules.Name(_c.Source, _c.Current)) : null, plain && !ordered));
                    if (plain) nameParts.Add(PostgresNames.Stored(_rules, _c.Identifier()));
                    plainParts &= plain;
                    _c.SkipToListEnd();
                    if (OperatorClassOf(element, _c.Position) is { } operatorClass) operatorClasses.Add(operatorClass);
                }
            }
            while (_c.TrySymbol(','));
            _c.ExpectSymbol(')');
            if (_c.TryWord("INCLUDE"))
            {
                usable = false;
                _c.ExpectSymbol('(');
                do
                {
                    nameParts.Add(PostgresNames.Stored(_rules, _c.Identifier()));
                }
                while (_c.TrySymbol(','));
                _c.ExpectSymbol(')');
            }

            while (!_c.AtEnd)
            {
                if (_c.TryWord("WHERE")) usable = false;
                else _c.Next();
            }

            var uniqueElements = unique ? elements : null;
            if (usable) return new CreateUniqueIndexStatement(at, table, name!, columns) { Only = only, UniqueElements = uniqueElements, IfNotExists = ifNotExists };
            return new CreateIndexStatement(at, table, name, Mentioned(mentionedFrom), plainParts ? nameParts : null, ifNotExists) { OperatorClasses = operatorClasses, Only = only, UniqueElements = uniqueElements };
        }
        catch (SqlParseException)
        {
            return name is null ? new UnreadRelationStatement(at, table.Schema, IndexOnly: true) : new CreateIndexStatement(at, table, name, Mentioned(_c.Position), null, ifNotExists);
        }
    }

    // An index element: column, function call or (expression), then [COLLATE name] [opclass
    // [(parameters)]] [ASC | DESC] [NULLS FIRST | LAST]. The operator class's last name part, if any.
    private (string, SqlToken)? OperatorClassOf(int start, int end)
    {
        var depth = 0;
        var first = true;
        for (var i = start; i < end; i++)
        {
            var token = _c.Tokens[i];
            if (SqlTokenText.IsSymbol(_c.Source, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(_c.Source, token, ')')) depth--;
            if (depth > 0 || SqlTokenText.IsSymbol(_c.Source, token, ')'))
            {
                first = false;
                continue;
            }

            if (first)
            {
                // The column's or function's name, possibly qualified.
                first = false;
                while (i + 2 < end && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '.')) i += 2;
                continue;
            }

            if (SqlTokenText.IsWord(_c.Source, token, "COLLATE"))
            {
                i++; // The collation's name, possibly qualified.
                while (i + 2 < end && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '.')) i += 2;
                continue;
            }

            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (SqlTokenText.IsWord(_c.Source, token, "ASC") || SqlTokenText.IsWord(_c.Source, token, "DESC") || SqlTokenText.IsWord(_c.Source, token, "NULLS")) return null;
            while (i + 2 < end && SqlTokenText.IsSymbol(_c.Source, _c.Tokens[i + 1], '.')) i += 2;
            return (_rules.Name(_c.Source, _c.Tokens[i]), _c.Tokens[i]);
        }

        return null;
    }

    // Every name from a position to the end of the statement, as a column name is stored: the
    // columns an index depends on are among them.
    private List<string> Mentioned(int from)
    {
        var names = new List<string>();
        for (var i = from; i < _c.End; i++)
        {
            var token = _c.Tokens[i];
            if (token.Kind == SqlTokenKind.Word) names.Add(PostgresNames.Stored(_rules, _c.Source.Substring(token.Start, token.Length).ToLowerInvariant()));
            else if (token.Kind == SqlTokenKind.QuotedIdentifier) names.Add(PostgresNames.Stored(_rules, SqlTokenText.Unquote(_c.Source, token)));
        }

        return names;
    }

    /// <summary><c>ALTER INDEX [IF EXISTS] name RENAME TO new_name</c>; <see langword="null"/> for any other form.</summary>
    private SqlStatement? RenamePostgresIndex(SqlToken at)
    {
        try
        {
            IfExists();
            var name = _c.QualifiedName();
            if (!_c.TryWord("RENAME") || !_c.TryWord("TO")) return null;
            var to = _c.Identifier();
            return _c.AtEnd ? new RenameIndexStatement(at, name, to) : null;
        }
        catch (SqlParseException)
        {
            return null;
        }
    }

    /// <summary><c>DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]</c>; <see langword="null"/> for any other form.</summary>
    private SqlStatement? DropPostgresIndex(SqlToken at)
    {
        try
        {
            _c.TryWord("CONCURRENTLY");
            IfExists();
            var names = new List<QualifiedName>();
            do
            {
                names.Add(_c.QualifiedName());
            }
            while (_c.TrySymbol(','));
            return new DropIndexStatement(at, names) { Cascade = DropBehaviour() };
        }
        catch (SqlParseException)
        {
            return null;
        }
    }
}
