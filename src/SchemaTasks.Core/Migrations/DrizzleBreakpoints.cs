namespace SchemaTasks.Migrations;

/// <summary>
/// drizzle-kit writes <c>--&gt; statement-breakpoint</c> between the statements of a migration,
/// and its migrator splits the file there. To PostgreSQL that line is a comment; to MySQL and
/// MariaDB it is not (their <c>--</c> comment needs a space after it), so read as the file stands
/// it would join the next statement to itself and hide it.
/// </summary>
internal static class DrizzleBreakpoints
{
    private const string Breakpoint = "--> statement-breakpoint";

    // The same length, so every line and column of the migration stays where it was.
    private const string AsComment = "--  statement-breakpoint";

    /// <summary>The migration's SQL with each breakpoint a comment in every dialect.</summary>
    public static string Sql(string text)
        => text.Contains(Breakpoint, StringComparison.Ordinal) ? text.Replace(Breakpoint, AsComment, StringComparison.Ordinal) : text;
}
