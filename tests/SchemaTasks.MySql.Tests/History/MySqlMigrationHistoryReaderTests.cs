using MySqlConnector;
using SchemaTasks.MySql.History;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.MySql.Tests.History;

/// <summary>Each tool's history table, created with the tool's own DDL on a real MariaDB/MySQL, read back.</summary>
public sealed class MySqlMigrationHistoryReaderTests
{
    [MySqlFact]
    public async Task Prisma_ReadsAppliedFailedAndRolledBackRows_InStartOrder()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE _prisma_migrations (
                id                      VARCHAR(36) PRIMARY KEY NOT NULL,
                checksum                VARCHAR(64) NOT NULL,
                finished_at             DATETIME(3),
                migration_name          VARCHAR(255) NOT NULL,
                logs                    TEXT,
                rolled_back_at          DATETIME(3),
                started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            INSERT INTO _prisma_migrations VALUES
              ('a', 'aaaa', '2025-11-01 09:00:01', '20251101090000_init', NULL, NULL, '2025-11-01 09:00:00', 1),
              ('b', 'bbbb', NULL, '20251208175358_add', 'first try', '2025-12-09 08:00:00', '2025-12-08 17:53:58', 0),
              ('c', 'bbbb', NULL, '20251208175358_add', 'failed again', NULL, '2025-12-09 09:00:00', 2);
            """);

        var history = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.Prisma).ReadAsync();

        Assert.Equal(
            [
                ("20251101090000_init", AppliedMigrationState.Succeeded),
                ("20251208175358_add", AppliedMigrationState.RolledBack),
                ("20251208175358_add", AppliedMigrationState.Failed),
            ],
            history.Entries.Select(e => (e.Id, e.State)));
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 9, 0, 1, TimeSpan.Zero), history.Entries[0].FinishedAt);
        Assert.Equal(2, history.Entries[2].StepsApplied);
        Assert.Equal("failed again", history.Entries[2].Error);
    }

    [MySqlFact]
    public async Task GolangMigrate_ReadsTheDirtyVersion()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint not null primary key, dirty boolean not null);
            INSERT INTO `schema_migrations` (version, dirty) VALUES (2, 1);
            """);

        var history = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.GolangMigrate).ReadAsync();

        var row = Assert.Single(history.Entries);
        Assert.Equal(("2", AppliedMigrationState.Dirty), (row.Id, row.State));
    }

    [MySqlFact]
    public async Task Flyway_SkipsRepeatables_KeepsBaselineFailureAndChecksum()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE `flyway_schema_history` (
                `installed_rank` INT NOT NULL,
                `version` VARCHAR(50),
                `description` VARCHAR(200) NOT NULL,
                `type` VARCHAR(20) NOT NULL,
                `script` VARCHAR(1000) NOT NULL,
                `checksum` INT,
                `installed_by` VARCHAR(100) NOT NULL,
                `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
                `execution_time` INT NOT NULL,
                `success` BOOL NOT NULL,
                CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)
            ) ENGINE=InnoDB;
            CREATE INDEX `flyway_schema_history_s_idx` ON `flyway_schema_history` (`success`);
            INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
              (1, '1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'me', 0, 1),
              (2, '1.1', 'add jobs', 'SQL', 'V1_1__add_jobs.sql', -873187034, 'me', 12, 1),
              (3, NULL, 'views', 'SQL', 'R__views.sql', 42, 'me', 3, 1),
              (4, '2', 'broken', 'SQL', 'V2__broken.sql', 7, 'me', 3, 0);
            """);

        var history = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.Flyway).ReadAsync();

        Assert.Equal(
            [("1", AppliedMigrationState.Baseline, null), ("1.1", AppliedMigrationState.Succeeded, "-873187034"), ("2", AppliedMigrationState.Failed, "7")],
            history.Entries.Select(e => (e.Id, e.State, e.Checksum)));
    }

    [MySqlFact]
    public async Task DbmateEfCoreAndDbUp_ReadTheirKeys()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            create table if not exists schema_migrations (version varchar(128) primary key);
            insert into schema_migrations (version) values ('20240102000000'), ('20240101000000');
            CREATE TABLE IF NOT EXISTS `__EFMigrationsHistory` (`MigrationId` varchar(150) CHARACTER SET utf8mb4 NOT NULL, `ProductVersion` varchar(32) CHARACTER SET utf8mb4 NOT NULL, CONSTRAINT `PK___EFMigrationsHistory` PRIMARY KEY (`MigrationId`)) CHARACTER SET=utf8mb4;
            INSERT INTO `__EFMigrationsHistory` VALUES ('20240101000000_Init', '8.0.5');
            CREATE TABLE `schemaversions` (`schemaversionid` INT NOT NULL AUTO_INCREMENT, `scriptname` VARCHAR(255) NOT NULL, `applied` TIMESTAMP NOT NULL, PRIMARY KEY (`schemaversionid`));
            INSERT INTO schemaversions (scriptname, applied) VALUES ('App.Scripts.001_init.sql', '2024-01-01 10:00:00');
            """);

        var dbmate = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.Dbmate).ReadAsync();
        var ef = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.EfCore).ReadAsync();
        var dbup = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.DbUp).ReadAsync();

        Assert.Equal(["20240101000000", "20240102000000"], dbmate.Entries.Select(e => e.Id));
        Assert.Equal("20240101000000_Init", Assert.Single(ef.Entries).Id);
        Assert.Equal("App.Scripts.001_init.sql", Assert.Single(dbup.Entries).Id);
    }

    [MySqlFact]
    public async Task SchemaTasksTable_ReadsStatementsApplied()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, SchemaTasksHistoryTable.Create + ";" + """
            INSERT INTO schematasks_history VALUES
              ('1', 'init', REPEAT('a', 64), '2025-01-01 00:00:00', '2025-01-01 00:00:01', 1, NULL, 'deployer', 3),
              ('2', 'more', REPEAT('b', 64), '2025-01-02 00:00:00', NULL, 0, 'Duplicate column name ''x''', 'deployer', 1);
            """);

        var history = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.SchemaTasks, database: db.Name).ReadAsync();

        Assert.Equal([("1", AppliedMigrationState.Succeeded, 3), ("2", AppliedMigrationState.Failed, 1)], history.Entries.Select(e => (e.Id, e.State, e.StepsApplied!.Value)));
        Assert.Equal("Duplicate column name 'x'", history.Entries[1].Error);
        Assert.Equal($"{db.Name}.schematasks_history", history.Table);
    }

    [MySqlFact]
    public async Task MissingTable_IsNothingApplied_AndDetectionFindsNothing()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();

        var history = await new MySqlMigrationHistoryReader(connection, MigrationHistoryKind.Flyway).ReadAsync();

        Assert.False(history.TableExists);
        Assert.Empty(await MySqlMigrationHistoryReader.DetectAsync(connection));
    }

    [MySqlFact]
    public async Task Detection_TellsGolangMigrateFromDbmate_AndFindsTheOthers()
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        await ExecuteAsync(connection, """
            CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null);
            CREATE TABLE `__EFMigrationsHistory` (`MigrationId` varchar(150) NOT NULL PRIMARY KEY, `ProductVersion` varchar(32) NOT NULL);
            """ + SchemaTasksHistoryTable.Create);

        Assert.Equal(
            [MigrationHistoryKind.SchemaTasks, MigrationHistoryKind.GolangMigrate, MigrationHistoryKind.EfCore],
            await MySqlMigrationHistoryReader.DetectAsync(connection));
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
