using SchemaTasks.Migrations;

namespace SchemaTasks.Verification;

/// <summary>Which tool's history table records the applied migrations.</summary>
public enum MigrationHistoryKind
{
    /// <summary>SchemaTasks' own migrator: <c>schematasks_history</c>, with SHA-256 checksums.</summary>
    SchemaTasks,

    /// <summary>Prisma: <c>_prisma_migrations</c>, with SHA-256 checksums and failed / rolled-back rows.</summary>
    Prisma,

    /// <summary>golang-migrate: <c>schema_migrations(version, dirty)</c>, one row holding the current version.</summary>
    GolangMigrate,

    /// <summary>Flyway: <c>flyway_schema_history</c>, with Flyway's CRC32 checksums.</summary>
    Flyway,

    /// <summary>dbmate: <c>schema_migrations(version)</c>, one row per applied version.</summary>
    Dbmate,

    /// <summary>Entity Framework Core: <c>__EFMigrationsHistory(MigrationId, ProductVersion)</c>.</summary>
    EfCore,

    /// <summary>DbUp: <c>schemaversions(scriptname, applied)</c>.</summary>
    DbUp,

    /// <summary>
    /// goose: <c>goose_db_version(id, version_id, is_applied, tstamp)</c>; the latest row of a
    /// version decides, and version 0 is goose's own first row. No checksum.
    /// </summary>
    Goose,

    /// <summary>
    /// sqlx: <c>_sqlx_migrations(version, description, installed_on, success, checksum, execution_time)</c>,
    /// with SHA-384 checksums of the whole file; <c>success = false</c> is a dirty migration.
    /// </summary>
    Sqlx,

    /// <summary>
    /// drizzle: <c>__drizzle_migrations(id, hash, created_at)</c> (in schema <c>drizzle</c> on
    /// PostgreSQL), <c>created_at</c> the journal's <c>when</c>, <c>hash</c> SHA-256 of the file.
    /// </summary>
    Drizzle,

    /// <summary>
    /// Atlas: <c>atlas_schema_revisions(version, description, type, applied, total, executed_at,
    /// execution_time, error, error_stmt, hash, partial_hashes, operator_version)</c> (in schema
    /// <c>atlas_schema_revisions</c> on PostgreSQL unless Atlas was given one); <c>applied &lt; total</c>
    /// or an <c>error</c> is a partly applied migration; <c>hash</c> is the file's <c>atlas.sum</c> entry.
    /// </summary>
    Atlas,

    /// <summary>
    /// Evolve: <c>changelog(id, type, version, description, name, checksum, installed_by, installed_on, success)</c>
    /// beside Flyway-named files; <c>checksum</c> is the upper-case MD5 of the file's text with CRLF
    /// read as LF, <c>success = false</c> a migration that failed, type 3 the start version.
    /// </summary>
    Evolve,

    /// <summary>
    /// Liquibase: <c>DATABASECHANGELOG(ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, ...)</c>
    /// (<c>databasechangelog</c> on PostgreSQL), one row per changeset, <c>MD5SUM</c> in checksum version 9.
    /// </summary>
    Liquibase,

    /// <summary>
    /// sql-migrate: <c>gorp_migrations(id, applied_at)</c>, one row per applied migration, <c>id</c>
    /// its file name (<c>.sql</c> included). No checksum.
    /// </summary>
    SqlMigrate,
}

