namespace SchemaTasks.Migrating;

/// <summary>What a repair found, and did, for the failed migrations of a database.</summary>
/// <param name="Failed">One entry per migration the history records as failed; empty when there is nothing to repair.</param>
/// <param name="Applied">Whether the repair was asked to change the history (otherwise it only reported).</param>
public sealed record RepairResult(IReadOnlyList<FailedMigrationRepair> Failed, bool Applied);

/// <summary>One failed migration and the way out of it.</summary>
/// <param name="Id">The migration id.</param>
/// <param name="NothingRemains">
/// Whether the history proves nothing of it remains: a PostgreSQL migration rolled back in its
/// transaction, or a MySQL one whose first statement failed. Only then can repair clear it alone.
/// </param>
/// <param name="Cleared">Whether this repair deleted its failed row, so the next run applies it again.</param>
/// <param name="Advice">What to do next, in words, naming the statements that ran when they are known.</param>
public sealed record FailedMigrationRepair(string Id, bool NothingRemains, bool Cleared, string Advice);
