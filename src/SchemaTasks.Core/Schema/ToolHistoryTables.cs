using SchemaTasks.Migrations;

namespace SchemaTasks.Schema;

/// <summary>
/// The tables a layout's tool creates for its own history before it runs the first migration,
/// where it creates them by default (docs/migrator.md lists them).
/// </summary>
/// <remarks>
/// A migration may change such a table: Harbor's golang-migrate history adds a column to
/// <c>schema_migrations</c> and later drops it. The table exists when the migration runs, so
/// that is no mistake to report; it is the tool's, not part of the schema SchemaTasks tracks,
/// so the change is passed over.
/// </remarks>
internal static class ToolHistoryTables
{
    /// <summary>
    /// The tables of <paramref name="layout"/>'s tool in <paramref name="dialect"/>; none for plain
    /// files. <paramref name="historyTable"/>, when given, is the name the tool is configured to
    /// keep its history under: it takes the place of the default history table (a lock table
    /// beside it stays), or for plain files names the table of whatever tool runs them.
    /// </summary>
    public static IReadOnlyList<QualifiedName> Of(MigrationLayout layout, SqlDialect dialect, string? historyTable = null)
    {
        var defaults = Defaults(layout, dialect);
        if (historyTable is null) return defaults;
        if (defaults.Count == 0) return [new(dialect == SqlDialect.Postgres ? "public" : "", historyTable)];
        return [new(defaults[0].Schema, historyTable), .. defaults.Skip(1)];
    }

    private static IReadOnlyList<QualifiedName> Defaults(MigrationLayout layout, SqlDialect dialect)
    {
        var postgres = dialect == SqlDialect.Postgres;
        var schema = postgres ? "public" : "";
        return layout switch
        {
            MigrationLayout.Prisma => [new(schema, "_prisma_migrations")],
            MigrationLayout.GolangMigrate or MigrationLayout.Dbmate => [new(schema, "schema_migrations")],
            MigrationLayout.Flyway => [new(schema, "flyway_schema_history")],
            MigrationLayout.Goose => [new(schema, "goose_db_version")],
            MigrationLayout.Sqlx => [new(schema, "_sqlx_migrations")],
            // drizzle-kit and Atlas keep theirs in a schema of their own on PostgreSQL.
            MigrationLayout.Drizzle => [new(postgres ? "drizzle" : "", "__drizzle_migrations")],
            MigrationLayout.Atlas => [new(postgres ? "atlas_schema_revisions" : "", "atlas_schema_revisions")],
            MigrationLayout.Liquibase => [new(schema, "databasechangelog"), new(schema, "databasechangeloglock")],
            MigrationLayout.Diesel => [new(schema, "__diesel_schema_migrations")],
            MigrationLayout.Pop => [new(schema, "schema_migration")],
            MigrationLayout.SqlMigrate => [new(schema, "gorp_migrations")],
            _ => [],
        };
    }
}
