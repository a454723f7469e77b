using System.Globalization;
using SchemaTasks.Diagnostics;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>
/// The first run's guard against a database that another tool has migrated: with an empty history
/// of its own the migrator would start from the first migration and run every one a second time.
/// </summary>
internal static class AnotherToolsHistory
{
    /// <exception cref="SchemaTasksException">
    /// <c>ST7007</c>: one of <paramref name="others"/> records some of <paramref name="migrations"/>
    /// as applied (or failed, or dirty); nothing may be applied over it.
    /// </exception>
    public static void ThrowIfItRecordsThese(EmbeddedMigrations migrations, MigrationHistory own, IReadOnlyList<MigrationHistory> others)
    {
        foreach (var other in others)
        {
            if (other.Kind == own.Kind || other.Entries.Count == 0) continue;
            var recorded = MigrationStatusReport.Compute(migrations, other).Migrations
                .Where(s => s.State is MigrationState.Applied or MigrationState.Failed or MigrationState.Dirty)
                .ToList();
            if (recorded.Count == 0) continue;

            var tool = other.Kind.ToName();
            var count = recorded.Count == 1 ? "one of these migrations" : string.Create(CultureInfo.InvariantCulture, $"{recorded.Count} of these migrations");
            var next = other.Kind.IsWritableByMigrator()
                ? $"To go on with that history, migrate with --history {tool} (MigrateOptions.History = MigrationHistoryKind.{other.Kind}): the migrator then records the next migrations in {other.Table} as {tool} does, and reads that table on every later run."
                : $"The migrator does not write {tool}'s history: go on applying these migrations with {tool}, and check the database with `schematasks verify`, which reads {other.Table}.";
            throw new SchemaTasksException(
                DiagnosticCodes.AppliedByAnotherTool,
                $"{own.Table} records no migration, but {other.Table}, the history table of {tool}, records {count} (up to '{recorded[^1].Id}'). "
                + $"Applying them again would run each a second time, so nothing was applied and {own.Table} was not created. {next}");
        }
    }
}
