using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>
/// sql-migrate's <c>gorp_migrations(id, applied_at)</c>, created as gorp creates it for sql-migrate's
/// record type (on MySQL with sql-migrate's InnoDB / UTF8 table options): one row per applied
/// migration, <c>id</c> the file name, <c>applied_at</c> the client's clock, written in the
/// migration's transaction (after its statements, without one for a <c>notransaction</c> file); a
/// failed migration leaves no row. sql-migrate takes no lock, so SchemaTasks takes its own.
/// </summary>
internal sealed class SqlMigrateHistoryWriter(SqlDialect dialect, string table) : ToolHistoryWriter(dialect, table)
{
    public override MigrationHistoryKind Kind => MigrationHistoryKind.SqlMigrate;

    public override IReadOnlyList<string> CreateTable(string? schema) =>
    [
        IsMySql
            ? $"create table if not exists {Table} (`id` varchar(255) not null primary key, `applied_at` datetime) engine=InnoDB charset=UTF8"
            : $"create table if not exists {Table} (\"id\" text not null primary key, \"applied_at\" timestamp with time zone)",
    ];

    public override IReadOnlyList<HistoryCommand> Finished(EmbeddedMigration migration) =>
        [new($"insert into {Table} (id, applied_at) values (@id, @appliedAt)", ("@id", FileName(migration)), ("@appliedAt", Now()))];

    protected override string AfterFailure(EmbeddedMigration migration, EmbeddedMigration? previous) =>
        $"sql-migrate records only migrations that finished, so gorp_migrations has no row for {FileName(migration)} and `sql-migrate up` would run it again: correct it (and undo what remains of it, if it ran without a transaction or on MySQL, where DDL commits as it runs) before the next run.";

    // The id sql-migrate records: the file's name, '.sql' included.
    private static string FileName(EmbeddedMigration migration) => migration.RelativePath[(migration.RelativePath.LastIndexOf('/') + 1)..];
}
