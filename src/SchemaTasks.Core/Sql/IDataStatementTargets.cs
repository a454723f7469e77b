namespace SchemaTasks.Sql;

/// <summary>
/// Whether an INSERT, UPDATE or DELETE is worth keeping, asked of the table its head names
/// (<see cref="DataStatementHead"/>), then, when that one is not, of the relations it reads
/// besides (<see cref="DataStatementRelationWatch"/>): a statement that is not kept is passed over
/// unstored, as every data statement was before a check needed some of them.
/// </summary>
internal interface IDataStatementTargets
{
    /// <summary>Whether the statement on the table named by <paramref name="table"/> (in <paramref name="schema"/> when qualified) keeps its tokens.</summary>
    bool KeepsStatementOn(string sql, SqlToken? schema, SqlToken table);
}
