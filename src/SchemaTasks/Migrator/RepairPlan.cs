namespace SchemaTasks.Migrator;

/// <summary>The statements that bring a failed migration's objects to one side of it, and what stands in the way.</summary>
/// <param name="Direction">Which side.</param>
/// <param name="Statements">The statements, in the order they run; empty when the database is already there.</param>
/// <param name="Blockers">
/// Why the plan cannot be applied, each naming the object and what to do instead (a label
/// PostgreSQL cannot drop, a table whose data is gone, statements of which it is unknown whether
/// they ran); empty when it can.
/// </param>
/// <param name="Notes">What the plan leaves alone and a person should know (statements that change objects repair does not track).</param>
public sealed record RepairPlan(RepairDirection Direction, IReadOnlyList<RepairStatement> Statements, IReadOnlyList<string> Blockers, IReadOnlyList<string> Notes)
{
    /// <summary>Whether the plan can be applied (nothing blocks it).</summary>
    public bool CanApply => Blockers.Count == 0;

    /// <summary>Whether any statement drops data, so applying needs <see cref="RepairOptions.AllowDataLoss"/>.</summary>
    public bool DropsData => Statements.Any(s => s.DropsData);
}

/// <summary>One statement of a repair plan.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Touches">The objects it changes, as a person reads them (<c>table public.job</c>), or its first words when it changes nothing repair tracks.</param>
/// <param name="DropsData">Whether it drops data (a table, a column, values a column held).</param>
public sealed record RepairStatement(string Sql, string Touches, bool DropsData)
{
    /// <summary>The migration statement (1-based) this runs, when repairing forward; the MySQL history counts it.</summary>
    internal int? MigrationStatement { get; init; }
}
