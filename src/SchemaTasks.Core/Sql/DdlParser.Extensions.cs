namespace SchemaTasks.Sql;

// Extensions (PostgreSQL): CREATE, DROP and ALTER ... SET SCHEMA.
internal sealed partial class DdlParser
{
    private SqlStatement CreateExtension(SqlToken at)
    {
        var ifNotExists = IfNotExists();
        var name = _c.Identifier();
        string? schema = null;
        var cascade = false;
        _c.TryWord("WITH");
        while (!_c.AtEnd)
        {
            if (_c.TryWord("SCHEMA")) schema = _c.Identifier();
            else if (_c.TryWord("VERSION")) Version();
            else if (_c.TryWord("CASCADE")) cascade = true;
            else throw _c.Error("expected SCHEMA, VERSION or CASCADE");
        }

        return new CreateExtensionStatement(at, name, ifNotExists, schema, cascade);

        void Version()
        {
            if (!_c.AtEnd && _c.Current.Kind == SqlTokenKind.String) _c.StringLiteral();
            else _c.Identifier();
        }
    }

    private SqlStatement DropExtension(SqlToken at)
    {
        var ifExists = IfExists();
        var names = new List<string> { _c.Identifier() };
        while (_c.TrySymbol(',')) names.Add(_c.Identifier());
        var cascade = DropBehaviour();
        _c.ExpectEnd();
        return new DropExtensionStatement(at, names, ifExists, cascade);
    }

    private SqlStatement? AlterExtension(SqlToken at)
    {
        var name = _c.Identifier();
        if (!_c.TryWords("SET", "SCHEMA")) return null; // UPDATE, ADD/DROP member: the types stay where they are.
        var schema = _c.Identifier();
        _c.ExpectEnd();
        return new MoveExtensionStatement(at, name, schema);
    }
}
