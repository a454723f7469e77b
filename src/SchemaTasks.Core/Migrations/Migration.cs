namespace SchemaTasks.Migrations;

/// <summary>One migration of a <see cref="MigrationSet"/>, in the order it is applied.</summary>
/// <param name="Id">
/// The key the layout's own history table uses for this migration: Prisma's folder name,
/// golang-migrate's, dbmate's and Flyway's version, a plain file's name without <c>.sql</c>.
/// </param>
/// <param name="Version">The part of the name that orders migrations.</param>
/// <param name="Name">The human description, such as <c>add_cancelled_job_status</c>.</param>
/// <param name="RelativePath">The file, relative to the migrations folder, with <c>/</c> separators.</param>
/// <param name="Checksum">See <see cref="MigrationChecksum"/>.</param>
/// <param name="Sql">The SQL that is applied (for dbmate, the <c>-- migrate:up</c> section only).</param>
/// <param name="SqlStartLine">The 1-based line of the file where <paramref name="Sql"/> starts.</param>
public sealed record Migration(
    string Id,
    string Version,
    string Name,
    string RelativePath,
    string Checksum,
    string Sql,
    int SqlStartLine = 1)
{
    /// <summary>
    /// Whether the file carries its tool's marker for running outside a transaction (see
    /// <see cref="MigrationScript.NoTransaction"/>); for a Liquibase changeset, <c>runInTransaction:false</c>.
    /// </summary>
    public bool NoTransaction { get; init; }
}
