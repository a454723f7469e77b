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
        ["_prisma_migrations", "schema_migrations", "flyway_schema_history", "__efmigrationshistory", "schemaversions", "schematasks_history", "goose_db_version", "_sqlx_migrations", "__drizzle_migrations", "atlas_schema_revisions", "changelog", "databasechangelog", "gorp_migrations"];

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
        // goose lists its rows newest first and the first row of a version decides; oldest first here, where later rows win.
        MigrationHistoryKind.Goose => $"SELECT version_id, is_applied, tstamp FROM {table} ORDER BY id",
        MigrationHistoryKind.Sqlx => $"SELECT version, description, installed_on, success, checksum FROM {table} ORDER BY version",
        MigrationHistoryKind.Drizzle => $"SELECT hash, created_at FROM {table} ORDER BY created_at, id",
        // Unquoted, as Liquibase creates them: upper case on MySQL, folded to lower case on PostgreSQL.
        MigrationHistoryKind.Liquibase => $"SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, EXECTYPE, MD5SUM, DESCRIPTION FROM {table} ORDER BY ORDEREXECUTED, DATEEXECUTED",
        MigrationHistoryKind.Evolve => $"SELECT version, description, name, {quote("type")}, checksum, installed_on, success FROM {table} ORDER BY id",
        MigrationHistoryKind.Atlas => $"SELECT version, description, {quote("type")}, applied, total, executed_at, error, error_stmt, hash FROM {table} ORDER BY version",
        MigrationHistoryKind.SqlMigrate => $"SELECT id, applied_at FROM {table} ORDER BY id",
        MigrationHistoryKind.SchemaTasks =>
            $"SELECT migration_id, name, checksum, started_at, finished_at, success, error, {(hasStatementCount ? "statements_applied" : "NULL")} FROM {table} ORDER BY started_at, migration_id",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Maps the rows of <see cref="Select"/>.</summary>
    /// <exception cref="SchemaTasksException"><c>ST6008</c>: a row of <paramref name="table"/> its tool would not have written.</exception>
    public static async Task<IReadOnlyList<AppliedMigration>> ReadAsync(MigrationHistoryKind kind, DbDataReader reader, CancellationToken cancellationToken, string? table = null)
    {
        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (Map(kind, reader) is { } row) rows.Add(row);
            }
            catch (SchemaTasksException error) when (table is not null && error.Code == DiagnosticCodes.UnreadableHistory)
            {
                throw new SchemaTasksException(error.Code, $"Table {table}: {error.Message}");
            }
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
                "goose_db_version" => MigrationHistoryKind.Goose,
                "_sqlx_migrations" => MigrationHistoryKind.Sqlx,
                "__drizzle_migrations" => MigrationHistoryKind.Drizzle,
                "atlas_schema_revisions" => MigrationHistoryKind.Atlas,
                "databasechangelog" => MigrationHistoryKind.Liquibase,
                "gorp_migrations" => MigrationHistoryKind.SqlMigrate,
                // "changelog" is a common name: only a table with Evolve's columns is Evolve's.
                "changelog" => new[] { "installed_by", "success", "checksum", "name" }.All(n => table.Any(c => c.Column.Equals(n, StringComparison.OrdinalIgnoreCase))) ? MigrationHistoryKind.Evolve : null,
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

    /// <summary>The error for a row of a history table that its tool would not have written.</summary>
    public static SchemaTasksException UninterpretableRow(MigrationHistoryKind kind, string row, string why) => new(
        DiagnosticCodes.UnreadableHistory,
        $"A row of {kind.ToName()}'s history table cannot be interpreted: {row} {why}. Correct or delete the row, or set the history kind to the tool that wrote the table.");

    private static AppliedMigration? Map(MigrationHistoryKind kind, DbDataReader r)
    {
        switch (kind)
        {
            case MigrationHistoryKind.Goose:
                return GooseRow(r);

            case MigrationHistoryKind.Sqlx:
                return SqlxRow(r);

            case MigrationHistoryKind.Drizzle:
                return DrizzleRow(r);

            case MigrationHistoryKind.Atlas:
                return AtlasRow(r);

            case MigrationHistoryKind.Evolve:
                return EvolveRow(r);

            case MigrationHistoryKind.Liquibase:
                return LiquibaseRow(r);

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

            // sql-migrate writes a row only once the migration's statements ran (in its transaction when it has one).
            case MigrationHistoryKind.SqlMigrate:
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

    // goose: is_applied = false is a version migrated down (older goose wrote such a row; newer
    // goose deletes the version's rows instead). Version 0 is the row goose writes when it creates
    // the table, not a migration.
    private static AppliedMigration? GooseRow(DbDataReader r)
    {
        var version = Long(r, 0);
        if (version is null || version < 0)
        {
            throw UninterpretableRow(MigrationHistoryKind.Goose, $"version_id {Shown(r, 0)}", "is not a version goose writes (a whole number from 0)");
        }

        if (version == 0) return null;
        var applied = Convert.ToBoolean(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return new AppliedMigration(Number(version.Value), applied ? AppliedMigrationState.Succeeded : AppliedMigrationState.RolledBack) { FinishedAt = Time(r, 2) };
    }

    // sqlx: success = false is a migration that did not finish (sqlx calls it dirty and refuses to
    // go on); checksum is the SHA-384 of the file, 48 bytes.
    private static AppliedMigration SqlxRow(DbDataReader r)
    {
        var version = Long(r, 0) ?? throw UninterpretableRow(MigrationHistoryKind.Sqlx, "version NULL", "has no version");
        var checksum = r.IsDBNull(4) ? null : r.GetValue(4) as byte[];
        if (checksum is not { Length: 48 })
        {
            throw UninterpretableRow(MigrationHistoryKind.Sqlx, $"version {version}", $"has checksum {Shown(r, 4)}, not the 48 bytes of a SHA-384");
        }

        var success = Convert.ToBoolean(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
        return new AppliedMigration(Number(version), success ? AppliedMigrationState.Succeeded : AppliedMigrationState.Dirty)
        {
            Name = Text(r, 1),
            Checksum = Convert.ToHexString(checksum).ToLowerInvariant(),
            FinishedAt = Time(r, 2),
        };
    }

    // drizzle: created_at is the journal entry's "when" (the key), hash the SHA-256 hex of the file.
    private static AppliedMigration DrizzleRow(DbDataReader r)
    {
        var hash = Text(r, 0);
        var createdAt = r.IsDBNull(1) ? null : Convert.ToString(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        if (createdAt is null || !long.TryParse(createdAt, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var when))
        {
            throw UninterpretableRow(MigrationHistoryKind.Drizzle, $"hash {hash ?? "NULL"}", $"has created_at {createdAt ?? "NULL"}, not the milliseconds of a journal entry's \"when\"");
        }

        return new AppliedMigration(Number(when), AppliedMigrationState.Succeeded)
        {
            Checksum = hash,
            FinishedAt = DateTimeOffset.FromUnixTimeMilliseconds(when),
        };
    }

    // Liquibase: one row per changeset, keyed file::id::author as Liquibase names it. EXECUTED and
    // RERAN ran it, MARK_RAN declared it run; FAILED (failOnError:false) and SKIPPED did not run it.
    private static AppliedMigration LiquibaseRow(DbDataReader r)
    {
        var id = Text(r, 0);
        var author = Text(r, 1);
        var file = Text(r, 2);
        var key = $"{file}::{id}::{author}";
        if (id is null || author is null || file is null)
        {
            throw UninterpretableRow(MigrationHistoryKind.Liquibase, $"changeset {key}", "lacks its ID, AUTHOR or FILENAME");
        }

        var state = Text(r, 4)?.Trim().ToUpperInvariant() switch
        {
            "EXECUTED" or "RERAN" or "MARK_RAN" => AppliedMigrationState.Succeeded,
            "FAILED" => AppliedMigrationState.Failed,
            "SKIPPED" => AppliedMigrationState.RolledBack,
            _ => throw UninterpretableRow(MigrationHistoryKind.Liquibase, $"changeset {key}", $"has EXECTYPE {Shown(r, 4)}, not one Liquibase writes (EXECUTED, FAILED, SKIPPED, RERAN, MARK_RAN)"),
        };
        return new AppliedMigration(key, state)
        {
            Name = Text(r, 6),
            Checksum = Text(r, 5),
            FinishedAt = Time(r, 3),
            Error = state == AppliedMigrationState.Failed ? "Liquibase recorded it as FAILED (the changeset has failOnError:false); its error is only in Liquibase's log" : null,
        };
    }

    // Evolve: type 0 is a versioned migration, 3 the start version (the migrations below it are
    // never run), 1 and 2 the schemas it created or found empty, 4 a repeatable migration; only a
    // row with success = true counts as applied, and Evolve runs a failed one again.
    private static AppliedMigration? EvolveRow(DbDataReader r)
    {
        var name = Text(r, 2) ?? "NULL";
        var type = Long(r, 3);
        if (type is 1 or 2 or 4) return null;
        if (type is not (0 or 3))
        {
            throw UninterpretableRow(MigrationHistoryKind.Evolve, $"name {name}", $"has type {Shown(r, 3)}, not one Evolve writes (0 migration, 1 new schema, 2 empty schema, 3 start version, 4 repeatable)");
        }

        var version = Text(r, 0) ?? throw UninterpretableRow(MigrationHistoryKind.Evolve, $"name {name}", "has no version");
        if (type == 3) return new AppliedMigration(version, AppliedMigrationState.Baseline) { Name = Text(r, 1) };
        var success = Convert.ToBoolean(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture);
        return new AppliedMigration(version, success ? AppliedMigrationState.Succeeded : AppliedMigrationState.Failed)
        {
            Name = Text(r, 1),
            Checksum = Text(r, 4),
            FinishedAt = Time(r, 5),
            Error = success ? null : $"Evolve recorded {name} as failed (success = false); its error is only in Evolve's log",
        };
    }

    // Atlas: type 1 is a baseline, 2 a file it ran, 4 a file marked applied by `atlas migrate set`,
    // 6 a ran file `migrate set` declared finished. A ran file with applied < total or an error
    // stopped at statement applied + 1 (error_stmt), and Atlas resumes there on the next apply.
    private static AppliedMigration AtlasRow(DbDataReader r)
    {
        var version = Text(r, 0) ?? throw UninterpretableRow(MigrationHistoryKind.Atlas, "version NULL", "has no version");
        var type = Long(r, 2);
        if (type is not (1 or 2 or 4 or 6))
        {
            throw UninterpretableRow(MigrationHistoryKind.Atlas, $"version {version}", $"has type {Shown(r, 2)}, not one Atlas writes (1 baseline, 2 applied, 4 manually set, 6 applied + manually set)");
        }

        var applied = Long(r, 3);
        var total = Long(r, 4);
        if (applied is not >= 0 || total is not >= 0)
        {
            throw UninterpretableRow(MigrationHistoryKind.Atlas, $"version {version}", $"has applied {Shown(r, 3)} of total {Shown(r, 4)}, not two counts from 0");
        }

        var error = Text(r, 6);
        var statement = Text(r, 7);
        var resolved = (type.Value & 4) != 0;
        var state = type == 1 ? AppliedMigrationState.Baseline
            : !resolved && (applied < total || !string.IsNullOrEmpty(error)) ? AppliedMigrationState.Dirty
            : AppliedMigrationState.Succeeded;
        return new AppliedMigration(version, state)
        {
            Name = Text(r, 1),
            Checksum = Text(r, 8) is { Length: > 0 } hash ? hash : null,
            FinishedAt = Time(r, 5),
            StepsApplied = (int)Math.Min(applied.Value, int.MaxValue),
            Error = state != AppliedMigrationState.Dirty ? null
                : $"{(string.IsNullOrEmpty(error) ? "stopped" : error)} (statement {applied + 1} of {total} did not complete{(string.IsNullOrEmpty(statement) ? string.Empty : ": " + statement)})",
        };
    }

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shown(DbDataReader r, int i) => r.IsDBNull(i) ? "NULL"
        : r.GetValue(i) is byte[] bytes ? $"0x{Convert.ToHexString(bytes).ToLowerInvariant()} ({bytes.Length} bytes)"
        : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "NULL";

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