/// <summary>Names, default tables and the default choice of <see cref="MigrationHistoryKind"/>.</summary>
public static class MigrationHistoryKinds
{
    /// <summary>The name of <paramref name="kind"/> as written in options and reports.</summary>
    public static string ToName(this MigrationHistoryKind kind) => kind switch
    {
        MigrationHistoryKind.SchemaTasks => "schematasks",
        MigrationHistoryKind.Prisma => "prisma",
        MigrationHistoryKind.GolangMigrate => "golang-migrate",
        MigrationHistoryKind.Flyway => "flyway",
        MigrationHistoryKind.Dbmate => "dbmate",
        MigrationHistoryKind.EfCore => "efcore",
        MigrationHistoryKind.DbUp => "dbup",
        MigrationHistoryKind.Goose => "goose",
        MigrationHistoryKind.Sqlx => "sqlx",
        MigrationHistoryKind.Drizzle => "drizzle",
        MigrationHistoryKind.Atlas => "atlas",
        MigrationHistoryKind.Evolve => "evolve",
        MigrationHistoryKind.Liquibase => "liquibase",
        MigrationHistoryKind.SqlMigrate => "sql-migrate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Reads a history kind name, case-insensitively.</summary>
    public static bool TryParse(string? text, out MigrationHistoryKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "schematasks": kind = MigrationHistoryKind.SchemaTasks; return true;
            case "prisma": kind = MigrationHistoryKind.Prisma; return true;
            case "golang-migrate" or "migrate" or "golang": kind = MigrationHistoryKind.GolangMigrate; return true;
            case "flyway": kind = MigrationHistoryKind.Flyway; return true;
            case "dbmate": kind = MigrationHistoryKind.Dbmate; return true;
            case "efcore" or "ef" or "ef-core": kind = MigrationHistoryKind.EfCore; return true;
            case "dbup": kind = MigrationHistoryKind.DbUp; return true;
            case "goose": kind = MigrationHistoryKind.Goose; return true;
            case "sqlx": kind = MigrationHistoryKind.Sqlx; return true;
            case "drizzle" or "drizzle-kit" or "drizzle-orm": kind = MigrationHistoryKind.Drizzle; return true;
            case "atlas": kind = MigrationHistoryKind.Atlas; return true;
            case "evolve": kind = MigrationHistoryKind.Evolve; return true;
            case "liquibase": kind = MigrationHistoryKind.Liquibase; return true;
            case "sql-migrate" or "sqlmigrate" or "sql_migrate" or "gorp": kind = MigrationHistoryKind.SqlMigrate; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>
    /// Whether the migrator can record applied migrations in <paramref name="kind"/>'s table, as that
    /// tool writes it (<see cref="Migrator.MigrateOptions.History"/>): SchemaTasks, Prisma,
    /// golang-migrate, dbmate, goose, sqlx, drizzle and sql-migrate.
    /// </summary>
    public static bool IsWritableByMigrator(this MigrationHistoryKind kind) => kind is
        MigrationHistoryKind.SchemaTasks or MigrationHistoryKind.Prisma or MigrationHistoryKind.GolangMigrate or MigrationHistoryKind.Dbmate
        or MigrationHistoryKind.Goose or MigrationHistoryKind.Sqlx or MigrationHistoryKind.Drizzle or MigrationHistoryKind.SqlMigrate;

    /// <summary>The table the tool creates by default.</summary>
    public static string DefaultTable(this MigrationHistoryKind kind) => kind switch
    {
        MigrationHistoryKind.SchemaTasks => "schematasks_history",
        MigrationHistoryKind.Prisma => "_prisma_migrations",
        MigrationHistoryKind.GolangMigrate or MigrationHistoryKind.Dbmate => "schema_migrations",
        MigrationHistoryKind.Flyway => "flyway_schema_history",
        MigrationHistoryKind.EfCore => "__EFMigrationsHistory",
        MigrationHistoryKind.DbUp => "schemaversions",
        MigrationHistoryKind.Goose => "goose_db_version",
        MigrationHistoryKind.Sqlx => "_sqlx_migrations",
        MigrationHistoryKind.Drizzle => "__drizzle_migrations",
        MigrationHistoryKind.Atlas => "atlas_schema_revisions",
        MigrationHistoryKind.Evolve => "changelog",
        MigrationHistoryKind.Liquibase => "DATABASECHANGELOG",
        MigrationHistoryKind.SqlMigrate => "gorp_migrations",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The PostgreSQL schema the tool keeps its table in when it is not configured otherwise:
    /// <c>drizzle</c> for drizzle, <c>atlas_schema_revisions</c> for Atlas (its default when its URL
    /// names no schema); <see langword="null"/> (the search path) for the others.
    /// </summary>
    public static string? DefaultPostgresSchema(this MigrationHistoryKind kind) => kind switch
    {
        MigrationHistoryKind.Drizzle => "drizzle",
        MigrationHistoryKind.Atlas => "atlas_schema_revisions",
        _ => null,
    };

    /// <summary>
    /// The table's name on PostgreSQL, which folds the unquoted names a tool creates to lower case:
    /// Liquibase's <c>DATABASECHANGELOG</c> is <c>databasechangelog</c> there.
    /// </summary>
    internal static string DefaultPostgresTable(this MigrationHistoryKind kind) =>
        kind == MigrationHistoryKind.Liquibase ? kind.DefaultTable().ToLowerInvariant() : kind.DefaultTable();

    /// <summary>The history kind of the tool that owns <paramref name="layout"/>.</summary>
    public static MigrationHistoryKind ForLayout(MigrationLayout layout) => layout switch
    {
        MigrationLayout.Prisma => MigrationHistoryKind.Prisma,
        MigrationLayout.GolangMigrate => MigrationHistoryKind.GolangMigrate,
        MigrationLayout.Flyway => MigrationHistoryKind.Flyway,
        MigrationLayout.Dbmate => MigrationHistoryKind.Dbmate,
        MigrationLayout.Goose => MigrationHistoryKind.Goose,
        MigrationLayout.Sqlx => MigrationHistoryKind.Sqlx,
        MigrationLayout.Drizzle => MigrationHistoryKind.Drizzle,
        MigrationLayout.Atlas => MigrationHistoryKind.Atlas,
        MigrationLayout.Liquibase => MigrationHistoryKind.Liquibase,
        MigrationLayout.SqlMigrate => MigrationHistoryKind.SqlMigrate,
        _ => MigrationHistoryKind.SchemaTasks,
    };

    /// <summary>
    /// Chooses the history to read from the history tables a database has (as a provider's
    /// detection finds them): the table of the tool that owns <paramref name="layout"/> when it
    /// exists, else SchemaTasks' own, else the only one found. With none, the layout's tool:
    /// its missing table then means nothing has been applied.
    /// </summary>
    /// <exception cref="SchemaTasksException"><c>ST6009</c>: several unrelated history tables exist.</exception>
    public static MigrationHistoryKind Choose(IReadOnlyCollection<MigrationHistoryKind> found, MigrationLayout layout)
    {
        ArgumentNullException.ThrowIfNull(found);
        var own = ForLayout(layout);
        if (found.Contains(own)) return own;
        if (found.Contains(MigrationHistoryKind.SchemaTasks)) return MigrationHistoryKind.SchemaTasks;
        if (found.Count == 0) return own;
        if (found.Count == 1) return found.First();

        var names = string.Join(", ", found.Order().Select(k => $"{k.ToName()} ({k.DefaultTable()})"));
        throw new SchemaTasksException(
            Diagnostics.DiagnosticCodes.AmbiguousHistory,
            $"The database has the history tables of several tools: {names}, and none belongs to the {layout.ToName()} layout. Set the history kind to the tool that applies these migrations.");
    }
}
