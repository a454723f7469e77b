namespace SchemaTasks.Migrator;

/// <summary>Which state repair brings a failed migration's objects to.</summary>
public enum RepairDirection
{
    /// <summary>Back to the schema before the migration; its failed row is then deleted, so the next run applies it again.</summary>
    Before,

    /// <summary>Forward to the schema after it, by running its statements that did not run; its row is then marked applied.</summary>
    After,
}

/// <summary>What a repair does with the failed migrations of a database.</summary>
public sealed record RepairOptions
{
    /// <summary>The direction; <see cref="RepairDirection.Before"/> unless set.</summary>
    public RepairDirection To { get; init; } = RepairDirection.Before;

    /// <summary>
    /// Whether to run the plan and change the history; <see langword="false"/> (the default) only
    /// reports the statements that would run.
    /// </summary>
    public bool Apply { get; init; }

    /// <summary>
    /// Whether the plan may run statements that drop data (DROP TABLE, DROP COLUMN, narrowing a
    /// column's type or value list). Without it a plan holding one is refused whole.
    /// </summary>
    public bool AllowDataLoss { get; init; }

    /// <summary>How long to wait for the migration lock; <see cref="MigrateOptions.DefaultLockTimeout"/> unless set.</summary>
    public TimeSpan LockTimeout { get; init; } = MigrateOptions.DefaultLockTimeout;
}
