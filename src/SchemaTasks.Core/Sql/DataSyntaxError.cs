namespace SchemaTasks.Sql;

/// <summary>What makes PostgreSQL refuse a data statement's syntax (<see cref="PostgresDataSyntaxWatch"/>).</summary>
internal enum DataSyntaxFault : byte
{
    /// <summary>Two values, names or rows stand side by side with nothing between them: a comma or an operator is missing before <see cref="DataSyntaxError.At"/>.</summary>
    SideBySide,

    /// <summary>An operator or a keyword that takes a value (<see cref="DataSyntaxError.Before"/>) has none after it.</summary>
    MissingOperand,

    /// <summary>A value, column or assignment is left out: nothing stands between a separator and <see cref="DataSyntaxError.At"/>.</summary>
    EmptyItem,

    /// <summary>SET's column (<see cref="DataSyntaxError.Before"/>) is not followed by <c>=</c>.</summary>
    MissingEquals,

    /// <summary>VALUES, or a comma between its rows, is not followed by a row in parentheses.</summary>
    NotARow,

    /// <summary>The parenthesis <see cref="DataSyntaxError.Before"/> is still open where the statement ends.</summary>
    Unclosed,

    /// <summary>A <c>)</c> closes no parenthesis.</summary>
    Unopened,

    /// <summary>WHERE's condition is followed by a comma: it takes one condition, not a list.</summary>
    CommaInCondition,
}

/// <summary>
/// The syntax error PostgreSQL stops a data statement at: the token it names ("syntax error at
/// or near ..."), or the statement's last token when the server names the end of the input.
/// </summary>
/// <param name="Fault">What is wrong.</param>
/// <param name="At">The token the server names.</param>
/// <param name="Before">The token the fault hangs on (the value before a missing comma, the operator without a value, the open parenthesis).</param>
/// <param name="AtEnd">Whether the server names the end of the input: the statement has no terminator after <paramref name="At"/>.</param>
internal readonly record struct DataSyntaxError(DataSyntaxFault Fault, SqlToken At, SqlToken Before, bool AtEnd)
{
    /// <summary>The finding's message: what the server says, why, and the fix.</summary>
    /// <param name="sql">The text the tokens are of.</param>
    /// <param name="statement">The statement's first word (INSERT, UPDATE, DELETE).</param>
    public string Message(string sql, string statement)
        => $"PostgreSQL refuses this {statement} (42601, {ServerText(sql)}): {Reason(sql)}. The migration stops here.";

    /// <summary>What the server says: "syntax error at or near ..." or "syntax error at end of input".</summary>
    /// <param name="sql">The text the tokens are of.</param>
    public string ServerText(string sql)
        => AtEnd ? "syntax error at end of input" : $"syntax error at or near \"{SqlTokenText.ForMessage(sql, At)}\"";

    /// <summary>Why the statement is wrong, and the fix.</summary>
    /// <param name="sql">The text the tokens are of.</param>
    public string Reason(string sql)
    {
        var before = SqlTokenText.ForMessage(sql, Before);
        return Fault switch
        {
            DataSyntaxFault.SideBySide => $"{SqlTokenText.ForMessage(sql, At)} follows {before} with nothing between them. Add the comma missing between two assignments, values, rows or columns, or the operator missing between two values",
            DataSyntaxFault.MissingOperand => $"'{before}' is followed by no value. Write the value it takes, or remove '{before}'",
            DataSyntaxFault.EmptyItem => $"a value or column is left out before it (after '{before}'). Write it, or remove the separator too many",
            DataSyntaxFault.MissingEquals => $"SET's column {before} is not followed by '='. Write SET column = value, with a comma between two assignments",
            DataSyntaxFault.NotARow => "VALUES takes rows in parentheses, separated by commas. Write VALUES (1, 'a'), (2, 'b')",
            DataSyntaxFault.Unclosed => $"the parenthesis opened at line {Before.Line}, column {Before.Column} is still open where the statement ends. Add the missing ')'",
            DataSyntaxFault.Unopened => "this ')' closes no parenthesis. Remove it, or add the '(' it closes",
            _ => "WHERE takes one condition, not a list. Join the conditions with AND (or OR)",
        };
    }
}
