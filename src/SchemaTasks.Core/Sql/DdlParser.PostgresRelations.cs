using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's views, materialized views, sequences and foreign tables, read for their names only
// (RelationStatements): only a name already taken is refused, and a name that cannot be read
// leaves the schema's relation names unknown rather than wrong.
internal sealed partial class DdlParser
{
    /// <summary>Whether the words at the cursor (after CREATE [OR REPLACE] [TEMP]) start a relation kept by name.</summary>
    private bool IsNamedRelationStart()
        => _c.IsWord("VIEW") || _c.IsWord("SEQUENCE") || (_c.IsWord("RECURSIVE") && _c.IsWord("VIEW", 1))
           || (_c.IsWord("MATERIALIZED") && _c.IsWord("VIEW", 1)) || (_c.IsWord("FOREIGN") && _c.IsWord("TABLE", 1))
           || (_c.IsWord("UNLOGGED") && _c.IsWord("SEQUENCE", 1));

    /// <summary>
    /// <c>CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW</c>, <c>CREATE MATERIALIZED VIEW</c>,
    /// <c>CREATE [TEMP | UNLOGGED] SEQUENCE</c> and <c>CREATE FOREIGN TABLE</c>, with
    /// <c>IF NOT EXISTS</c> where the server has it.
    /// </summary>
    private SqlStatement CreateNamedRelation(SqlToken at, bool temporary, bool orReplace)
    {
        try
        {
            _c.TryWord("UNLOGGED");
            _c.TryWord("RECURSIVE");
            char kind;
            if (_c.TryWord("VIEW")) kind = 'v';
            else if (_c.TryWords("MATERIALIZED", "VIEW")) kind = 'm';
            else if (_c.TryWord("SEQUENCE")) kind = 'S';
            else if (_c.TryWords("FOREIGN", "TABLE")) kind = 'f';
            else throw _c.Error("expected VIEW, MATERIALIZED VIEW, SEQUENCE or FOREIGN TABLE");
            var ifNotExists = kind != 'v' && IfNotExists();
            var name = _c.QualifiedName();
            if (temporary) name = name with { Schema = RelationNames.TemporarySchema };
            QueryShape? shape = null;
            var query = kind is 'v' or 'm' ? ViewQuery(out shape) : null;
            return new CreateRelationStatement(at, name, kind, kind == 'S' ? SequenceOwner(out _) : null) { Query = query, Shape = shape, OrReplace = orReplace, IfNotExists = ifNotExists };
        }
        catch (SqlParseException)
        {
            return new UnreadRelationStatement(at, null);
        }
    }

    // The query after the first AS outside parentheses (after the column list and options),
    // without a trailing WITH [NO] DATA or WITH [CASCADED | LOCAL] CHECK OPTION.
    private ViewQueryReferences? ViewQuery(out QueryShape? shape)
    {
        shape = null;
        var depth = 0;
        for (var i = _c.Position; i < _c.End; i++)
        {
            var token = _c.Tokens[i];
            if (SqlTokenText.IsSymbol(_c.Source, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(_c.Source, token, ')')) depth--;
            else if (depth == 0 && SqlTokenText.IsWord(_c.Source, token, "AS"))
            {
                var end = _c.End;
                for (var w = i + 1; w < end; w++)
                {
                    if (SqlTokenText.IsWord(_c.Source, _c.Tokens[w], "WITH") && w + 1 < end && IsTrailingOption(w + 1)) end = w;
                }

                // A list of column names before the query renames its columns: those are not read.
                if (!SqlTokenText.IsSymbol(_c.Source, _c.Current, '(')) shape = ReadQueryShape(i + 1, end);
                return ViewQueryReferences.Read(_c.Source, _c.Tokens, i + 1, end, _rules);
            }
        }

        return null;
    }

    private bool IsTrailingOption(int at)
        => SqlTokenText.IsWord(_c.Source, _c.Tokens[at], "DATA") || SqlTokenText.IsWord(_c.Source, _c.Tokens[at], "CHECK")
           || (at + 1 < _c.End && (SqlTokenText.IsWord(_c.Source, _c.Tokens[at], "NO") || SqlTokenText.IsWord(_c.Source, _c.Tokens[at], "CASCADED") || SqlTokenText.IsWord(_c.Source, _c.Tokens[at], "LOCAL"))
               && (SqlTokenText.IsWord(_c.Source, _c.Tokens[at + 1], "DATA") || SqlTokenText.IsWord(_c.Source, _c.Tokens[at + 1], "CHECK")));

    /// <summary><c>ALTER VIEW / MATERIALIZED VIEW / FOREIGN TABLE [IF EXISTS] name RENAME TO new | SET SCHEMA s</c>, or <c>RENAME [COLUMN]</c>; <see langword="null"/> for any other form.</summary>
    private SqlStatement? AlterNamedRelation(SqlToken at)
    {
        try
        {
            IfExists();
            var name = _c.QualifiedName();
            if (_c.TryWords("RENAME", "TO")) return new RenameRelationStatement(at, name, name with { Name = _c.Identifier() });
            if (_c.TryWords("SET", "SCHEMA")) return new RenameRelationStatement(at, name, name with { Schema = _c.Identifier() });
            if (_c.IsWord("RENAME")) return new RenameRelationColumnStatement(at, name);
            return null; // Column defaults, options, owner: the name and columns stay.
        }
        catch (SqlParseException)
        {
            return new UnreadRelationStatement(at, null);
        }
    }

    /// <summary><c>DROP VIEW / MATERIALIZED VIEW / FOREIGN TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]</c>.</summary>
    private SqlStatement DropNamedRelation(SqlToken at)
    {
        try
        {
            IfExists();
            var names = new List<QualifiedName> { _c.QualifiedName() };
            while (_c.TrySymbol(',')) names.Add(_c.QualifiedName());
            return new DropRelationStatement(at, names, DropBehaviour());
        }
        catch (SqlParseException)
        {
            return new UnreadRelationStatement(at, null);
        }
    }

    /// <summary>A sequence's <c>OWNED BY table.column</c> anywhere among its options (<paramref name="written"/>); <see langword="null"/> for none or <c>OWNED BY NONE</c>.</summary>
    private (QualifiedName Table, string Column)? SequenceOwner(out bool written)
    {
        written = false;
        while (!_c.AtEnd)
        {
            if (!_c.TryWords("OWNED", "BY"))
            {
                _c.Next();
                continue;
            }

            written = true;
            if (_c.TryWord("NONE")) return null;
            var parts = new List<string> { _c.Identifier() };
            while (_c.TrySymbol('.')) parts.Add(_c.Identifier());
            if (parts.Count < 2) throw _c.Error("expected table.column after OWNED BY");
            var table = parts.Count == 2 ? new QualifiedName(_rules.DefaultSchema, parts[0]) : new QualifiedName(parts[^3], parts[^2]);
            return (table, parts[^1]);
        }

        return null;
    }
}
