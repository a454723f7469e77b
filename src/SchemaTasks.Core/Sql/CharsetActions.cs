namespace SchemaTasks.Sql;

/// <summary>
/// MySQL <c>ALTER TABLE ... CONVERT TO CHARACTER SET</c>: every character column and the table's
/// default take <see cref="Charset"/>, and TEXT types widen to hold as many characters as before.
/// </summary>
/// <param name="At">Where the action starts.</param>
/// <param name="Charset">The target charset, or <see cref="MySqlCharsets.Unknown"/> for <c>DEFAULT</c> (the database's).</param>
internal sealed record ConvertToCharsetAction(SqlToken At, string Charset) : AlterAction(At)
{
    /// <summary>The collation written after the charset, in lower case; <see langword="null"/> when none (the charset's default).</summary>
    public string? Collation { get; init; }
}

/// <summary>MySQL <c>ALTER TABLE ... [DEFAULT] CHARACTER SET</c> or <c>COLLATE</c>: the default for columns added later; the columns keep theirs.</summary>
/// <param name="At">Where the action starts.</param>
/// <param name="Charset">The new default charset, or <see cref="MySqlCharsets.Unknown"/>.</param>
internal sealed record SetTableCharsetAction(SqlToken At, string Charset) : AlterAction(At)
{
    /// <summary>The new default collation, in lower case; <see langword="null"/> when only a charset is written (its default collation).</summary>
    public string? Collation { get; init; }
}
