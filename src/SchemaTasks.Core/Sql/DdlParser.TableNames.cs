using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// The name of a table a statement creates, changes or drops.
internal sealed partial class DdlParser
{
    private HashSet<QualifiedName>? _unqualifiedTables; // Made on the first unqualified name: most statements have one.

    /// <summary>
    /// <c>CREATE TEMP[ORARY] [UNLOGGED] TABLE [IF NOT EXISTS] name ...</c> (after TEMP): only the
    /// name, since nothing outside the session ever sees the table. PostgreSQL allows the
    /// schema <c>pg_temp</c> only.
    /// </summary>
    private SqlStatement? CreateTemporaryTable(SqlToken at)
    {
        if (!_mySql) _c.TryWord("UNLOGGED");
        if (!_c.TryWord("TABLE")) return null; // PostgreSQL CREATE TEMP SEQUENCE / VIEW: not tracked.
        var ifNotExists = IfNotExists();
        var first = _c.Identifier();
        var name = _c.TrySymbol('.') ? _c.Identifier() : first;
        return new CreateTemporaryTableStatement(at, name, ifNotExists);
    }

    /// <summary>
    /// Reads a table's name. MySQL: a name qualified with a database is refused. The catalog keys
    /// the tables of the database the migrations run in without a database part, as the live read
    /// does, and the engine cannot know that database's name, so it cannot tell whether
    /// <c>db.t</c> is <c>t</c> or a table of another database that no check ever reads.
    /// </summary>
    private QualifiedName TableName()
    {
        var at = _c.Current;
        var qualified = _c.IsSymbol('.', 1);
        var name = _c.QualifiedName();
        if (!qualified) (_unqualifiedTables ??= []).Add(name);
        if (!_mySql || name.Schema.Length == 0) return name;
        throw new SqlParseException(
            DiagnosticCodes.DatabaseQualifiedName,
            $"the table name {_rules.Quote(name.Schema)}.{_rules.Quote(name.Name)} names the database {_rules.Quote(name.Schema)}. SchemaTasks models the one database the migrations run in, without knowing its name, so it cannot tell whether that is {_rules.Quote(name.Schema)}. Write the name without the database ({_rules.Quote(name.Name)}); the connection chooses the database",
            at);
    }
}
