using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Where the kind word of one <c>CREATE</c> statement is (<see cref="CreatedObjectName.KindAt"/>),
/// found once for the statement: the readers of routines, views and triggers each ask for it
/// within their own number of leading tokens, and searching five words for each of them was a
/// cost every <c>CREATE</c> paid five times over.
/// </summary>
internal readonly record struct CreatedKind(int Index)
{
    // The farthest any reader looks: MySQL's ALGORITHM = x DEFINER = `user`@`host` SQL SECURITY INVOKER VIEW.
    private const int FarthestWithin = 16;

    /// <summary>The kind word of the <c>CREATE</c> statement <paramref name="tokens"/>.</summary>
    public static CreatedKind Of(string sql, List<SqlToken> tokens) => new(CreatedObjectName.KindAt(sql, tokens, FarthestWithin));

    /// <summary>
    /// The index <see cref="CreatedObjectName.KindAt"/> gives for <paramref name="within"/> (at most
    /// 16): the first kind word is the same whichever bound finds it, so only the bound is checked.
    /// </summary>
    public int Within(int within) => Index < within ? Index : -1;
}
