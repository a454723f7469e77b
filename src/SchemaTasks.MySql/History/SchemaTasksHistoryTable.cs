namespace SchemaTasks.MySql.History;

/// <summary>
/// SchemaTasks' own history table on MySQL and MariaDB: one row per migration, rewritten when a
/// failed migration is retried. MySQL commits each DDL statement as it runs, so
/// <c>statements_applied</c> records how far a failed migration got.
/// </summary>
internal static class SchemaTasksHistoryTable
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS schematasks_history (
            migration_id varchar(255) NOT NULL PRIMARY KEY,
            name varchar(255) NOT NULL,
            checksum char(64) NOT NULL,
            started_at datetime(6) NOT NULL,
            finished_at datetime(6) NULL,
            success boolean NOT NULL,
            error text NULL,
            applied_by varchar(255) NOT NULL,
            statements_applied int NOT NULL DEFAULT 0
        ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
        """;
}
