using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// A migration that changes its tool's own history table, as Harbor's golang-migrate history
/// does with <c>schema_migrations</c>: the table exists when the migration runs, so that is no
/// error, and it is the tool's, so it stays out of the schema.
/// </summary>
public class ToolHistoryTableTests
{
    [Theory]
    [InlineData(MigrationLayout.GolangMigrate, SqlDialect.Postgres, "ALTER TABLE schema_migrations ADD COLUMN data_version int; ALTER TABLE schema_migrations DROP COLUMN IF EXISTS data_version;")]
    [InlineData(MigrationLayout.Dbmate, SqlDialect.Postgres, "ALTER TABLE public.schema_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Prisma, SqlDialect.Postgres, "ALTER TABLE \"_prisma_migrations\" ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Flyway, SqlDialect.Postgres, "ALTER TABLE flyway_schema_history ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Goose, SqlDialect.Postgres, "ALTER TABLE goose_db_version ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Sqlx, SqlDialect.Postgres, "ALTER TABLE _sqlx_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Drizzle, SqlDialect.Postgres, "ALTER TABLE drizzle.__drizzle_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Atlas, SqlDialect.Postgres, "ALTER TABLE atlas_schema_revisions.atlas_schema_revisions ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Liquibase, SqlDialect.Postgres, "ALTER TABLE databasechangelog ADD COLUMN note text; DROP TABLE databasechangeloglock;")]
    [InlineData(MigrationLayout.GolangMigrate, SqlDialect.MySql, "ALTER TABLE schema_migrations ADD COLUMN data_version int; RENAME TABLE schema_migrations TO old_schema_migrations;")]
    [InlineData(MigrationLayout.Drizzle, SqlDialect.MySql, "ALTER TABLE __drizzle_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Diesel, SqlDialect.Postgres, "ALTER TABLE __diesel_schema_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.Diesel, SqlDialect.MySql, "ALTER TABLE __diesel_schema_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.SqlMigrate, SqlDialect.Postgres, "ALTER TABLE gorp_migrations ADD COLUMN note text;")]
    public void ChangingTheLayoutsHistoryTable_IsNoError_AndLeavesTheSchemaAlone(MigrationLayout layout, SqlDialect dialect, string change)
    {
        var (catalog, diagnostics) = SchemaEngine.BuildFinal(Set(layout, dialect, "CREATE TABLE jobs (id int);", change), dialect);

        Assert.Empty(diagnostics);
        Assert.Equal("jobs", Assert.Single(catalog.Tables.Keys).Name);
    }

    [Theory]
    [InlineData(MigrationLayout.Plain, "ALTER TABLE schema_migrations ADD COLUMN data_version int;")]
    [InlineData(MigrationLayout.GolangMigrate, "ALTER TABLE _prisma_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.GolangMigrate, "ALTER TABLE other.schema_migrations ADD COLUMN note text;")]
    [InlineData(MigrationLayout.GolangMigrate, "DROP TABLE goose_db_version;")]
    public void AnotherToolsTable_OrNoToolAtAll_IsStillAMissingTable(MigrationLayout layout, string change)
    {
        var (_, diagnostics) = SchemaEngine.BuildFinal(Set(layout, SqlDialect.Postgres, "CREATE TABLE jobs (id int);", change), SqlDialect.Postgres);

        Assert.Equal(DiagnosticCodes.TableNotFound, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void InADoBlock_TheHistoryTableIsTheToolsToo()
    {
        const string Block = "DO $$ BEGIN ALTER TABLE schema_migrations ADD COLUMN data_version int; CREATE TYPE mood AS ENUM ('ok'); END $$;";

        var (catalog, diagnostics) = SchemaEngine.BuildFinal(Set(MigrationLayout.GolangMigrate, SqlDialect.Postgres, "CREATE TABLE jobs (id int);", Block), SqlDialect.Postgres);

        Assert.Empty(diagnostics);
        Assert.Single(catalog.EnumTypes.Keys);
    }

    [Fact]
    public void AHistoryTableAMigrationCreates_IsTrackedLikeAnyOther()
    {
        var (catalog, diagnostics) = SchemaEngine.BuildFinal(
            Set(MigrationLayout.GolangMigrate, SqlDialect.Postgres, "CREATE TABLE schema_migrations (version bigint);", "ALTER TABLE schema_migrations ADD COLUMN note text;"),
            SqlDialect.Postgres);

        Assert.Empty(diagnostics);
        Assert.Equal(["version", "note"], catalog.Tables[new QualifiedName("public", "schema_migrations")].Columns.Select(c => c.Name));
    }

    private static MigrationSet Set(MigrationLayout layout, SqlDialect dialect, params string[] migrations) =>
        new(layout, dialect, [.. migrations.Select((sql, i) => new Migration($"{i + 1}", $"{i + 1}", $"step {i + 1}", $"{i + 1}_step.sql", "checksum", sql))]);
}
