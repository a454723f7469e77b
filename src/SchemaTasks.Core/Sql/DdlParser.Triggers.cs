using System.Collections.Immutable;

namespace SchemaTasks.Sql;

// PostgreSQL's triggers, read for the table, the UPDATE OF columns and the function the server
// checks. A statement of a shape not read here is left to the server, as before triggers were read.
internal sealed partial class DdlParser
{
    /// <summary>
    /// <c>CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} event [OR ...]
    /// ON table [...] [FOR [EACH] {ROW | STATEMENT}] [WHEN (...)] EXECUTE {FUNCTION | PROCEDURE} f(...)</c>.
    /// </summary>
    private SqlStatement? CreateTrigger(SqlToken at, bool orReplace)
    {
        var constraint = _c.TryWord("CONSTRAINT");
        _c.ExpectWord("TRIGGER");
        if (!_c.IsIdentifier) return null;
        var name = _c.Identifier();
        TriggerTiming timing;
        if (_c.TryWord("BEFORE")) timing = TriggerTiming.Before;
        else if (_c.TryWord("AFTER")) timing = TriggerTiming.After;
        else if (_c.TryWords("INSTEAD", "OF")) timing = TriggerTiming.InsteadOf;
        else return null;

        var columns = ImmutableArray.CreateBuilder<(string, SqlToken)>();
        var truncate = false;
        do
        {
            if (_c.TryWord("UPDATE"))
            {
                if (!_c.TryWord("OF")) continue;
                do
                {
                    if (!_c.IsIdentifier) return null;
                    var columnAt = _c.Current;
                    columns.Add((_c.Identifier(), columnAt));
                }
                while (_c.TrySymbol(','));
            }
            else if (_c.TryWord("TRUNCATE"))
            {
                truncate = true;
            }
            else if (!(_c.TryWord("INSERT") || _c.TryWord("DELETE")))
            {
                return null;
            }
        }
        while (_c.TryWord("OR"));

        if (!_c.TryWord("ON") || !_c.IsIdentifier) return null;
        var tableAt = _c.Current;
        var table = TableName();

        // FROM and DEFERRABLE change nothing the checks read; of REFERENCING and WHEN, where they are.
        var forEachRow = false;
        SqlToken? whenAt = null;
        SqlToken? referencingAt = null;
        while (!_c.AtEnd && !_c.IsWord("EXECUTE"))
        {
            if (_c.TryWord("FOR"))
            {
                _c.TryWord("EACH");
                forEachRow = _c.IsWord("ROW");
            }
            else if (_c.IsWord("WHEN"))
            {
                whenAt ??= _c.Current;
            }
            else if (_c.IsWord("REFERENCING"))
            {
                referencingAt ??= _c.Current;
            }

            if (_c.IsSymbol('(')) _c.Parenthesised();
            else _c.Next();
        }

        if (!_c.TryWord("EXECUTE") || !(_c.TryWord("FUNCTION") || _c.TryWord("PROCEDURE")) || !_c.IsIdentifier) return null;
        var functionAt = _c.Current;
        var qualified = _c.IsSymbol('.', 1);
        var function = _c.QualifiedName();
        if (!_c.IsSymbol('(')) return null;
        return new CreateTriggerStatement(at, name, table, tableAt, timing, columns.ToImmutable(), forEachRow, function, qualified, functionAt)
        {
            OrReplace = orReplace,
            Constraint = constraint,
            Truncate = truncate,
            WhenAt = whenAt,
            ReferencingAt = referencingAt,
        };
    }

    /// <summary><c>DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]</c>.</summary>
    private SqlStatement? DropTrigger(SqlToken at)
    {
        var ifExists = IfExists();
        if (!_c.IsIdentifier) return null;
        var name = _c.Identifier();
        if (!_c.TryWord("ON") || !_c.IsIdentifier) return null;
        var tableAt = _c.Current;
        var table = TableName();
        DropBehaviour();
        return _c.AtEnd ? new DropTriggerStatement(at, name, table, tableAt, ifExists) : null;
    }

    /// <summary><c>ALTER TRIGGER name ON table RENAME TO new</c>; any other ALTER TRIGGER keeps the name.</summary>
    private SqlStatement? AlterTrigger(SqlToken at)
    {
        if (!_c.IsIdentifier) return null;
        var name = _c.Identifier();
        if (!_c.TryWord("ON") || !_c.IsIdentifier) return null;
        var tableAt = _c.Current;
        var table = TableName();
        if (!_c.TryWords("RENAME", "TO") || !_c.IsIdentifier) return null;
        var newName = _c.Identifier();
        return _c.AtEnd ? new RenameTriggerStatement(at, name, table, tableAt, newName) : null;
    }
}
