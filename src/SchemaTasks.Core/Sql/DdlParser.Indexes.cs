using SchemaTasks.Diagnostics;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// MySQL CREATE INDEX and DROP INDEX ... ON: a UNIQUE index is a UNIQUE constraint there, so these
// statements are read as the ALTER TABLE ... ADD UNIQUE / ADD INDEX / DROP INDEX they equal. Plain
// indexes are kept by name only (their names are taken from unnamed keys); PostgreSQL's indexes
// are read in DdlParser.PostgresIndexes.
internal sealed partial class DdlParser
{
    private bool IsMySqlIndexStart()
    {
        var ahead = _c.IsWord("ONLINE") || _c.IsWord("OFFLINE") ? 1 : 0;
        return _c.IsWord("INDEX", ahead) || ((_c.IsWord("UNIQUE", ahead) || _c.IsWord("FULLTEXT", ahead) || _c.IsWord("SPATIAL", ahead)) && _c.IsWord("INDEX", ahead + 1));
    }

    /// <summary><c>CREATE [OR REPLACE] [ONLINE|OFFLINE] [UNIQUE|FULLTEXT|SPATIAL] INDEX [IF NOT EXISTS] name [USING t] ON table (parts) ...</c>.</summary>
    private SqlStatement CreateMySqlIndex(SqlToken at, bool orReplace)
    {
        if (!_c.TryWord("ONLINE")) _c.TryWord("OFFLINE");
        var unique = _c.TryWord("UNIQUE");
        var textOrSpatial = !unique && (_c.TryWord("FULLTEXT") || _c.TryWord("SPATIAL"));
        _c.ExpectWord("INDEX");
        var ifNotExists = IfNotExists();
        var name = _c.Identifier();
        if (_c.TryWord("USING")) _c.Next();
        _c.ExpectWord("ON");
        var table = TableName();
        var columns = ColumnNameList(out var bare);
        var actions = new List<AlterAction>();

        // OR REPLACE (MariaDB) drops an index of that name first, whatever it was.
        if (orReplace) actions.Add(new DropIndexAction(at, name, IfExists: true));
        actions.Add(new AddConstraintAction(at, new ConstraintSpec(at, name, unique ? ConstraintKind.Unique : ConstraintKind.PlainIndex, columns, null) { Unfit = textOrSpatial || !bare }) { IfNotExists = ifNotExists });
        return new AlterTableStatement(at, table, false, actions);
    }

    /// <summary>
    /// A MySQL table element <c>{INDEX|KEY} [IF NOT EXISTS] [name] [USING t] (parts) ...</c>, or
    /// <c>FULLTEXT</c>/<c>SPATIAL</c> <c>[INDEX|KEY]</c> ...: a plain index.
    /// </summary>
    private ConstraintSpec PlainMySqlIndex(SqlToken at, bool alterAdd)
    {
        var textOrSpatial = _c.TryWord("FULLTEXT") || _c.TryWord("SPATIAL");
        if (!_c.TryWord("INDEX")) _c.TryWord("KEY");
        var ifNotExists = KeyIfNotExists("INDEX", alterAdd);
        string? name = null;
        if (_c.IsIdentifier && !_c.IsWord("USING")) name = _c.Identifier();
        if (_c.TryWord("USING")) _c.Next();
        var bare = true;
        var columns = _c.IsSymbol('(') ? ColumnNameList(out bare) : new List<string>();
        ConstraintTail();
        return new ConstraintSpec(at, name, ConstraintKind.PlainIndex, columns, null) { IfNotExists = ifNotExists, Unfit = textOrSpatial || !bare };
    }

    /// <summary><c>DROP INDEX [IF EXISTS] name ON table ...</c>.</summary>
    private SqlStatement DropMySqlIndex(SqlToken at)
    {
        var ifExists = IfExists();
        var name = _c.Identifier();
        _c.ExpectWord("ON");
        var table = TableName();
        RefuseOnlineOptionsUnderMariaDb();
        return new AlterTableStatement(at, table, false, [new DropIndexAction(at, name, ifExists)]);
    }

    // MySQL's DROP INDEX takes ALGORITHM and LOCK; MariaDB's takes only WAIT/NOWAIT, and the
    // migration stops there (openfga's 007 on MariaDB).
    private void RefuseOnlineOptionsUnderMariaDb()
    {
        if (_rules.Dialect != SqlDialect.MariaDb || !(_c.IsWord("ALGORITHM") || _c.IsWord("LOCK"))) return;
        var option = SqlTokenText.Raw(_c.Source, _c.Current).ToUpperInvariant();
        throw new SqlParseException(
            DiagnosticCodes.SyntaxError,
            $"MariaDB does not accept {option} after DROP INDEX ... ON table (error 1064, a syntax error; MySQL 8 does). Remove it, or write ALTER TABLE table DROP INDEX name, {option} = ..., which both accept",
            _c.Current);
    }
}
