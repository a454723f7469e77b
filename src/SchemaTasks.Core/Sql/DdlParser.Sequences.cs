namespace SchemaTasks.Sql;

// PostgreSQL sequences, read only for what they do to the column defaults that use them: a
// rename or move shows in nextval('...'), and DROP ... CASCADE drops the defaults. Other forms
// (RESTART, OWNED BY, ...) change no tracked object and are skipped.
internal sealed partial class DdlParser
{
    /// <summary><c>ALTER SEQUENCE [IF EXISTS] name RENAME TO new_name | SET SCHEMA schema | ... OWNED BY ...</c>; <see langword="null"/> for any other form.</summary>
    private SqlStatement? AlterSequence(SqlToken at)
    {
        var ifExists = IfExists();
        var name = _c.QualifiedName();
        Schema.QualifiedName newName;
        if (_c.TryWords("RENAME", "TO")) newName = name with { Name = _c.Identifier() };
        else if (_c.TryWords("SET", "SCHEMA")) newName = name with { Schema = _c.Identifier() };
        else return SequenceOwner(out var written) is var owner && written ? new SequenceOwnerStatement(at, name, owner) : null;
        _c.ExpectEnd();
        return new RenameSequenceStatement(at, name, newName, ifExists);
    }

    /// <summary><c>DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]</c>.</summary>
    private SqlStatement DropSequence(SqlToken at)
    {
        IfExists();
        var names = new List<Schema.QualifiedName> { _c.QualifiedName() };
        while (_c.TrySymbol(',')) names.Add(_c.QualifiedName());
        var cascade = DropBehaviour();
        _c.ExpectEnd();
        return new DropSequenceStatement(at, names, cascade);
    }
}
