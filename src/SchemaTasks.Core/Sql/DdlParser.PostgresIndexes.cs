using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's indexes are not constraints and do not shape what the schema accepts, except that
// ADD CONSTRAINT ... PRIMARY KEY / UNIQUE USING INDEX makes one into a constraint, taking its
// columns (and, for a primary key, making them NOT NULL). So a named unique index is kept with
// its columns, ALTER INDEX ... RENAME renames it (or the constraint an index belongs to, which the
// server renames with it), and DROP INDEX forgets it. None of these statements is ever reported:
// a form not read here changes nothing, and only a USING INDEX over an index not kept says it
// cannot tell.
internal sealed partial class DdlParser
{
    /// <summary>
    /// <c>CREATE UNIQUE INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON [ONLY] table [USING method]
    /// (elements) ...</c>; <see langword="null"/> for any other form.
    /// </summary>
    private SqlStatement? CreatePostgresUniqueIndex(SqlToken at)
    {
        try
        {
            _c.ExpectWord("UNIQUE");
            _c.ExpectWord("INDEX");
            _c.TryWord("CONCURRENTLY");
            IfNotExists();
            if (_c.IsWord("ON")) return null; // Unnamed: the server makes up a name no USING INDEX can have been written with.
            var name = _c.Identifier();
            _c.ExpectWord("ON");
            _c.TryWord("ONLY");
            var table = TableName();

            // A constraint can be made only from a B-tree index on plain columns in their default
            // order, without a WHERE clause (PostgreSQL refuses any other).
            var usable = true;
            if (_c.TryWord("USING")) usable = _c.Next() is var method && SqlTokenText.IsWord(_c.Source, method, "btree");
            _c.ExpectSymbol('(');
            var columns = new List<string>();
            do
            {
                if (_c.IsIdentifier && (_c.IsSymbol(',', 1) || _c.IsSymbol(')', 1) || (_c.IsWord("ASC", 1) && (_c.IsSymbol(',', 2) || _c.IsSymbol(')', 2)))))
                {
                    columns.Add(PostgresNames.Stored(_rules, _c.Identifier()));
                    _c.TryWord("ASC");
                }
                else
                {
                    usable = false;
                    _c.SkipToListEnd();
                }
            }
            while (_c.TrySymbol(','));
            _c.ExpectSymbol(')');
            while (!_c.AtEnd)
            {
                if (_c.TryWord("WHERE")) usable = false;
                else _c.Next();
            }

            return new CreateUniqueIndexStatement(at, table, name, usable ? columns : null);
        }
        catch (SqlParseException)
        {
            return null;
        }
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
