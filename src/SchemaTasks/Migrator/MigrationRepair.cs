using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>
/// Repair of failed migrations, under the migrator's lock: for each, the plan back to the schema
/// before it and the plan forward to the schema after it, from the schemas the migrations build
/// and the live one. A dry run unless asked; a plan that drops data runs only when allowed.
/// </summary>
internal static class MigrationRepair
{
    public static async Task<RepairResult> RunAsync(EmbeddedMigrations migrations, IRepairTarget target, SqlDialect dialect, RepairOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        options ??= new RepairOptions();
        if (options.LockTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.LockTimeout, "LockTimeout cannot be negative.");
        }

        // Under the migrator's lock: a row must not change while a run is applying its migration.
        await target.AcquireLockAsync(options.LockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            var history = await target.ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
            var failed = history.Entries.Where(r => r.State == AppliedMigrationState.Failed).ToList();
            var repairs = new List<FailedMigrationRepair>(failed.Count);
            if (failed.Count == 0)
            {
                return new RepairResult(repairs, options.Apply);
            }

            var build = SchemaVerification.Rebuild(migrations, dialect);
            foreach (var row in failed)
            {
                var live = await target.ReadSchemaAsync(cancellationToken).ConfigureAwait(false);
                var plans = RepairPlanner.Plan(migrations, build, dialect, row, target.NothingRemains(row), live);
                var plan = options.To == RepairDirection.Before ? plans.Back : plans.Forward;
                var outcome = !options.Apply ? RepairOutcome.DryRun
                    : !plan.CanApply ? RepairOutcome.Blocked
                    : plan.DropsData && !options.AllowDataLoss ? RepairOutcome.RefusedDataLoss
                    : RepairOutcome.Repaired;
                if (outcome == RepairOutcome.Repaired)
                {
                    var run = options.To == RepairDirection.Before
                        ? new RepairRun(row.Id, plan.Statements, InTransaction: true, MarkApplied: null, StatementCount: 0)
                        : new RepairRun(row.Id, plan.Statements, plans.ForwardInTransaction, plans.Migration, plans.StatementCount);
                    await target.RunRepairAsync(run, cancellationToken).ConfigureAwait(false);
                }

                repairs.Add(new FailedMigrationRepair(row.Id, plan, options.To == RepairDirection.Before ? plans.Forward : plans.Back, outcome, plans.Summary));
            }

            return new RepairResult(repairs, options.Apply);
        }
        finally
        {
            try
            {
                await target.ReleaseLockAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException)
            {
                // The connection is broken and the server releases the lock with it; the error that broke it is the one to report.
            }
        }
    }
}

/// <summary>What a provider runs to apply a repair plan.</summary>
/// <param name="MigrationId">The failed migration.</param>
/// <param name="Statements">The plan's statements, in order.</param>
/// <param name="InTransaction">Whether they run in one transaction together with the history change (PostgreSQL only).</param>
/// <param name="MarkApplied">
/// <see langword="null"/> to delete the failed row afterwards (back, so the next run applies the
/// migration again); else the migration whose row is marked applied, with its checksum (forward).
/// </param>
/// <param name="StatementCount">How many statements the migration has, recorded as <c>statements_applied</c> (MySQL) when marked applied.</param>
internal sealed record RepairRun(string MigrationId, IReadOnlyList<RepairStatement> Statements, bool InTransaction, EmbeddedMigration? MarkApplied, int StatementCount);
