using Npgsql;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.History;

/// <summary>Each tool's history table, created with the tool's own DDL on a real PostgreSQL, read back.</summary>
public sealed class PostgresMigrationHistoryReaderTests
{
    [PostgresTheory, EveryPostgresServer]
    public async Task Prisma_ReadsAppliedFailedAndRolledBackRows_InStartOrder(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS _prisma_migrations (
                id                      VARCHAR(36) PRIMARY KEY NOT NULL,
                checksum                VARCHAR(64) NOT NULL,
                finished_at             TIMESTAMPTZ,
                migration_name          VARCHAR(255) NOT NULL,
                logs                    TEXT,
                rolled_back_at          TIMESTAMPTZ,
                started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
                applied_steps_count     INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO _prisma_migrations VALUES
              ('a', 'aaaa', '2025-11-01 09:00:01+00', '20251101090000_init', NULL, NULL, '2025-11-01 09:00:00+00', 1),
              ('b', 'bbbb', NULL, '20251208175358_add_scheduled_issues', 'Database error code: 42P01', '2025-12-09 08:00:00+00', '2025-12-08 17:53:58+00', 0),
              ('c', 'bbbb', NULL, '20251208175358_add_scheduled_issues', 'failed again', NULL, '2025-12-09 09:00:00+00', 0);
            """);

        var history = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.Prisma).ReadAsync();

        Assert.True(history.TableExists);
        Assert.Equal(
            [
                ("20251101090000_init", AppliedMigrationState.Succeeded, "aaaa"),
                ("20251208175358_add_scheduled_issues", AppliedMigrationState.RolledBack, "bbbb"),
                ("20251208175358_add_scheduled_issues", AppliedMigrationState.Failed, "bbbb"),
            ],
            history.Entries.Select(e => (e.Id, e.State, e.Checksum!)));
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 9, 0, 1, TimeSpan.Zero), history.Entries[0].FinishedAt);
        Assert.Equal(1, history.Entries[0].StepsApplied);
        Assert.Equal("failed again", history.Entries[2].Error);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task GolangMigrate_ReadsTheDirtyVersion(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS "schema_migrations" (version bigint not null primary key, dirty boolean not null);
            INSERT INTO "schema_migrations" (version, dirty) VALUES (2, true);
            """);

        var history = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.GolangMigrate).ReadAsync();

