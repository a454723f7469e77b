using System.Globalization;
using SchemaTasks.Sql;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrating;

/// <summary>
/// The safe repair: a failed migration of which nothing remains has its row deleted, so the next
/// run applies it again; any other is left alone, with the statements that ran named, because
/// undoing them needs a person.
/// </summary>
internal static class MigrationRepair
{
    public static async Task<RepairResult> RunAsync(EmbeddedMigrations migrations, IMigrationTarget target, SqlDialect dialect, bool apply, MigrateOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        options ??= new MigrateOptions();
        // Under the migrator's lock: a row must not be deleted while a run is applying it.
        await target.AcquireLockAsync(options.LockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            var history = await target.ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
            var repairs = new List<FailedMigrationRepair>();
            foreach (var row in history.Entries.Where(r => r.State == AppliedMigrationState.Failed))
            {
                var nothingRemains = target.NothingRemains(row);
                if (nothingRemains && apply)
                {
                    await target.DeleteRowAsync(row.Id, cancellationToken).ConfigureAwait(false);
                }

                var embedded = migrations.Migrations.FirstOrDefault(m => m.Id == row.Id);
                repairs.Add(new FailedMigrationRepair(row.Id, nothingRemains, nothingRemains && apply, Advice(row, embedded, migrations, dialect, nothingRemains, apply, history.Table)));
            }

            return new RepairResult(repairs, apply);
        }
        finally
        {
            await target.ReleaseLockAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string Advice(AppliedMigration row, EmbeddedMigration? embedded, EmbeddedMigrations migrations, SqlDialect dialect, bool nothingRemains, bool apply, string table)
    {
        if (nothingRemains)
        {
            return apply
                ? "Nothing of it remained; its failed row was deleted, so the next migrate applies it again (fix it in the build first if it would fail the same way)."
                : "Nothing of it remains in the database; run repair with apply to delete its failed row, so the next migrate applies it again.";
        }

        var delete = $"DELETE FROM {table} WHERE migration_id = '{row.Id.Replace("'", "''", StringComparison.Ordinal)}'";
        var ran = row.StepsApplied is { } n && embedded is not null && string.Equals(embedded.Sha256, row.Checksum?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? RanStatements(embedded, migrations, dialect, n)
            : "Some of its statements ran (the recorded error names the one that failed).";
        return $"{ran} Repair cannot undo them alone: undo them by hand, then {delete} so the next migrate applies it again; "
            + $"or run the rest by hand and mark it applied (UPDATE {table} SET success = true WHERE migration_id = ...).";
    }

    private static string RanStatements(EmbeddedMigration embedded, EmbeddedMigrations migrations, SqlDialect dialect, int count)
    {
        var script = AppliedScript.Of(migrations.Manifest.Layout, embedded);
        var statements = SqlScript.Split(script.Text, dialect, script.FirstLine);
        if (count == 0)
        {
            return "The process applying it stopped before recording any statement; the first one may have run.";
        }

        var lines = string.Join(", ", statements.Take(count).Select(s => s.Line.ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"Statements 1 to {count} of {statements.Count} ran and were committed (starting on lines {lines} of {embedded.RelativePath}).");
    }
}
