using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>
/// Prisma's <c>_prisma_migrations</c>: a row with a fresh id and <c>finished_at</c> NULL before the
/// script runs, <c>finished_at</c> and <c>applied_steps_count</c> once it ran, the error in
/// <c>logs</c> when it failed (which <c>prisma migrate deploy</c> refuses to pass, P3009, until
/// <c>migrate resolve</c>). The lock is Prisma's: advisory lock 72707369, or <c>GET_LOCK('prisma_migrate')</c>.
/// </summary>
internal sealed class PrismaHistoryWriter(SqlDialect dialect, string table) : ToolHistoryWriter(dialect, table)
{
    private string _rowId = string.Empty;

    public override MigrationHistoryKind Kind => MigrationHistoryKind.Prisma;

    public override IReadOnlyList<string> CreateTable(string? schema) => IsMySql
        ? [$"""
            CREATE TABLE IF NOT EXISTS {Table} (
                id                      VARCHAR(36) PRIMARY KEY NOT NULL,
                checksum                VARCHAR(64) NOT NULL,
                finished_at             DATETIME(3),
                migration_name          VARCHAR(255) NOT NULL,
                logs                    TEXT,
                rolled_back_at          DATETIME(3),
                started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
            """]
        : [$"""
            CREATE TABLE IF NOT EXISTS {Table} (
                "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
                "checksum"              VARCHAR(64) NOT NULL,
                "finished_at"           TIMESTAMPTZ,
                "migration_name"        VARCHAR(255) NOT NULL,
                "logs"                  TEXT,
                "rolled_back_at"        TIMESTAMPTZ,
                "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
                "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
            )
            """];

    public override IReadOnlyList<HistoryCommand> Started(EmbeddedMigration migration)
    {
        _rowId = Guid.NewGuid().ToString();
        return
        [
            new($"INSERT INTO {Table} (id, checksum, migration_name, started_at, applied_steps_count) VALUES (@id, @checksum, @name, @now, 0)",
                ("@id", _rowId), ("@checksum", ChecksumComparison.Sha256(migration.Text)), ("@name", migration.Id), ("@now", Now())),
        ];
    }

    public override IReadOnlyList<HistoryCommand> Finished(EmbeddedMigration migration) =>
        [new($"UPDATE {Table} SET finished_at = @now, applied_steps_count = applied_steps_count + 1 WHERE id = @id", ("@now", Now()), ("@id", _rowId))];

    public override IReadOnlyList<HistoryCommand> Failed(EmbeddedMigration migration, string error) =>
        [new($"UPDATE {Table} SET logs = @logs WHERE id = @id", ("@logs", error), ("@id", _rowId))];

    protected override string AfterFailure(EmbeddedMigration migration, EmbeddedMigration? previous) =>
        $"_prisma_migrations records it as failed (finished_at NULL, the error in logs), so neither `prisma migrate deploy` nor SchemaTasks applies anything until it is resolved: "
        + $"undo what remains of it and run `npx prisma migrate resolve --rolled-back {migration.Id}`, or finish it by hand and run `npx prisma migrate resolve --applied {migration.Id}`.";

    public override long? PostgresLockKey(string database, string schema) => 72707369;

    public override string? MySqlLockName(string database) => "prisma_migrate";
}
