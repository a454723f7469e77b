namespace SchemaTasks.Npgsql.History;

/// <summary>
/// SchemaTasks' own history table on PostgreSQL: one row per migration, rewritten when a
/// failed migration is retried. DDL runs in the migration's transaction, so no statement count
/// is kept: a failed migration left nothing behind.
/// </summary>
internal static class SchemaTasksHistoryTable
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS schematasks_history (
            migration_id varchar(255) NOT NULL PRIMARY KEY,
            name varchar(255) NOT NULL,
            checksum char(64) NOT NULL,
            started_at timestamptz NOT NULL,
            finished_at timestamptz NULL,
            success boolean NOT NULL,
            error text NULL,
            applied_by varchar(255) NOT NULL
        )
        """;
}
