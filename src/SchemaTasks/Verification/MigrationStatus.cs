namespace SchemaTasks.Verification;

/// <summary>Where a migration stands in a database.</summary>
public enum MigrationState
{
    /// <summary>The history records it as applied (or covered by a baseline).</summary>
    Applied,

    /// <summary>Not applied yet (or rolled back).</summary>
    Pending,

    /// <summary>It started and failed; the database may hold part of it.</summary>
    Failed,

    /// <summary>golang-migrate marks it dirty: it started and did not finish.</summary>
    Dirty,

    /// <summary>The database records a migration this build does not have (the database is ahead, or the file was deleted).</summary>
    Unknown,
}

/// <summary>One migration's state in a database.</summary>
/// <param name="Id">The migration's id (the history's key).</param>
/// <param name="State">Where it stands.</param>
public sealed record MigrationStatus(string Id, MigrationState State)
{
    /// <summary>The embedded migration's description; the history's for unknown ones.</summary>
    public string? Name { get; init; }

    /// <summary>The embedded file, relative to the migrations folder; <see langword="null"/> for unknown migrations.</summary>
    public string? RelativePath { get; init; }

    /// <summary>Whether the recorded checksum matches the embedded text.</summary>
    public ChecksumStatus Checksum { get; init; } = ChecksumStatus.NotRecorded;

    /// <summary>The history row that decided the state, if any.</summary>
    public AppliedMigration? Applied { get; init; }

    /// <summary>A pending migration that sorts before one already applied (merged late, or skipped).</summary>
    public bool OutOfOrder { get; init; }

    /// <summary>Applied, but the file changed after it was applied.</summary>
    public bool IsEdited => State == MigrationState.Applied && Checksum == ChecksumStatus.Differs;
}
