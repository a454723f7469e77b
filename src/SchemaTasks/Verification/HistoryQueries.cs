using System.Data.Common;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Verification;

/// <summary>
/// The one query that reads each tool's history table, and the mapping of its rows; shared by
/// the providers, which differ only in identifier quoting and in how they spot a missing table.
/// </summary>
internal static class HistoryQueries
{
    /// <summary>The tables detection looks for, lower case (MySQL on Windows and macOS folds names).</summary>
    public static readonly IReadOnlyList<string> KnownTables =
        ["_prisma_migrations", "schema_migrations", "flyway_schema_history", "__efmigrationshistory", "schemaversions", "schematasks_history"];

    /// <summary>The SELECT for <paramref name="kind"/>; <paramref name="quote"/> quotes one identifier.</summary>
    public static string Select(MigrationHistoryKind kind, string table, Func<string, string> quote, bool hasStatementCount) => kind switch
    {
        MigrationHistoryKind.Prisma =>
            $"SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs, applied_steps_count FROM {table} ORDER BY started_at, migration_name",
        MigrationHistoryKind.GolangMigrate => $"SELECT version, dirty FROM {table}",
        MigrationHistoryKind.Flyway =>
            $"SELECT version, description, {quote("type")}, checksum, installed_on, success FROM {table} WHERE version IS NOT NULL ORDER BY installed_rank",
        MigrationHistoryKind.Dbmate => $"SELECT version FROM {table} ORDER BY version",
        MigrationHistoryKind.EfCore => $"SELECT {quote("MigrationId")}, {quote("ProductVersion")} FROM {table} ORDER BY {quote("MigrationId")}",
        MigrationHistoryKind.DbUp => $"SELECT scriptname, applied FROM {table} ORDER BY applied, scriptname",
        MigrationHistoryKind.SchemaTasks =>
            $"SELECT migration_id, name, checksum, started_at, finished_at, success, error, {(hasStatementCount ? "statements_applied" : "NULL")} FROM {table} ORDER BY started_at, migration_id",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Maps the rows of <see cref="Select"/>.</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> ReadAsync(MigrationHistoryKind kind, DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Map(kind, reader) is { } row) rows.Add(row);
        }

        return rows;
    }

    /// <summary>The kinds whose tables <paramref name="columns"/> (table, column pairs from one catalog query) show.</summary>
    public static IReadOnlyList<MigrationHistoryKind> Detect(IEnumerable<(string Table, string Column)> columns)
    {
        var kinds = new SortedSet<MigrationHistoryKind>();
        foreach (var table in columns.GroupBy(c => c.Table.ToLowerInvariant()))
        {
            MigrationHistoryKind? kind = table.Key switch
            {
                "_prisma_migrations" => MigrationHistoryKind.Prisma,
                // golang-migrate and dbmate share the name; golang-migrate's has a dirty flag.
                "schema_migrations" => table.Any(c => c.Column.Equals("dirty", StringComparison.OrdinalIgnoreCase)) ? MigrationHistoryKind.GolangMigrate : MigrationHistoryKind.Dbmate,
                "flyway_schema_history" => MigrationHistoryKind.Flyway,
                "__efmigrationshistory" => MigrationHistoryKind.EfCore,
                "schemaversions" => MigrationHistoryKind.DbUp,
                "schematasks_history" => MigrationHistoryKind.SchemaTasks,
                _ => null,
            };
            if (kind is { } found) kinds.Add(found);
        }

        return [.. kinds];
    }

    /// <summary>The error for a history table that lacks a column its tool writes.</summary>
    public static SchemaTasksException Unreadable(MigrationHistoryKind kind, string table, string serverMessage) => new(
        DiagnosticCodes.UnreadableHistory,
        $"Table {table} does not look like {kind.ToName()}'s history table ({serverMessage}). Set the history kind to the tool that created it"
        + (kind is MigrationHistoryKind.GolangMigrate or MigrationHistoryKind.Dbmate ? " (golang-migrate and dbmate both use schema_migrations)." : "."));

    private static AppliedMigration? Map(MigrationHistoryKind kind, DbDataReader r)
    {
        switch (kind)
        {
            case MigrationHistoryKind.Prisma:
            {
                // Prisma: finished_at set = applied; rolled_back_at set = resolved as rolled back; neither = failed.
                var finished = Time(r, 3);
                var rolledBack = Time(r, 4);
                var state = rolledBack is not null ? AppliedMigrationState.RolledBack
                    : finished is not null ? AppliedMigrationState.Succeeded
                    : AppliedMigrationState.Failed;
                return new AppliedMigration(r.GetString(0), state)
                {
                    Checksum = Text(r, 1),
                    StartedAt = Time(r, 2),
                    FinishedAt = finished,
                    Error = Text(r, 5),
                    StepsApplied = Int(r, 6),
                };
            }

            case MigrationHistoryKind.GolangMigrate:
                return new AppliedMigration(
                    Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToBoolean(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) ? AppliedMigrationState.Dirty : AppliedMigrationState.Succeeded);

            case MigrationHistoryKind.Flyway:
            {
                var type = r.GetString(2);
                if (type.Equals("SCHEMA", StringComparison.OrdinalIgnoreCase)) return null; // Flyway's "schema created" marker, not a migration.
                var state = type.Equals("BASELINE", StringComparison.OrdinalIgnoreCase) ? AppliedMigrationState.Baseline
                    : type.Equals("DELETE", StringComparison.OrdinalIgnoreCase) || type.StartsWith("UNDO", StringComparison.OrdinalIgnoreCase) ? AppliedMigrationState.RolledBack
                    : Convert.ToBoolean(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) ? AppliedMigrationState.Succeeded
                    : AppliedMigrationState.Failed;
                return new AppliedMigration(r.GetString(0), state)
                {
                    Name = Text(r, 1),
                    Checksum = Int(r, 3)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FinishedAt = Time(r, 4),
                };
            }

            case MigrationHistoryKind.Dbmate:
                return new AppliedMigration(r.GetString(0), AppliedMigrationState.Succeeded);

            case MigrationHistoryKind.EfCore:
                return new AppliedMigration(r.GetString(0), AppliedMigrationState.Succeeded) { Name = "EF Core " + r.GetString(1) };

            case MigrationHistoryKind.DbUp:
                return new AppliedMigration(r.GetString(0), AppliedMigrationState.Succeeded) { FinishedAt = Time(r, 1) };

            default:
                return new AppliedMigration(r.GetString(0), Convert.ToBoolean(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) ? AppliedMigrationState.Succeeded : AppliedMigrationState.Failed)
                {
                    Name = Text(r, 1),
                    Checksum = Text(r, 2),
                    StartedAt = Time(r, 3),
                    FinishedAt = Time(r, 4),
                    Error = Text(r, 6),
                    StepsApplied = Int(r, 7),
                };
        }
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // The typed getter where the column has the expected type, so a history of thousands of rows
    // is not boxed value by value; any other integer type through GetValue.
    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null
        : r.GetFieldType(i) == typeof(int) ? r.GetInt32(i)
        : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    // timestamptz arrives as UTC; timestamp / DATETIME carry no zone: Prisma and SchemaTasks write
    // UTC there, and the other tools' times are only shown, never compared, so UTC is assumed.
    private static DateTimeOffset? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null
        : r.GetFieldType(i) == typeof(DateTime) ? Utc(r.GetDateTime(i))
        : r.GetValue(i) switch
        {
            DateTimeOffset offset => offset,
            DateTime time => Utc(time),
            _ => null,
        };

    private static DateTimeOffset Utc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? new DateTimeOffset(time) : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
