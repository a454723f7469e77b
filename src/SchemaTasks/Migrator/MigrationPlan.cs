using SchemaTasks.Diagnostics;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>Which embedded migrations a migrator applies, given the history read under the lock.</summary>
internal static class MigrationPlan
{
    /// <summary>The migrations without a successful history row, in manifest order.</summary>
    /// <exception cref="SchemaTasksException">
    /// <c>ST6002</c>: the history records a failed migration; <c>ST6003</c>: an applied migration's
    /// text differs from what was applied. Either way nothing may be applied until a person looks.
    /// </exception>
    public static IReadOnlyList<EmbeddedMigration> Pending(EmbeddedMigrations migrations, MigrationHistory history)
    {
        if (history.Kind != MigrationHistoryKind.SchemaTasks) return PendingInToolHistory(migrations, history);
        var byId = new Dictionary<string, AppliedMigration>(StringComparer.Ordinal);
        foreach (var row in history.Entries) byId[row.Id] = row;

        // A failed row anywhere stops the run, even one this build no longer embeds: the database
        // is in a state no migration was written against.
        if (history.Entries.FirstOrDefault(r => r.State == AppliedMigrationState.Failed) is { } failed)
        {
            throw Refused(failed, history.Table);
        }

        var pending = new List<EmbeddedMigration>();
        foreach (var migration in migrations.Migrations)
        {
            if (!byId.TryGetValue(migration.Id, out var row))
            {
                pending.Add(migration);
            }
            else if (row.Checksum is { } recorded && !string.Equals(recorded.Trim(), migration.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new SchemaTasksException(
                    DiagnosticCodes.EditedMigration,
                    $"Migration '{migration.Id}' ('{migration.RelativePath}') was applied with SHA-256 {recorded.Trim()}, but this build embeds text with SHA-256 {migration.Sha256}. Nothing was applied. {NextSteps.Edited(MigrationHistoryKind.SchemaTasks, migration.RelativePath)}");
            }
        }

        return pending;
    }

    private static SchemaTasksException Refused(AppliedMigration failed, string table)
    {
        var progress = failed.StepsApplied is { } n ? $" after {n} of its statements had run and were committed" : string.Empty;
        var error = failed.Error is { Length: > 0 } e
            ? $"Its error: {e.TrimEnd('.')}."
            : "It recorded no error: the process applying it stopped before it finished.";
        var rolledBack = failed.Error?.StartsWith(MigrationFailure.RolledBackPrefix, StringComparison.Ordinal) == true;
        var next = rolledBack
            ? "Nothing of it remains in the database. Fix the migration in a new build, then run `schematasks repair --apply` (RepairAsync with apply) to clear its row, so the next run applies it."
            : $"Repair it before starting again: `schematasks repair` (RepairAsync) shows the statements that undo what it did (--to before, then its row in {table} is deleted so the next run applies it) "
              + "or finish it (--to after, then its row is marked applied), and runs them with --apply.";
        return new SchemaTasksException(
            DiagnosticCodes.FailedMigration,
            $"Migration '{failed.Id}' is recorded as failed in {table}{progress}, so no migration was applied. {error} {next}");
    }

    // Another tool's history, read as verify reads it: its failed or dirty row, an edited file and,
    // for a tool that applies only what comes after its last record, a migration it would never
    // apply stop the run; the rest of the pending ones are applied in order.
    private static List<EmbeddedMigration> PendingInToolHistory(EmbeddedMigrations migrations, MigrationHistory history)
    {
        var report = MigrationStatusReport.Compute(migrations, history);
        var kind = history.Kind;
        var statuses = report.Migrations;
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i];
            if (status.State is MigrationState.Failed or MigrationState.Dirty)
            {
                var previous = i > 0 ? statuses[i - 1].Id : null;
                var recorded = status.Applied?.Error is { Length: > 0 } e ? $" Its error: {e.TrimEnd('.')}." : string.Empty;
                throw new SchemaTasksException(
                    DiagnosticCodes.FailedMigration,
                    $"Migration '{status.Id}' is recorded as {(status.State == MigrationState.Dirty ? "dirty" : "failed")} in {history.Table}, so no migration was applied.{recorded} {NextSteps.Repair(kind, status.Id, previous, null)}");
            }

            if (status.IsEdited)
            {
                throw new SchemaTasksException(
                    DiagnosticCodes.EditedMigration,
                    $"Migration '{status.Id}' ('{status.RelativePath}') was applied with checksum {status.Applied?.Checksum?.Trim()} in {history.Table}, but this build embeds text whose checksum is {ChecksumComparison.Ours(kind, migrations.Migrations.First(m => m.Id == status.Id), migrations.Migrations)}. Nothing was applied. {NextSteps.Edited(kind, status.RelativePath)}");
            }
        }

        if (ToolHistories.ToolHistoryWriter.AppliesOnlyAfterLastRecord(kind) && statuses.FirstOrDefault(s => s.OutOfOrder) is { } skipped)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.OutOfOrderMigration,
                $"Migration '{skipped.Id}' ('{skipped.RelativePath}') is pending, but a later migration is already recorded in {history.Table}, and {kind.ToName()} never applies a migration below its last one. Nothing was applied. To apply it anyway, {NextSteps.OutOfOrder(kind)}.");
        }

        var byId = migrations.Migrations.ToDictionary(m => m.Id, StringComparer.Ordinal);
        return statuses.Where(s => s.State == MigrationState.Pending && byId.ContainsKey(s.Id)).Select(s => byId[s.Id]).ToList();
    }
}
