namespace SchemaTasks.Verification;

/// <summary>How a history table records one migration.</summary>
public enum AppliedMigrationState
{
    /// <summary>The migration ran to the end.</summary>
    Succeeded,

    /// <summary>The migration started and did not finish (Prisma, Flyway, SchemaTasks).</summary>
    Failed,

    /// <summary>golang-migrate's <c>dirty</c> flag: the migration started and did not finish.</summary>
    Dirty,

    /// <summary>
    /// The migration was undone or marked rolled back (Prisma <c>rolled_back_at</c>, Flyway undo
    /// and delete rows); it counts as not applied unless a later row applies it again.
    /// </summary>
    RolledBack,

    /// <summary>Flyway's baseline: this version and every earlier one count as applied without having run.</summary>
    Baseline,
}

/// <summary>One row of a migration history table, in the tool's own terms.</summary>
/// <param name="Id">
/// The key the tool records: Prisma's migration name, golang-migrate's, dbmate's and Flyway's
/// version, EF Core's migration id, DbUp's script name, SchemaTasks' migration id.
/// </param>
/// <param name="State">Whether it succeeded, failed, is dirty, was rolled back, or is a baseline.</param>
public sealed record AppliedMigration(string Id, AppliedMigrationState State)
{
    /// <summary>The description the tool keeps, if any.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The checksum the tool recorded, as text: lower-case hexadecimal SHA-256 for Prisma and
    /// SchemaTasks, Flyway's signed CRC32 in decimal; <see langword="null"/> when not kept.
    /// </summary>
    public string? Checksum { get; init; }

    /// <summary>When the migration started, if recorded.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the migration finished (or, for tools that keep one time, was recorded).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The error or log text the tool recorded for a failed migration.</summary>
    public string? Error { get; init; }

    /// <summary>How many steps (Prisma) or statements (SchemaTasks on MySQL) had run, if recorded.</summary>
    public int? StepsApplied { get; init; }
}
