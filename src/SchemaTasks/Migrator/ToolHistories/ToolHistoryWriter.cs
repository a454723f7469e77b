using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator.ToolHistories;

/// <summary>
/// Writes the rows another migration tool writes in its own history table, around each migration
/// the migrator applies, so that tool still agrees afterwards: nothing pending, the same failed
/// or dirty state, the same checksums. The provider runs the commands; the order is the tool's.
/// </summary>
internal abstract class ToolHistoryWriter
{
    protected ToolHistoryWriter(SqlDialect dialect, string table)
    {
        Dialect = dialect;
        Table = table;
    }

    /// <summary>The tool whose table this writes.</summary>
    public abstract MigrationHistoryKind Kind { get; }

    /// <summary>The table, quoted and qualified for the dialect.</summary>
    public string Table { get; }

    /// <summary>Whether the table is MySQL's or MariaDB's.</summary>
    protected bool IsMySql => Dialect.IsMySqlFamily();

    private SqlDialect Dialect { get; }

    /// <summary>
    /// Whether <paramref name="kind"/> applies only migrations after the last one it recorded
    /// (golang-migrate's single version, goose without <c>-allow-missing</c>, drizzle's last
    /// <c>created_at</c>), so a pending migration below that is refused instead of applied behind its back.
    /// </summary>
    public static bool AppliesOnlyAfterLastRecord(MigrationHistoryKind kind) =>
        kind is MigrationHistoryKind.GolangMigrate or MigrationHistoryKind.Goose or MigrationHistoryKind.Drizzle;

    /// <summary>The statements that create the table as the tool does, when it does not exist.</summary>
    /// <param name="schema">The quoted PostgreSQL schema of the table, for a tool that creates its own; <see langword="null"/> on MySQL.</param>
    public abstract IReadOnlyList<string> CreateTable(string? schema);

    /// <summary>What the tool records before a migration's statements run, committed on its own.</summary>
    public virtual IReadOnlyList<HistoryCommand> Started(EmbeddedMigration migration) => [];

    /// <summary>What the tool records once the statements ran, in the migration's transaction when it has one.</summary>
    public abstract IReadOnlyList<HistoryCommand> Finished(EmbeddedMigration migration);

    /// <summary>What the tool records after the migration committed (sqlx's execution time).</summary>
    public virtual IReadOnlyList<HistoryCommand> Committed(EmbeddedMigration migration, TimeSpan elapsed) => [];

    /// <summary>What the tool records when a statement failed, after the rollback.</summary>
    public virtual IReadOnlyList<HistoryCommand> Failed(EmbeddedMigration migration, string error) => [];

    /// <summary>What the table says after <paramref name="migration"/> of <paramref name="migrations"/> failed, and the tool's way out, for the exception.</summary>
    public string AfterFailure(EmbeddedMigration migration, IReadOnlyList<EmbeddedMigration> migrations)
    {
        var index = IndexOf(migrations, migration);
        return AfterFailure(migration, index > 0 ? migrations[index - 1] : null);
    }

    /// <summary>What the table says after a failure, and the tool's way out, for the exception.</summary>
    /// <param name="migration">The migration that failed.</param>
    /// <param name="previous">The migration before it, if any.</param>
    protected abstract string AfterFailure(EmbeddedMigration migration, EmbeddedMigration? previous);

    /// <summary>The tool's PostgreSQL advisory lock key; <see langword="null"/> when the tool takes none (SchemaTasks' own lock is taken instead).</summary>
    /// <param name="database">The connection's database (<c>current_database()</c>).</param>
    /// <param name="schema">The schema of the table (<c>current_schema()</c> unless the tool keeps its own).</param>
    public virtual long? PostgresLockKey(string database, string schema) => null;

    /// <summary>The tool's MySQL named lock; <see langword="null"/> when the tool takes none (SchemaTasks' own lock is taken instead).</summary>
    public virtual string? MySqlLockName(string database) => null;

    private static int IndexOf(IReadOnlyList<EmbeddedMigration> migrations, EmbeddedMigration migration)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (ReferenceEquals(migrations[i], migration)) return i;
        }

        return -1;
    }

    /// <summary>The current time for a timestamp column, in UTC, as the tools that write one from the client do.</summary>
    protected static DateTime Now() => DateTime.UtcNow;

    /// <summary>The migration's version as the tool reads it from the file name: the whole number before the first '_'.</summary>
    protected static long Version(EmbeddedMigration migration) =>
        long.TryParse(migration.Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new SchemaTasksException(DiagnosticCodes.HistoryNotWritable, $"Migration '{migration.Id}' ('{migration.RelativePath}') has no whole-number version, which the tool's history records. Nothing was applied.");

    /// <summary>
    /// The writer of <paramref name="kind"/>'s table for a folder in <paramref name="layout"/>;
    /// <see langword="null"/> for <see cref="MigrationHistoryKind.SchemaTasks"/>, whose table the
    /// providers write themselves.
    /// </summary>
    /// <exception cref="SchemaTasksException"><c>ST7006</c>: the tool's table is not one the migrator writes, or the folder is not in the tool's layout.</exception>
    public static ToolHistoryWriter? For(MigrationHistoryKind kind, MigrationLayout layout, SqlDialect dialect, string table)
    {
        if (kind == MigrationHistoryKind.SchemaTasks) return null;
        if (!kind.IsWritableByMigrator())
        {
            throw new SchemaTasksException(
                DiagnosticCodes.HistoryNotWritable,
                $"The migrator does not write {kind.ToName()}'s history ({kind.DefaultTable()}); it writes {string.Join(", ", Enum.GetValues<MigrationHistoryKind>().Where(k => k.IsWritableByMigrator()).Select(k => k.ToName()))}. Nothing was applied. {NextSteps.Apply(kind).Substring(0, 1).ToUpperInvariant()}{NextSteps.Apply(kind).Substring(1)} to let {kind.ToName()} apply them, or leave the history option out to record them in schematasks_history.");
        }

        if (MigrationHistoryKinds.ForLayout(layout) != kind)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.HistoryNotWritable,
                $"The migrations are read in the {layout.ToName()} layout, so they cannot be recorded in {kind.ToName()}'s history: {kind.ToName()} names its migrations by its own file names. Nothing was applied. Record them in {MigrationHistoryKinds.ForLayout(layout).ToName()}'s history, or set the layout to {kind.ToName()} if the folder is {kind.ToName()}'s.");
        }

        return kind switch
        {
            MigrationHistoryKind.Prisma => new PrismaHistoryWriter(dialect, table),
            MigrationHistoryKind.GolangMigrate => new GolangMigrateHistoryWriter(dialect, table),
            MigrationHistoryKind.Dbmate => new DbmateHistoryWriter(dialect, table),
            MigrationHistoryKind.Goose => new GooseHistoryWriter(dialect, table),
            MigrationHistoryKind.Sqlx => new SqlxHistoryWriter(dialect, table),
            MigrationHistoryKind.SqlMigrate => new SqlMigrateHistoryWriter(dialect, table),
            _ => new DrizzleHistoryWriter(dialect, table),
        };
    }
}
