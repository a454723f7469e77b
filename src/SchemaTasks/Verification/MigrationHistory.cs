namespace SchemaTasks.Verification;

/// <summary>What a database's migration history table holds.</summary>
/// <param name="Kind">Which tool's table it is.</param>
/// <param name="Table">The table read, as the query named it (<c>momentum._prisma_migrations</c>).</param>
/// <param name="TableExists">
/// Whether the table exists. A missing table is a database no migration has reached, not an
/// error: every migration is then pending.
/// </param>
/// <param name="Entries">The rows, in the order the tool applied them.</param>
public sealed record MigrationHistory(MigrationHistoryKind Kind, string Table, bool TableExists, IReadOnlyList<AppliedMigration> Entries)
{
    /// <summary>The history of a database that has no history table.</summary>
    public static MigrationHistory Missing(MigrationHistoryKind kind, string table) => new(kind, table, false, []);
}

/// <summary>Reads a database's migration history; implemented by the provider packages.</summary>
public interface IMigrationHistoryReader
{
    /// <summary>Which tool's history this reader reads.</summary>
    MigrationHistoryKind Kind { get; }

    /// <summary>Reads the history table in one query; a missing table gives <see cref="MigrationHistory.Missing"/>.</summary>
    Task<MigrationHistory> ReadAsync(CancellationToken cancellationToken = default);
}
