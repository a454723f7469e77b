using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>Following the boolean variables of a <c>DO</c> block (<see cref="PlpgsqlBooleanVariables"/>).</summary>
internal sealed partial class DoBlockRunner
{
    // What an IF condition reads for a bare name: a variable in scope, FOUND, or nothing.
    private PlpgsqlVariableValue? Variable(string name)
        => Declared(name) is { } declaration ? _variables.Of(declaration) : name == "found" ? _found : null;

    /// <summary>
    /// Follows a statement that may set variables: an assignment of a followed boolean that
    /// <see cref="PlpgsqlBooleanAssignment"/> reads gets its value; any other statement that
    /// names a variable may set it, which leaves it unknown.
    /// </summary>
    private void Assign(EmbeddedSql sql, SqlStatementRange range)
    {
        if (!ReferenceEquals(sql, _body) || range.End <= range.Start) return;
        if (PlpgsqlBooleanAssignment.Read(sql.Text, sql.Tokens, range) is not { } assignment || Declared(assignment.Target) is not { } target || !_variables.IsFollowed(target))
        {
            ForgetVariables(sql, range, $"is set by '{Excerpt(sql, range)}', which SchemaTasks does not follow");
            return;
        }

        if (MentionsBound(sql, assignment.Range))
        {
            _variables.Set(target, null, "is set from a loop variable's value");
            return;
        }

        if (_variables.IsCount(target) != (assignment.Source == PlpgsqlBooleanSource.Count))
        {
            var zero = assignment.Source == PlpgsqlBooleanSource.Condition && assignment.Range.End - assignment.Range.Start == 1
                       && sql.Tokens[assignment.Range.Start].Kind == SqlTokenKind.Number && SqlTokenText.Raw(sql.Text, sql.Tokens[assignment.Range.Start]) == "0";
            _variables.Set(target, zero && _variables.IsCount(target) ? false : null, $"is set by '{Excerpt(sql, range)}', which SchemaTasks does not follow");
            return;
        }

        string? unknown;
        bool answerUnknown;
        var value = assignment.Source == PlpgsqlBooleanSource.Condition
            ? ExistenceCondition.Evaluate(sql.Text, sql.Tokens, assignment.Range, _catalog, out unknown, out answerUnknown, Variable)
            : ExistenceCondition.RowsExist(sql.Text, sql.Tokens, assignment.Range, _catalog, out unknown, out answerUnknown, Variable);
        if (assignment.Source == PlpgsqlBooleanSource.NoRows) value = !value;
        _variables.Set(target, value, answerUnknown
            ? $"is set by '{Excerpt(sql, range)}', whose answer to {unknown} is not known at this point"
            : $"is set by '{Excerpt(sql, range)}', where SchemaTasks does not decide {unknown}");
    }

    // Every variable in scope that the tokens name may be set there: its value is no longer known.
    private void ForgetVariables(EmbeddedSql sql, SqlStatementRange range, string why)
    {
        if (!ReferenceEquals(sql, _body)) return;
        for (var i = range.Start; i < range.End; i++)
        {
            var token = sql.Tokens[i];
            var name = token.Kind switch
            {
                SqlTokenKind.Word => SqlTokenText.Raw(sql.Text, token).ToLowerInvariant(),
                SqlTokenKind.QuotedIdentifier => SqlTokenText.Unquote(sql.Text, token),
                _ => null,
            };
            if (name is not null && Declared(name) is { } declaration) _variables.Set(declaration, null, why);
        }
    }

    // The statements were not run: whatever variable they name may have been set.
    private void ForgetVariablesIn(EmbeddedSql sql, IReadOnlyList<PlpgsqlStatement> statements, string why)
    {
        foreach (var statement in PlpgsqlStatementTree.All(statements))
        {
            if (MaySetFound(sql, statement)) ForgetFound(sql, why);
            switch (statement)
            {
                case PlpgsqlDataDependent dependent:
                    ForgetLoopHead(sql, dependent, why);
                    break;
                case PlpgsqlSql plain:
                    ForgetVariables(sql, plain.Range, why);
                    break;
                case PlpgsqlQuiet quiet:
                    ForgetVariables(sql, quiet.Range, why);
                    break;
                case PlpgsqlExecute execute:
                    ForgetVariables(sql, WithInto(sql, execute), why);
                    break;
            }
        }
    }

    // EXECUTE's range is its expression; INTO and USING follow it up to the semicolon.
    private static SqlStatementRange WithInto(EmbeddedSql sql, PlpgsqlExecute execute)
    {
        var end = execute.Expression.End;
        while (end < sql.Tokens.Count && sql.Tokens[end].Kind != SqlTokenKind.Semicolon) end++;
        return new SqlStatementRange(execute.Expression.Start, end);
    }

    // A loop or CASE not run: its head (FOR v IN ...) may set a variable, and so may its body.
    private void ForgetVariablesIn(EmbeddedSql sql, PlpgsqlDataDependent dependent, string why)
    {
        ForgetFound(sql, why);
        ForgetLoopHead(sql, dependent, why);
        ForgetVariablesIn(sql, dependent.Body, why);
    }

    private void ForgetLoopHead(EmbeddedSql sql, PlpgsqlDataDependent dependent, string why)
    {
        var start = sql.Tokens.FindIndex(t => t.Start == dependent.At.Start);
        if (start >= 0) ForgetVariables(sql, new SqlStatementRange(start, Math.Max(start + 1, dependent.BodyRange.Start)), why);
    }
}
