using System.Globalization;

namespace SchemaTasks.Verification;

/// <summary>
/// The state of every embedded migration in a database, and of the migrations the database
/// has that this build does not, computed from the history table of the tool that applies them.
/// </summary>
public sealed class MigrationStatusReport
{
    private MigrationStatusReport(MigrationHistory history, IReadOnlyList<MigrationStatus> migrations)
    {
        History = history;
        Migrations = migrations;
    }

    /// <summary>The history the states were computed from.</summary>
    public MigrationHistory History { get; }

    /// <summary>The embedded migrations in apply order, then the unknown ones in the history's order.</summary>
    public IReadOnlyList<MigrationStatus> Migrations { get; }

    /// <summary>The migrations in <paramref name="state"/>.</summary>
    public IEnumerable<MigrationStatus> InState(MigrationState state) => Migrations.Where(m => m.State == state);

    /// <summary>Computes the state of every migration of <paramref name="migrations"/>.</summary>
    public static MigrationStatusReport Compute(EmbeddedMigrations migrations, MigrationHistory history)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return Compute(migrations.Migrations, history);
    }

    /// <summary>Computes the state of every migration of <paramref name="migrations"/> (in apply order).</summary>
    public static MigrationStatusReport Compute(IReadOnlyList<EmbeddedMigration> migrations, MigrationHistory history)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(history);
        var statuses = history.Kind == MigrationHistoryKind.GolangMigrate
            ? FromCurrentVersion(migrations, history)
            : FromRows(migrations, history);
        return new MigrationStatusReport(history, statuses);
    }

    // golang-migrate keeps one row: the current version. Everything up to it is applied; the
    // version itself is unfinished when the row is dirty.
    private static List<MigrationStatus> FromCurrentVersion(IReadOnlyList<EmbeddedMigration> migrations, MigrationHistory history)
    {
        var current = history.Entries.Count == 0 ? null : history.Entries[^1];
        long? version = current is not null && long.TryParse(current.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;
        var result = new List<MigrationStatus>(migrations.Count + 1);
        var matched = false;
        foreach (var migration in migrations)
        {
            var state = MigrationState.Pending;
            AppliedMigration? row = null;
            if (version is { } at && long.TryParse(migration.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var own) && own <= at)
            {
                var isCurrent = own == at;
                matched |= isCurrent;
                state = isCurrent && current!.State == AppliedMigrationState.Dirty ? MigrationState.Dirty : MigrationState.Applied;
                row = isCurrent ? current : null;
            }

            result.Add(new MigrationStatus(migration.Id, state) { Name = migration.Name, RelativePath = migration.RelativePath, Applied = row });
        }

        if (version is not null && !matched)
        {
            result.Add(new MigrationStatus(current!.Id, MigrationState.Unknown) { Name = current.Name, Applied = current });
        }

        return result;
    }

    private static List<MigrationStatus> FromRows(IReadOnlyList<EmbeddedMigration> migrations, MigrationHistory history)
    {
        var keyOf = HistoryKeys.For(history.Kind, migrations);
        var lastRow = new Dictionary<string, AppliedMigration>(history.Entries.Count, StringComparer.Ordinal);
        var unknownOrder = new List<string>();
        string? baseline = null;
        foreach (var row in history.Entries)
        {
            if (row.State == AppliedMigrationState.Baseline)
            {
                baseline = row.Id;
                continue;
            }

            // Later rows win: a rolled-back failure followed by a successful retry is applied.
            var key = keyOf(row.Id);
            if (key is null && !lastRow.ContainsKey(row.Id)) unknownOrder.Add(row.Id);
            lastRow[key ?? row.Id] = row;
        }

        var atlasHashes = history.Kind == MigrationHistoryKind.Atlas
            ? ChecksumComparison.AtlasHashes(migrations, m => lastRow.GetValueOrDefault(m.Id)?.Checksum)
            : null;
        var result = new List<MigrationStatus>(migrations.Count + unknownOrder.Count);
        foreach (var migration in migrations)
        {
            MigrationStatus status;
            if (lastRow.TryGetValue(migration.Id, out var row))
            {
                var state = row.State switch
                {
                    AppliedMigrationState.Succeeded => MigrationState.Applied,
                    AppliedMigrationState.Failed => MigrationState.Failed,
                    AppliedMigrationState.Dirty => MigrationState.Dirty,
                    _ => MigrationState.Pending,
                };
                var checksum = state == MigrationState.Applied ? ChecksumComparison.Compare(history.Kind, row, migration, atlasHashes?[result.Count]) : ChecksumStatus.NotRecorded;
                if (history.Kind == MigrationHistoryKind.Liquibase && checksum == ChecksumStatus.Differs && ChecksumComparison.RunsOnChange(migration))
                {
                    // runOnChange: Liquibase runs the changed changeset again on its next update.
                    (state, checksum) = (MigrationState.Pending, ChecksumStatus.NotRecorded);
                }

                status = new MigrationStatus(migration.Id, state)
                {
                    Name = migration.Name,
                    RelativePath = migration.RelativePath,
                    Applied = row,
                    Checksum = checksum,
                };
            }
            else
            {
                // Flyway's baseline stands for its own version too; Evolve runs the migration at its start version.
                var belowBaseline = baseline is not null && HistoryKeys.CompareVersions(migration.Id, baseline) < (history.Kind == MigrationHistoryKind.Evolve ? 0 : 1);
                status = new MigrationStatus(migration.Id, belowBaseline ? MigrationState.Applied : MigrationState.Pending)
                {
                    Name = migration.Name,
                    RelativePath = migration.RelativePath,
                };
            }

            result.Add(status);
        }

        if (atlasHashes is not null) KeepFirstAtlasEdit(result);
        MarkOutOfOrder(result);
        if (history.Kind == MigrationHistoryKind.Drizzle) MarkBelowDrizzlesLast(result, history);
        foreach (var id in unknownOrder)
        {
            var row = lastRow[id];
            if (row.State != AppliedMigrationState.RolledBack)
            {
                result.Add(new MigrationStatus(id, MigrationState.Unknown) { Name = row.Name, Applied = row });
            }
        }

        return result;
    }

    // drizzle applies only the migrations whose "when" is later than the last created_at it
    // recorded, whichever migration recorded it: a pending one below that is never applied.
    private static void MarkBelowDrizzlesLast(List<MigrationStatus> statuses, MigrationHistory history)
    {
        long? last = null;
        foreach (var row in history.Entries)
        {
            if (long.TryParse(row.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && (last is null || at > last)) last = at;
        }

        for (var i = 0; i < statuses.Count; i++)
        {
            if (statuses[i].State == MigrationState.Pending
                && long.TryParse(statuses[i].Id, NumberStyles.None, CultureInfo.InvariantCulture, out var when)
                && when <= last)
            {
                statuses[i] = statuses[i] with { OutOfOrder = true };
            }
        }
    }

    // An Atlas hash covers every file before its own, so only the first migration whose hash
    // differs, with every earlier one applied and matching, is known to be edited; after it, a
    // differing hash may come from that edit alone.
    private static void KeepFirstAtlasEdit(List<MigrationStatus> statuses)
    {
        var intact = true;
        for (var i = 0; i < statuses.Count; i++)
        {
            if (!intact && statuses[i].Checksum == ChecksumStatus.Differs)
            {
                statuses[i] = statuses[i] with { Checksum = ChecksumStatus.NotComparable };
            }

            intact = intact && statuses[i].State != MigrationState.Pending && statuses[i].Checksum is not (ChecksumStatus.Differs or ChecksumStatus.NotComparable);
        }
    }

    private static void MarkOutOfOrder(List<MigrationStatus> statuses)
    {
        var lastReached = statuses.FindLastIndex(s => s.State != MigrationState.Pending);
        for (var i = 0; i < lastReached; i++)
        {
            if (statuses[i].State == MigrationState.Pending)
            {
                statuses[i] = statuses[i] with { OutOfOrder = true };
            }
        }
    }
}
