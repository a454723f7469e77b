using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>
/// dbmate's <c>schema_migrations(version)</c>: one row per applied version, written in the
/// migration's transaction; a failed migration leaves no row. dbmate takes no lock, so SchemaTasks
/// takes its own.
/// </summary>
internal sealed class DbmateHistoryWriter(SqlDialect dialect, string table) : ToolHistoryWriter(dialect, table)
{
    public override MigrationHistoryKind Kind => MigrationHistoryKind.Dbmate;

    // dbmate's own DDL: an unbounded varchar on PostgreSQL, 128 characters on MySQL.
    public override IReadOnlyList<string> CreateTable(string? schema) =>
        [$"create table if not exists {Table} (version varchar{(IsMySql ? "(128)" : string.Empty)} primary key)"];

    public override IReadOnlyList<HistoryCommand> Finished(EmbeddedMigration migration) =>
        [new($"insert into {Table} (version) values (@version)", ("@version", migration.Id))];

    protected override string AfterFailure(EmbeddedMigration migration, EmbeddedMigration? previous) =>
        $"dbmate records only migrations that finished, so schema_migrations has no row for {migration.Id} and `dbmate up` would run it again: correct it (and undo what remains of it, if it ran without a transaction) before the next run.";
}
