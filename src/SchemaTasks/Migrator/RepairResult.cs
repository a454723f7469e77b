namespace SchemaTasks.Migrator;

/// <summary>What a repair found, and did, for the failed migrations of a database.</summary>
/// <param name="Failed">One entry per migration the history records as failed; empty when there is nothing to repair.</param>
/// <param name="Applied">Whether the repair was asked to apply its plans (otherwise it only reported).</param>
public sealed record RepairResult(IReadOnlyList<FailedMigrationRepair> Failed, bool Applied);

/// <summary>What happened to one failed migration.</summary>
public enum RepairOutcome
{
    /// <summary>A dry run: the plan was reported, nothing changed.</summary>
    DryRun,

    /// <summary>The plan ran and the history row was deleted (back) or marked applied (forward).</summary>
    Repaired,

    /// <summary>The plan holds a statement that drops data and <see cref="RepairOptions.AllowDataLoss"/> was not given: nothing ran.</summary>
    RefusedDataLoss,

    /// <summary>The plan cannot be generated safely (see <see cref="RepairPlan.Blockers"/>): nothing ran.</summary>
    Blocked,
}

/// <summary>One failed migration, the plans out of it, and what repair did.</summary>
/// <param name="Id">The migration id.</param>
/// <param name="Plan">The plan in the direction asked for.</param>
/// <param name="Other">The plan in the other direction, so a person can compare.</param>
/// <param name="Outcome">What repair did.</param>
/// <param name="Summary">What is known of the failure and what was done, in words (the recorded error, the statements that ran).</param>
public sealed record FailedMigrationRepair(string Id, RepairPlan Plan, RepairPlan Other, RepairOutcome Outcome, string Summary);
