using System.Globalization;
using System.IO.Hashing;
using System.Text;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>
/// sqlx's <c>_sqlx_migrations</c>. On PostgreSQL the row (<c>success = true</c>, execution time -1)
/// is written in the migration's transaction and the time set after the commit; a failure leaves
/// no row. On MySQL, where DDL commits as it runs, a row with <c>success = false</c> comes first and
/// is set to true at the end, so a failure leaves the dirty row sqlx refuses to pass. The lock is
/// sqlx's, derived from the database name.
/// </summary>
internal sealed class SqlxHistoryWriter(SqlDialect dialect, string table) : ToolHistoryWriter(dialect, table)
{
    // sqlx's multiplier for its lock ids (migrate.rs, "chosen by fair dice roll").
    private const long LockFactor = 0x3d32ad9e;

    public override MigrationHistoryKind Kind => MigrationHistoryKind.Sqlx;

    public override IReadOnlyList<string> CreateTable(string? schema) => IsMySql
        ? [$"""
            CREATE TABLE IF NOT EXISTS {Table} (
                version BIGINT PRIMARY KEY,
                description TEXT NOT NULL,
                installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
                success BOOLEAN NOT NULL,
                checksum BLOB NOT NULL,
                execution_time BIGINT NOT NULL
            )
            """]
        : [$"""
            CREATE TABLE IF NOT EXISTS {Table} (
                version BIGINT PRIMARY KEY,
                description TEXT NOT NULL,
                installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
                success BOOLEAN NOT NULL,
                checksum BYTEA NOT NULL,
                execution_time BIGINT NOT NULL
            )
            """];

    public override IReadOnlyList<HistoryCommand> Started(EmbeddedMigration migration) =>
        IsMySql ? [Insert(migration, success: false)] : [];

    public override IReadOnlyList<HistoryCommand> Finished(EmbeddedMigration migration) => IsMySql
        ? [new($"UPDATE {Table} SET success = TRUE WHERE version = @version", ("@version", Version(migration)))]
        : [Insert(migration, success: true)];

    public override IReadOnlyList<HistoryCommand> Committed(EmbeddedMigration migration, TimeSpan elapsed) =>
        [new($"UPDATE {Table} SET execution_time = @elapsed WHERE version = @version", ("@elapsed", elapsed.Ticks * 100), ("@version", Version(migration)))];

    protected override string AfterFailure(EmbeddedMigration migration, EmbeddedMigration? previous) => IsMySql
        ? $"_sqlx_migrations records version {migration.Id} with success = false, which `sqlx migrate run` refuses to pass (dirty): undo what remains of it and delete the row (`DELETE FROM _sqlx_migrations WHERE version = {migration.Id}`), or finish it by hand and set success = true."
        : $"sqlx records only migrations that finished, so _sqlx_migrations has no row for {migration.Id} and `sqlx migrate run` would run it again: correct it (and undo what remains of it, if it ran without a transaction) before the next run.";

    public override long? PostgresLockKey(string database, string schema) => LockId(database);

    // sqlx's MySQL lock is named by the same number, in lower-case hexadecimal.
    public override string? MySqlLockName(string database) => LockId(database).ToString("x", CultureInfo.InvariantCulture);

    internal static long LockId(string database) => LockFactor * Crc32.HashToUInt32(Encoding.UTF8.GetBytes(database));

    private HistoryCommand Insert(EmbeddedMigration migration, bool success) => new(
        $"INSERT INTO {Table} (version, description, success, checksum, execution_time) VALUES (@version, @description, @success, @checksum, -1)",
        ("@version", Version(migration)), ("@description", migration.Name), ("@success", success), ("@checksum", ChecksumComparison.Sqlx384(migration.Text)));
}
