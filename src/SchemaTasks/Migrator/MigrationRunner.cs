using System.Data.Common;

namespace SchemaTasks.Migrator;

/// <summary>The steps of one migrator run, in the order that keeps concurrent runs safe.</summary>
internal static class MigrationRunner
{
    public static async Task<MigrateResult> RunAsync(EmbeddedMigrations migrations, IMigrationTarget target, MigrateOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        options ??= new MigrateOptions();
        if (options.LockTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LockTimeout, "LockTimeout cannot be negative.");
        }

        var appliedBy = options.AppliedBy ?? AppliedBy.Default();
        await target.AcquireLockAsync(options.LockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            // Read under the lock: the runner that waited sees what the one before it applied. A
            // missing table reads as an empty history.
            var history = await target.ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
            if (history.Entries.Count == 0)
            {
                // Before the table is created, so that a refused first run leaves nothing behind.
                var others = await target.ReadOtherToolHistoriesAsync(cancellationToken).ConfigureAwait(false);
                AnotherToolsHistory.ThrowIfItRecordsThese(migrations, history, others);
            }

            // Created under the lock too: two first runs racing on CREATE TABLE IF NOT EXISTS can
            // both pass the check on PostgreSQL, and one fails.
            await target.EnsureHistoryTableAsync(cancellationToken).ConfigureAwait(false);
            var pending = MigrationPlan.Pending(migrations, history);
            var applied = new List<MigrationApplied>(pending.Count);
            var scripts = pending.Select(m => (m, AppliedScript.Of(migrations.Manifest.Layout, m))).ToList();
            await target.ApplyAllAsync(scripts, appliedBy, done =>
            {
                applied.Add(done);
                options.OnApplied?.Invoke(done);
            }, cancellationToken).ConfigureAwait(false);

            return new MigrateResult(applied, migrations.Migrations.Count - pending.Count);
        }
        finally
        {
            try
            {
                await target.ReleaseLockAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // The connection is broken; the server releases a session's locks when it ends,
                // and the error that broke it is the one worth reporting.
            }
        }
    }
}
