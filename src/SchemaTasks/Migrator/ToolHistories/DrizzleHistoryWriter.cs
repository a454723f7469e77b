using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>
/// drizzle's <c>__drizzle_migrations(id, hash, created_at)</c> (in schema <c>drizzle</c> on
/// PostgreSQL): one row per migration in its transaction, <c>hash</c> the SHA-256 of the file and
/// <c>created_at</c> its journal entry's <c>when</c> (drizzle-orm 0.45 hashes the text as read, CRLF included); a failed migration leaves no row. drizzle
/// takes no lock, so SchemaTasks takes its own.
/// </summary>
internal sealed class DrizzleHistoryWriter(SqlDialect dialect, string table) : ToolHistoryWriter(dialect, table)
{
    public override MigrationHistoryKind Kind => MigrationHistoryKind.Drizzle;

    public override IReadOnlyList<string> CreateTable(string? schema) => IsMySql
        ? [$"create table if not exists {Table} (id serial primary key, hash text not null, created_at bigint)"]
        : [
            $"CREATE SCHEMA IF NOT EXISTS {schema}",
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                id SERIAL PRIMARY KEY,
                hash text NOT NULL,
                created_at bigint
            )
            """,
        ];

    public override IReadOnlyList<HistoryCommand> Finished(EmbeddedMigration migration) =>
        [new($"insert into {Table} (hash, created_at) values (@hash, @createdAt)", ("@hash", ChecksumComparison.Sha256(migration.Text)), ("@createdAt", Version(migration)))];

    protected override string AfterFailure(EmbeddedMigration migration, EmbeddedMigration? previous) =>
        $"drizzle records only migrations that finished, so __drizzle_migrations has no row for {migration.Id} and drizzle's migrator would run it again: correct it (and undo what remains of it on MySQL, where DDL commits as it runs) before the next run.";
}
