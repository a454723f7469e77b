using SchemaTasks.Verification;

namespace SchemaTasks.Verification;

/// <summary>How a provider's one-call check reads the database.</summary>
public sealed class SchemaCheckOptions
{
    /// <summary>
    /// The tool whose history table records the applied migrations, or <see langword="null"/>
    /// (the default) to detect it: the table of the layout's tool when it exists, else the only
    /// history table found. Detection costs one extra query (on PostgreSQL, sent in the same
    /// batch as the rest of the check).
    /// </summary>
    public MigrationHistoryKind? HistoryKind { get; set; }

    /// <summary>
    /// The PostgreSQL schema (Prisma's <c>?schema=</c>) or MySQL database that holds the history
    /// table; <see langword="null"/> for the connection's current one.
    /// </summary>
    public string? HistorySchema { get; set; }

    /// <summary>The history table's name when the tool was configured with another than its default.</summary>
    public string? HistoryTable { get; set; }

    /// <summary>
    /// Whether to read the live schema and compare it with the migrations' (default
    /// <see langword="true"/>). Off, only the history is checked; a role then needs nothing but
    /// the right to read the history table.
    /// </summary>
    public bool CompareSchema { get; set; } = true;
}
