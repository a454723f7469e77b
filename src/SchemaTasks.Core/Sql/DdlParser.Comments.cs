using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's COMMENT ON, read only for the tables, columns and constraints it names: the server
// refuses a comment on one that does not exist, and the migration stops there.
internal sealed partial class DdlParser
{
    /// <summary>
    /// <c>COMMENT ON TABLE t | COLUMN t.c | CONSTRAINT k ON t IS ...</c> (after COMMENT);
    /// <see langword="null"/> for a comment on anything else, or written in a form not read here,
    /// which the server judges without the engine.
    /// </summary>
    private SqlStatement? CommentOn(SqlToken at)
    {
        if (!_c.TryWord("ON")) return null;
        if (_c.TryWord("TABLE"))
        {
            var tableAt = _c.Current;
            if (DottedName(maxParts: 3) is not { } parts) return null;
            var table = TableOf(parts, parts.Count);
            return IsClause() ? new CommentOnStatement(at, CommentTarget.Table, table, tableAt, null, tableAt) : null;
        }

        if (_c.TryWord("COLUMN"))
        {
            // relation.column, schema.relation.column or database.schema.relation.column; a bare
            // column the server refuses as unqualified (42601), which is not this check's to say.
            var tableAt = _c.Current;
            if (DottedName(maxParts: 4) is not { Count: >= 2 } parts) return null;
            var columnAt = _c.Tokens[_c.Position - 1];
            var table = TableOf(parts, parts.Count - 1);
            return IsClause() ? new CommentOnStatement(at, CommentTarget.Column, table, tableAt, parts[^1], columnAt) : null;
        }

        if (_c.TryWord("CONSTRAINT"))
        {
            if (!_c.IsIdentifier) return null;
            var constraintAt = _c.Current;
            var constraint = _c.Identifier();
            if (!_c.TryWord("ON") || _c.IsWord("DOMAIN")) return null;
            var tableAt = _c.Current;
            if (DottedName(maxParts: 3) is not { } parts) return null;
            var table = TableOf(parts, parts.Count);
            return IsClause() ? new CommentOnStatement(at, CommentTarget.Constraint, table, tableAt, constraint, constraintAt) : null;
        }

        return null;
    }

    // name[.name...]: up to maxParts identifiers; null when it is not one.
    private List<string>? DottedName(int maxParts)
    {
        var parts = new List<string>(maxParts);
        while (true)
        {
            if (!_c.IsIdentifier) return null;
            parts.Add(_c.Identifier());
            if (!_c.IsSymbol('.')) return parts;
            if (parts.Count == maxParts) return null;
            _c.Next();
        }
    }

    // The table of the first `count` parts: [database.]schema.table or an unqualified table.
    private QualifiedName TableOf(List<string> parts, int count)
    {
        if (count == 1)
        {
            var name = new QualifiedName(_rules.DefaultSchema, parts[0]);
            (_unqualifiedTables ??= []).Add(name);
            return name;
        }

        return new QualifiedName(parts[count - 2], parts[count - 1]); // A database part is the connection's own.
    }

    // IS 'text' | IS NULL: the text is the server's to read.
    private bool IsClause() => _c.TryWord("IS") && !_c.AtEnd;
}