        var row = Assert.Single(history.Entries);
        Assert.Equal(("2", AppliedMigrationState.Dirty), (row.Id, row.State));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Flyway_SkipsSchemaMarkerAndRepeatables_KeepsBaselineFailureAndChecksum(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE "flyway_schema_history" (
                "installed_rank" INT NOT NULL,
                "version" VARCHAR(50),
                "description" VARCHAR(200) NOT NULL,
                "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL,
                "checksum" INTEGER,
                "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
                "execution_time" INTEGER NOT NULL,
                "success" BOOLEAN NOT NULL
            );
            ALTER TABLE "flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
            CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");
            INSERT INTO flyway_schema_history VALUES
              (0, '0', '<< Flyway Schema Creation >>', 'SCHEMA', '"app"', NULL, 'me', now(), 0, true),
              (1, '1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'me', now(), 0, true),
              (2, '1.1', 'add jobs', 'SQL', 'V1_1__add_jobs.sql', -873187034, 'me', now(), 12, true),
              (3, NULL, 'views', 'SQL', 'R__views.sql', 42, 'me', now(), 3, true),
              (4, '2', 'broken', 'SQL', 'V2__broken.sql', 7, 'me', now(), 3, false);
            """);

        var history = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.Flyway).ReadAsync();

        Assert.Equal(
            [("1", AppliedMigrationState.Baseline, null), ("1.1", AppliedMigrationState.Succeeded, "-873187034"), ("2", AppliedMigrationState.Failed, "7")],
            history.Entries.Select(e => (e.Id, e.State, e.Checksum)));
        Assert.Equal("add jobs", history.Entries[1].Name);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task DbmateEfCoreAndDbUp_ReadTheirKeys(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            create table if not exists public.schema_migrations (version varchar(128) primary key);
            insert into public.schema_migrations (version) values ('20240102000000'), ('20240101000000');
            CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" character varying(150) NOT NULL, "ProductVersion" character varying(32) NOT NULL, CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId"));
            INSERT INTO "__EFMigrationsHistory" VALUES ('20240101000000_Init', '8.0.5');
            CREATE TABLE "schemaversions" (schemaversionsid serial NOT NULL, scriptname character varying(255) NOT NULL, applied timestamp without time zone NOT NULL, CONSTRAINT "PK_schemaversions_Id" PRIMARY KEY (schemaversionsid));
            INSERT INTO schemaversions (scriptname, applied) VALUES ('App.Scripts.001_init.sql', '2024-01-01 10:00:00');
            """);

        var dbmate = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.Dbmate).ReadAsync();
        var ef = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.EfCore).ReadAsync();
        var dbup = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.DbUp).ReadAsync();

        Assert.Equal(["20240101000000", "20240102000000"], dbmate.Entries.Select(e => e.Id));
        Assert.Equal("20240101000000_Init", Assert.Single(ef.Entries).Id);
        Assert.Equal(("App.Scripts.001_init.sql", new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero)), (dbup.Entries[0].Id, dbup.Entries[0].FinishedAt!.Value));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task SchemaTasksTable_ReadsSuccessAndFailure_InAnotherSchema(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, "CREATE SCHEMA app; SET search_path = app; " + SchemaTasksHistoryTable.Create + ";" + """
            INSERT INTO schematasks_history VALUES
              ('001_init', 'init', repeat('a', 64), '2025-01-01 00:00:00+00', '2025-01-01 00:00:01+00', true, NULL, 'deployer'),
              ('002_more', 'more', repeat('b', 64), '2025-01-02 00:00:00+00', NULL, false, 'relation "x" does not exist', 'deployer');
            RESET search_path;
            """);

        var history = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.SchemaTasks, schema: "app").ReadAsync();

        Assert.Equal("app.schematasks_history", history.Table);
        Assert.Equal([("001_init", AppliedMigrationState.Succeeded), ("002_more", AppliedMigrationState.Failed)], history.Entries.Select(e => (e.Id, e.State)));
        Assert.Equal(new string('a', 64), history.Entries[0].Checksum);
        Assert.Equal("relation \"x\" does not exist", history.Entries[1].Error);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task MissingTable_IsNothingApplied_AndDetectionFindsNothing(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();

        var history = await new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.Prisma).ReadAsync();

        Assert.False(history.TableExists);
        Assert.Empty(history.Entries);
        Assert.Empty(await PostgresMigrationHistoryReader.DetectAsync(connection));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Detection_TellsGolangMigrateFromDbmate_AndFindsTheOthers(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            create table schema_migrations (version varchar(128) primary key);
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            CREATE SCHEMA other;
            CREATE TABLE other.schema_migrations (version bigint not null primary key, dirty boolean not null);
            CREATE TABLE other._prisma_migrations (id varchar(36) PRIMARY KEY);
            """);

        Assert.Equal([MigrationHistoryKind.Dbmate, MigrationHistoryKind.EfCore], await PostgresMigrationHistoryReader.DetectAsync(connection));
        Assert.Equal([MigrationHistoryKind.Prisma, MigrationHistoryKind.GolangMigrate], await PostgresMigrationHistoryReader.DetectAsync(connection, "other"));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task DbmateTableReadAsGolangMigrate_IsST6008(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, "create table schema_migrations (version varchar(128) primary key)");

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => new PostgresMigrationHistoryReader(connection, MigrationHistoryKind.GolangMigrate).ReadAsync());

        Assert.Equal("ST6008", error.Code);
        Assert.Contains("schema_migrations", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
