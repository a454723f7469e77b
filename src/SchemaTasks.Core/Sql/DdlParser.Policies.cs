using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL's row security policies, read for the columns their expressions use: the server
// then guards those columns as it guards a view's (ViewDependencies).
internal sealed partial class DdlParser
{
    /// <summary><c>CREATE POLICY name ON table [AS ...] [FOR ...] [TO ...] [USING (...)] [WITH CHECK (...)]</c>.</summary>
    private SqlStatement CreatePolicy(SqlToken at)
    {
        var name = _c.Identifier();
        _c.ExpectWord("ON");
        var table = TableName();
        var (usingExpression, checkExpression) = PolicyExpressions(table);
        return new CreatePolicyStatement(at, name, table, usingExpression, checkExpression);
    }

    /// <summary><c>ALTER POLICY name ON table RENAME TO new</c>, or a new role list or expressions.</summary>
    private SqlStatement AlterPolicy(SqlToken at)
    {
        var name = _c.Identifier();
        _c.ExpectWord("ON");
        var table = TableName();
        if (_c.TryWords("RENAME", "TO")) return new RenamePolicyStatement(at, name, table, _c.Identifier());
        var (usingExpression, checkExpression) = PolicyExpressions(table);
        return new AlterPolicyStatement(at, name, table, usingExpression, checkExpression);
    }

    /// <summary><c>DROP POLICY [IF EXISTS] name ON table [CASCADE | RESTRICT]</c>.</summary>
    private SqlStatement DropPolicy(SqlToken at)
    {
        IfExists();
        var name = _c.Identifier();
        _c.ExpectWord("ON");
        return new DropPolicyStatement(at, name, TableName());
    }

    /// <summary>
    /// <c>DROP FUNCTION | PROCEDURE | ROUTINE | AGGREGATE | OPERATOR ... [CASCADE]</c>: the views,
    /// policies, generated columns, defaults and CHECKs that use the routine go with it when it
    /// cascades, and make the server refuse it when not; and a later call of it fails. Only
    /// functions can be called in a default or CHECK, and only functions and procedures are
    /// called by name, so only their names are read.
    /// </summary>
    private SqlStatement DropRoutines(SqlToken at)
    {
        var kind = _c.IsWord("PROCEDURE") ? RoutineKind.Procedure : _c.IsWord("FUNCTION") ? RoutineKind.Function : _c.IsWord("ROUTINE") ? RoutineKind.Routine : (RoutineKind?)null;
        var cascade = EndsInCascade();
        if (kind is null) return new DropRoutinesStatement(at, [], cascade);
        _c.Next();
        var ifExists = IfExists();
        var routines = new List<DroppedRoutine>();
        do
        {
            var name = _c.QualifiedName();
            // Which overload: the engine cannot match calls to argument types, only an argument list written as it was created.
            var arguments = _c.IsSymbol('(') ? RoutineSignature.Text(_c.Source, _c.Tokens, _c.Position) : null;
            if (arguments is not null) _c.Parenthesised();
            routines.Add(new DroppedRoutine(name, kind.Value, arguments));
        }
        while (_c.TrySymbol(','));

        DropBehaviour();
        _c.ExpectEnd();
        return new DropRoutinesStatement(at, [.. routines], cascade) { IfExists = ifExists };
    }

    /// <summary>
    /// <c>ALTER FUNCTION | ROUTINE name [(args)] RENAME TO new | SET SCHEMA s</c>: the defaults,
    /// generated columns and CHECKs that call it show its new name. Any other ALTER FUNCTION
    /// changes nothing tracked.
    /// </summary>
    private SqlStatement? AlterRoutine(SqlToken at)
    {
        var name = _c.QualifiedName();
        if (_c.IsSymbol('(')) _c.Parenthesised();
        if (_c.TryWords("RENAME", "TO")) return new RenameRoutineStatement(at, name, name with { Name = _c.Identifier() });
        if (_c.TryWords("SET", "SCHEMA")) return new RenameRoutineStatement(at, name, name with { Schema = _c.Identifier() });
        return null;
    }

    // CASCADE after the last parenthesis: an operator's or aggregate's signature is not read.
    private bool EndsInCascade()
    {
        var depth = 0;
        for (var i = _c.Position; i < _c.End; i++)
        {
            var token = _c.Tokens[i];
            if (SqlTokenText.IsSymbol(_c.Source, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(_c.Source, token, ')')) depth--;
            else if (depth == 0 && SqlTokenText.IsWord(_c.Source, token, "CASCADE")) return true;
        }

        return false;
    }

    // The USING and WITH CHECK expressions, each read as a query over the policy's table.
    private (ViewQueryReferences? Using, ViewQueryReferences? Check) PolicyExpressions(QualifiedName table)
    {
        ViewQueryReferences? usingExpression = null, checkExpression = null;
        while (!_c.AtEnd)
        {
            if (_c.TryWord("USING")) usingExpression = PolicyExpression(table);
            else if (_c.TryWords("WITH", "CHECK")) checkExpression = PolicyExpression(table);
            else _c.Next(); // AS PERMISSIVE, FOR ALL, TO role, ...
        }

        return (usingExpression, checkExpression);
    }

    private ViewQueryReferences PolicyExpression(QualifiedName table)
    {
        var (start, end) = _c.Parenthesised();
        var read = ViewQueryReferences.Read(_c.Source, _c.Tokens, start, end, _rules);
        return read with { Relations = [(table, null, 0, 0), .. read.Relations] };
    }
}
