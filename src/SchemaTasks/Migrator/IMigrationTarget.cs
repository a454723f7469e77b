using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>
/// One database a migrator works on, over one connection: the lock, the history table, and
/// applying one migration. The providers implement it; <see cref="MigrationRunner"/> holds the
/// order of the steps, which is the same for every dialect.
/// </summary>
internal interface IMigrationTarget
{
    /// <summary>Takes the database's migration lock.</summary>
    /// <exception cref="SchemaTasksException"><c>ST7001</c>: not taken within <paramref name="timeout"/>.</exception>
    Task AcquireLockAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Releases the lock taken by <see cref="AcquireLockAsync"/>.</summary>
    Task ReleaseLockAsync(CancellationToken cancellationToken);

    /// <summary>Creates the history table when it does not exist.</summary>
    Task EnsureHistoryTableAsync(CancellationToken cancellationToken);

    /// <summary>Reads the history table; a table that does not exist yet reads as an empty history.</summary>
    Task<MigrationHistory> ReadHistoryAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The history tables of other tools beside this one's, read when this one records nothing;
    /// none by default. A target that writes a tool's own table has no other to look at: the
    /// folder is laid out for that tool.
    /// </summary>
    Task<IReadOnlyList<MigrationHistory>> ReadOtherToolHistoriesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MigrationHistory>>([]);

    /// <summary>Runs <paramref name="script"/>, the applied part of <paramref name="migration"/>, and records it.</summary>
    /// <exception cref="SchemaTasksException"><c>ST7002</c>: a statement failed; the failure is recorded.</exception>
    Task<MigrationApplied> ApplyAsync(EmbeddedMigration migration, AppliedScript script, string appliedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="pending"/> in order, calling <paramref name="onApplied"/> for each
    /// once it is recorded. By default one <see cref="ApplyAsync"/> after another; a target may
    /// send several together, as long as each stays recorded on its own and a failure stops
    /// the run at the failing migration.
    /// </summary>
    /// <exception cref="SchemaTasksException"><c>ST7002</c>: a statement failed; the failure is recorded, and the migrations after it did not run.</exception>
    async Task ApplyAllAsync(IReadOnlyList<(EmbeddedMigration Migration, AppliedScript Script)> pending, string appliedBy, Action<MigrationApplied> onApplied, CancellationToken cancellationToken)
    {
        foreach (var (migration, script) in pending)
        {
            onApplied(await ApplyAsync(migration, script, appliedBy, cancellationToken).ConfigureAwait(false));
        }
    }
}
