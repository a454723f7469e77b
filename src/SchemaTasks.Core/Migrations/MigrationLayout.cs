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

    /// <summary>Plain ordered <c>*.sql</c> files (DbUp and similar), in natural sort order.</summary>
    Plain,
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
            default: layout = default; return false;
        }
    }
}
