using SchemaTasks.Verification;

namespace SchemaTasks.Migrator;

/// <summary>A database repair works on: SchemaTasks' own history, whose failed rows it can read and clear.</summary>
internal interface IRepairTarget : IMigrationTarget
{
    /// <summary>Whether the failed <paramref name="row"/> proves nothing of its migration remains in the database.</summary>
    bool NothingRemains(AppliedMigration row);

    /// <summary>Reads the live schema, which repair compares with the schemas before and after a failed migration.</summary>
    Task<Schema.Catalog> ReadSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Runs a repair plan, then deletes the failed row or marks it applied, as <paramref name="run"/> says.</summary>
    /// <exception cref="SchemaTasksException"><c>ST7003</c>: a statement failed; the message says what ran and what was rolled back.</exception>
    Task RunRepairAsync(RepairRun run, CancellationToken cancellationToken);
}
