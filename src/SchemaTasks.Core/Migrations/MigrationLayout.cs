namespace SchemaTasks.Migrations;

/// <summary>How a tool names and stores its migration files.</summary>
public enum MigrationLayout
{
    /// <summary>Prisma: <c>&lt;timestamp&gt;_&lt;name&gt;/migration.sql</c>, dialect in <c>migration_lock.toml</c>.</summary>
    Prisma,

    /// <summary>golang-migrate: <c>&lt;version&gt;_&lt;name&gt;.up.sql</c>; <c>.down.sql</c> files are not schema history.</summary>
    GolangMigrate,

    /// <summary>Flyway: <c>V&lt;version&gt;__&lt;description&gt;.sql</c>; repeatable and undo scripts are not schema history.</summary>
    Flyway,

    /// <summary>dbmate: <c>&lt;version&gt;_&lt;name&gt;.sql</c> holding <c>-- migrate:up</c> and <c>-- migrate:down</c> sections.</summary>
    Dbmate,

    /// <summary>
    /// Plain ordered <c>*.sql</c> files (DbUp and similar), in natural sort order; in a folder of
    /// up/down pairs only the up files.
    /// </summary>
    Plain,

    /// <summary>
    /// goose: <c>&lt;version&gt;_&lt;name&gt;.sql</c> with <c>-- +goose Up</c> and <c>-- +goose Down</c>
    /// sections, and Go-function migrations <c>&lt;version&gt;_&lt;name&gt;.go</c> in the same sequence.
    /// </summary>
    Goose,

    /// <summary>sqlx: <c>&lt;version&gt;_&lt;description&gt;.sql</c>, or <c>.up.sql</c> / <c>.down.sql</c> pairs.</summary>
    Sqlx,

    /// <summary>
    /// drizzle-kit: <c>meta/_journal.json</c> naming <c>&lt;tag&gt;.sql</c> files, or the folder form
    /// <c>&lt;timestamp&gt;_&lt;name&gt;/migration.sql</c> beside a <c>snapshot.json</c>.
    /// </summary>
    Drizzle,

    /// <summary>
    /// Atlas (versioned): every <c>*.sql</c> file of the folder, in name order, the version the name up
    /// to the first <c>_</c>, with <c>atlas.sum</c> holding the folder's chained checksums.
    /// </summary>
    Atlas,

    /// <summary>
    /// Liquibase formatted SQL: <c>.sql</c> changelogs starting with <c>--liquibase formatted sql</c>,
    /// each <c>--changeset author:id</c> one migration, the files in path order.
    /// </summary>
    Liquibase,

    /// <summary>
    /// diesel: one folder per migration, <c>&lt;version&gt;_&lt;name&gt;/up.sql</c>, in version order, the
    /// version the folder name up to the first <c>_</c> without its <c>-</c>; <c>down.sql</c> is not schema history.
    /// </summary>
    Diesel,

    /// <summary>
    /// pop (gobuffalo/pop, ory's popx): <c>&lt;version&gt;_&lt;name&gt;[.&lt;dialect&gt;][.autocommit].up.sql</c>,
    /// in version order; each version runs its file for the dialect if there is one, else the file
    /// without a dialect. <c>.down.sql</c> files are not schema history.
    /// </summary>
    Pop,

    /// <summary>
    /// sql-migrate (rubenv/sql-migrate): every <c>*.sql</c> file directly in the folder, with
    /// <c>-- +migrate Up</c> and <c>-- +migrate Down</c> sections, ordered by the number its name
    /// starts with (names without one after, by name); the file name is the id in <c>gorp_migrations</c>.
    /// </summary>
    SqlMigrate,
}

/// <summary>The names users write for a <see cref="MigrationLayout"/>.</summary>
public static class MigrationLayoutNames
{
    /// <summary>The name of <paramref name="layout"/> as written in properties and files.</summary>
    public static string ToName(this MigrationLayout layout) => layout switch
    {
        MigrationLayout.Prisma => "prisma",
        MigrationLayout.GolangMigrate => "golang-migrate",
        MigrationLayout.Flyway => "flyway",
        MigrationLayout.Dbmate => "dbmate",
        MigrationLayout.Plain => "plain",
        MigrationLayout.Goose => "goose",
        MigrationLayout.Sqlx => "sqlx",
        MigrationLayout.Drizzle => "drizzle",
        MigrationLayout.Atlas => "atlas",
        MigrationLayout.Liquibase => "liquibase",
        MigrationLayout.Diesel => "diesel",
        MigrationLayout.Pop => "pop",
        MigrationLayout.SqlMigrate => "sql-migrate",
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    /// <summary>Reads a layout name, case-insensitively.</summary>
    public static bool TryParse(string? text, out MigrationLayout layout)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "prisma": layout = MigrationLayout.Prisma; return true;
            case "golang-migrate" or "migrate" or "golang": layout = MigrationLayout.GolangMigrate; return true;
            case "flyway": layout = MigrationLayout.Flyway; return true;
            case "dbmate": layout = MigrationLayout.Dbmate; return true;
            case "plain" or "dbup": layout = MigrationLayout.Plain; return true;
            case "goose": layout = MigrationLayout.Goose; return true;
            case "sqlx": layout = MigrationLayout.Sqlx; return true;
            case "drizzle" or "drizzle-kit": layout = MigrationLayout.Drizzle; return true;
            case "atlas": layout = MigrationLayout.Atlas; return true;
            case "liquibase": layout = MigrationLayout.Liquibase; return true;
            case "diesel": layout = MigrationLayout.Diesel; return true;
            case "pop" or "popx": layout = MigrationLayout.Pop; return true;
            case "sql-migrate" or "sqlmigrate" or "sql_migrate": layout = MigrationLayout.SqlMigrate; return true;
            default: layout = default; return false;
        }
    }
}
