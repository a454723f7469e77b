namespace SchemaTasks.Sql;

/// <summary>One statement of a PL/pgSQL body, as far as SchemaTasks reads it. Token ranges index the body's tokens.</summary>
internal abstract record PlpgsqlStatement(SqlToken At);

/// <summary><c>[DECLARE ...] BEGIN ... [EXCEPTION WHEN ... THEN ...] END</c>.</summary>
internal sealed record PlpgsqlBlock(SqlToken At, IReadOnlyList<PlpgsqlStatement> Body, IReadOnlyList<PlpgsqlHandler> Handlers) : PlpgsqlStatement(At)
{
    /// <summary>The variables its DECLARE section declares, in order.</summary>
    public IReadOnlyList<PlpgsqlDeclaration> Declarations { get; init; } = [];
}

/// <summary>
/// One variable of a DECLARE section: its name as PostgreSQL folds it, the range of the whole
/// declaration (terminator excluded), and the range of its initial value after <c>:=</c>,
/// <c>=</c> or <c>DEFAULT</c>, when it has one.
/// </summary>
internal sealed record PlpgsqlDeclaration(string Name, SqlStatementRange Range, SqlStatementRange? Initializer);

/// <summary>How a loop gets its values, as far as SchemaTasks may unroll it.</summary>
internal enum PlpgsqlLoopSource
{
    /// <summary><c>FOREACH var IN ARRAY expression</c>; the range is the expression.</summary>
    ForEachArray,

    /// <summary><c>FOR var IN [REVERSE] low .. high [BY step]</c>; the range is all after IN.</summary>
    IntegerRange,

    /// <summary><c>FOR var IN query</c>; the range is the query.</summary>
    Query,
}

/// <summary>The head of a <c>FOR</c> or <c>FOREACH</c> loop: its variable, folded, and where its values come from.</summary>
internal sealed record PlpgsqlLoopHead(string Variable, PlpgsqlLoopSource Source, SqlStatementRange Range);

/// <summary>One <c>WHEN condition [OR condition] THEN ...</c> of an exception block; condition names are lower case.</summary>
internal sealed record PlpgsqlHandler(SqlToken At, IReadOnlyList<string> Conditions, IReadOnlyList<PlpgsqlStatement> Body);

/// <summary>One <c>IF</c>/<c>ELSIF</c> condition and its statements; the <c>ELSE</c> branch has no condition.</summary>
internal sealed record PlpgsqlBranch(SqlStatementRange? Condition, IReadOnlyList<PlpgsqlStatement> Body);

/// <summary><c>IF ... THEN ... [ELSIF ...] [ELSE ...] END IF</c>.</summary>
internal sealed record PlpgsqlIf(SqlToken At, IReadOnlyList<PlpgsqlBranch> Branches) : PlpgsqlStatement(At);

/// <summary>
/// A statement whose path through its body depends on data: a loop or a <c>CASE</c> statement.
/// <paramref name="What"/> names it for messages.
/// </summary>
internal sealed record PlpgsqlDataDependent(SqlToken At, string What, IReadOnlyList<PlpgsqlStatement> Body) : PlpgsqlStatement(At)
{
    /// <summary>For a <c>FOR</c> or <c>FOREACH</c> loop of a form that may be unrolled, its head.</summary>
    public PlpgsqlLoopHead? Head { get; init; }

    /// <summary>The range of the loop's body tokens, between <c>LOOP</c> and <c>END LOOP</c>.</summary>
    public SqlStatementRange BodyRange { get; init; }
}

/// <summary><c>EXECUTE expression [INTO ...] [USING ...]</c>; the range is the expression.</summary>
internal sealed record PlpgsqlExecute(SqlToken At, SqlStatementRange Expression) : PlpgsqlStatement(At);

/// <summary><c>RAISE</c> at level <c>EXCEPTION</c> (the default): the block fails here.</summary>
internal sealed record PlpgsqlRaiseException(SqlToken At) : PlpgsqlStatement(At);

/// <summary><c>RETURN</c>: the <c>DO</c> block ends here.</summary>
internal sealed record PlpgsqlReturn(SqlToken At) : PlpgsqlStatement(At);

/// <summary>An SQL statement run as written (DDL, data, anything else); the range excludes the terminator.</summary>
internal sealed record PlpgsqlSql(SqlToken At, SqlStatementRange Range) : PlpgsqlStatement(At);

/// <summary>
/// A statement that changes no schema object by itself: assignment, <c>NULL</c>, <c>PERFORM</c>,
/// <c>CALL</c>, <c>RAISE NOTICE</c>, ... The range (terminator excluded) is kept because an
/// expression in it may call a routine whose body does.
/// </summary>
internal sealed record PlpgsqlQuiet(SqlToken At, SqlStatementRange Range) : PlpgsqlStatement(At);

/// <summary>Walks the statements nested in PL/pgSQL blocks, handlers, IF branches and loops.</summary>
internal static class PlpgsqlStatementTree
{
    /// <summary>Every statement of <paramref name="statements"/> and every one nested in them, containers included, in written order.</summary>
    public static IEnumerable<PlpgsqlStatement> All(IReadOnlyList<PlpgsqlStatement> statements)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            foreach (var list in Nested(statement))
            {
                foreach (var inner in All(list)) yield return inner;
            }
        }
    }

    /// <summary>
    /// <paramref name="statements"/> and every statement list nested in them (a block's, a
    /// handler's, an IF branch's, a loop's): each a list whose statements run one after the other.
    /// </summary>
    public static IEnumerable<IReadOnlyList<PlpgsqlStatement>> Lists(IReadOnlyList<PlpgsqlStatement> statements)
    {
        yield return statements;
        foreach (var statement in statements)
        {
            foreach (var list in Nested(statement))
            {
                foreach (var inner in Lists(list)) yield return inner;
            }
        }
    }

    // The statement lists a statement holds, in written order.
    private static IEnumerable<IReadOnlyList<PlpgsqlStatement>> Nested(PlpgsqlStatement statement) => statement switch
    {
        PlpgsqlBlock block => block.Handlers.Select(h => h.Body).Prepend(block.Body),
        PlpgsqlIf conditional => conditional.Branches.Select(b => b.Body),
        PlpgsqlDataDependent loop => [loop.Body],
        _ => [],
    };
}
