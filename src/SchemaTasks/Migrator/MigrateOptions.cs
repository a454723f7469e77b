using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>How a migrator applies migrations.</summary>
public sealed record MigrateOptions
{
    /// <summary>The default wait for the migration lock: one minute.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long to wait for another instance that holds the database's migration lock before
    /// giving up with <c>ST7001</c>; <see cref="DefaultLockTimeout"/> unless set.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = DefaultLockTimeout;

    /// <summary>
    /// What the history records as <c>applied_by</c>; <see langword="null"/> for
    /// <c>user@machine</c> of the running process.
    /// </summary>
    public string? AppliedBy { get; init; }

    /// <summary>
    /// Called after each migration is applied and recorded, before the next one starts, so a
    /// long run can be followed (the start-up policy logs each one); <see langword="null"/> for none.
    /// </summary>
    public Action<MigrationApplied>? OnApplied { get; init; }

    /// <summary>
    /// Whose history table records the applied migrations: <see cref="MigrationHistoryKind.SchemaTasks"/>
    /// (<c>schematasks_history</c>) unless set. Set to the tool that owns the folder's layout
    /// (Prisma, golang-migrate, dbmate, goose, sqlx, drizzle or sql-migrate) to write exactly the rows that tool
    /// writes, under the lock it takes, so the tool still agrees afterwards and the team can go on
    /// using it. See <c>docs/migrator.md</c>.
    /// </summary>
    /// <remarks>
    /// Only the folder's own tool can be named: its key for each migration comes from its file
    /// names. Failures are recorded as that tool records them, and repair is the tool's
    /// (<c>prisma migrate resolve</c>, <c>migrate force</c>); <c>schematasks repair</c> works on
    /// <c>schematasks_history</c> only.
    /// </remarks>
    public MigrationHistoryKind History { get; init; } = MigrationHistoryKind.SchemaTasks;
}
