using System.Globalization;
using System.IO.Hashing;
using System.Text;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>
/// golang-migrate's <c>schema_migrations(version, dirty)</c>: one row, the current version. It is
/// set to the migration's version with <c>dirty = true</c> before the migration runs and to
/// <c>dirty = false</c> once it ran, so a failure leaves the dirty version that <c>migrate force</c>
/// clears. The lock is golang-migrate's, derived from the database, schema and table names.
/// </summary>
internal sealed class GolangMigrateHistoryWriter(SqlDialect dialect, string table) : ToolHistoryWriter(dialect, table)
{
    // golang-migrate's salt for its lock ids (database/util.go).
    private const uint LockSalt = 1486364155;

    public override MigrationHistoryKind Kind => MigrationHistoryKind.GolangMigrate;

    public override IReadOnlyList<string> CreateTable(string? schema) =>
        [$"CREATE TABLE IF NOT EXISTS {Table} (version bigint not null primary key, dirty boolean not null)"];

    public override IReadOnlyList<HistoryCommand> Started(EmbeddedMigration migration) => SetVersion(migration, dirty: true);

    public override IReadOnlyList<HistoryCommand> Finished(EmbeddedMigration migration) => SetVersion(migration, dirty: false);

    protected override string AfterFailure(EmbeddedMigration migration, EmbeddedMigration? previous) =>
        $"schema_migrations records version {migration.Id} as dirty, so neither golang-migrate nor SchemaTasks applies anything until it is forced: "
        + $"undo what remains of it and run `migrate -path <migrations folder> -database <url> force {previous?.Id ?? "-1"}`, or finish it by hand and run `migrate ... force {migration.Id}`.";

    // Lock ids are the CRC-32 of the names joined by NUL bytes (schema, table, then database on
    // PostgreSQL; "database:table" on MySQL), times the salt, in 32 bits.
    public override long? PostgresLockKey(string database, string schema) => LockId(schema + "\0schema_migrations\0" + database);

    public override string? MySqlLockName(string database) => LockId(database + ":schema_migrations").ToString(CultureInfo.InvariantCulture);

    internal static uint LockId(string names) => unchecked(Crc32.HashToUInt32(Encoding.UTF8.GetBytes(names)) * LockSalt);

    private List<HistoryCommand> SetVersion(EmbeddedMigration migration, bool dirty) =>
    [
        new($"DELETE FROM {Table}"),
        new($"INSERT INTO {Table} (version, dirty) VALUES (@version, @dirty)", ("@version", Version(migration)), ("@dirty", dirty)),
    ];
}
