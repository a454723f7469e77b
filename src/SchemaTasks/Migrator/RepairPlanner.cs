using SchemaTasks.Sql;
using SchemaTasks.Schema;
using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>Both plans for one failed migration, and what is needed to run the forward one.</summary>
internal sealed record RepairPlans(RepairPlan Back, RepairPlan Forward, string Summary)
{
    public EmbeddedMigration? Migration { get; init; }

    public bool ForwardInTransaction { get; init; }

    public int StatementCount { get; init; }
}

/// <summary>Builds the plans back and forward for one failed migration.</summary>
internal static class RepairPlanner
{
    public static RepairPlans Plan(EmbeddedMigrations migrations, SchemaBuildResult? build, SqlDialect dialect, AppliedMigration row, bool nothingRemains, Catalog live)
    {
        var index = IndexOf(migrations, row.Id);
        var error = row.Error is { Length: > 0 } e ? $"Its recorded error: {e.TrimEnd('.')}." : "It recorded no error: the process applying it stopped before it finished.";
        if (index < 0 || build is null || index >= build.Steps.Count)
        {
            var reason = index < 0
                ? $"This build does not have migration {row.Id}, so repair cannot tell what it changes. Run repair with the build that applied it."
                : $"This build's migrations cannot be read into a schema (`schematasks snapshot` and the build report the errors), so repair cannot tell what migration {row.Id} changes. Fix those errors first.";
            return new RepairPlans(Blocked(RepairDirection.Before, reason), Blocked(RepairDirection.After, reason), error);
        }

        var embedded = migrations.Migrations[index];
        var before = build.Before(index);
        var script = AppliedScript.Of(migrations.Manifest.Layout, embedded);
        var steps = MigrationSteps.Of(embedded, script, dialect, before);
        var sameText = string.Equals(row.Checksum?.Trim(), embedded.Sha256, StringComparison.OrdinalIgnoreCase);
        var progress = StatementProgress.Of(row, nothingRemains, sameText ? steps : null, live);

        // Only what ran is undone: an object the migration would create but that existed before it
        // (often the very reason it failed) is not the migration's to drop.
        var ranUpTo = progress.Ran is { } ran && (sameText || ran == 0) ? steps.After(ran) : build.After(index);
        var back = PlanBack(before, ranUpTo, live, steps, progress, sameText, embedded);
        var forward = sameText || progress.Ran == 0
            ? PlanForward(steps, progress, embedded, dialect, script)
            : Blocked(RepairDirection.After, $"This build's text of {embedded.Id} differs from the text that failed (recorded SHA-256 {row.Checksum?.Trim() ?? "none"}, this build {embedded.Sha256}), and part of that text ran, so which of this build's statements remain to run is not known. Repair back (--to before) and migrate, or run forward with the build that failed.");
        return new RepairPlans(back, forward, $"{error} Progress: {progress.Evidence}.")
        {
            Migration = embedded,
            ForwardInTransaction = dialect == SqlDialect.Postgres && PostgresTransactionRule.Decide(script.Text, steps.Statements, script.NoTransaction).InTransaction,
            StatementCount = steps.Statements.Count,
        };
    }

    private static RepairPlan PlanBack(Catalog before, Catalog after, Catalog live, MigrationSteps steps, StatementProgress progress, bool sameText, EmbeddedMigration embedded)
    {
        var (statements, blockers) = BackPlanner.Plan(before, after, live);
        var notes = new List<string>();
        if (!sameText && progress.Ran != 0)
        {
            notes.Add($"This build's text of {embedded.Id} differs from the text that failed: the plan undoes what this build's text changes. For an exact plan, run repair with the build that failed.");
        }
        else if (sameText)
        {
            // Statements that ran (or may have) and change nothing repair tracks: indexes, keys, rows, functions.
            var ran = progress.Ran ?? steps.Statements.Count;
            var untracked = Enumerable.Range(0, ran).Where(i => steps.Changes(i, live).Count == 0).Select(i => $"{steps.Name(i)} {steps.Touches(i)}").ToList();
            if (untracked.Count > 0)
            {
                notes.Add($"Not undone, because repair does not track what they change (indexes, keys, rows, routines): {string.Join("; ", untracked)}{(progress.Ran is null ? " (if they ran)" : string.Empty)}. Undo them by hand if they left anything the fixed migration would collide with.");
            }
        }

        return new RepairPlan(RepairDirection.Before, statements, blockers, notes);
    }

    private static RepairPlan PlanForward(MigrationSteps steps, StatementProgress progress, EmbeddedMigration embedded, SqlDialect dialect, AppliedScript script)
    {
        if (progress.Ran is not { } ran)
        {
            return Blocked(RepairDirection.After, $"Repair cannot tell which statements of {embedded.Id} ran: {progress.Evidence}. Check by hand, or repair back (--to before) and migrate again.");
        }

        var statements = new List<RepairStatement>();
        for (var i = ran; i < steps.Statements.Count; i++)
        {
            var dropsData = steps.Changes(i, Catalog.Empty(dialect)).Any(c => c.Kind is "table" or "column" && c.Change != MigrationObjectChange.Create);
            statements.Add(new RepairStatement(steps.Statements[i].Text, $"{steps.Name(i)}: {steps.Touches(i)}", dropsData) { MigrationStatement = i + 1 });
        }

        var notes = new List<string>();
        if (dialect == SqlDialect.Postgres)
        {
            var decision = PostgresTransactionRule.Decide(script.Text, steps.Statements, script.NoTransaction);
            notes.Add(decision.InTransaction
                ? "They run in one transaction with the history change: all or nothing."
                : $"They run one by one without a transaction ({decision.Reason}).");
        }

        return new RepairPlan(RepairDirection.After, statements, [], notes);
    }

    private static RepairPlan Blocked(RepairDirection direction, string reason) => new(direction, [], [reason], []);

    private static int IndexOf(EmbeddedMigrations migrations, string id)
    {
        for (var i = 0; i < migrations.Migrations.Count; i++)
        {
            if (migrations.Migrations[i].Id == id) return i;
        }

        return -1;
    }
}
