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
    /// <c>DROP FUNCTION | PROCEDURE | ROUTINE | AGGREGATE | OPERATOR ... CASCADE</c>: the views,
    /// policies and generated columns that use the routine go with it; without CASCADE nothing
    /// of the schema changes.
    /// </summary>
    private SqlStatement? DropRoutines(SqlToken at)
    {
        var depth = 0;
        for (var i = _c.Position; i < _c.End; i++)
        {
            var token = _c.Tokens[i];
            if (SqlTokenText.IsSymbol(_c.Source, token, '(')) depth++;
            else if (SqlTokenText.IsSymbol(_c.Source, token, ')')) depth--;
            else if (depth == 0 && SqlTokenText.IsWord(_c.Source, token, "CASCADE")) return new DropRoutinesCascadeStatement(at);
        }

        return null;
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
        return read with { Relations = [(table, null, 0), .. read.Relations] };
    }
}
