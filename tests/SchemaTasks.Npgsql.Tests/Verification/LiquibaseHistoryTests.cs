using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>
/// Liquibase: a real PostgreSQL holding <c>databasechangelog</c> as Liquibase 4.28 creates it,
/// with the rows and MD5SUM values a real <c>liquibase update</c> of this changelog wrote.
/// </summary>
public sealed class LiquibaseHistoryTests
{
    private const string Changelog = """
        --liquibase formatted sql

        --changeset alice:1
        CREATE TYPE job_status AS ENUM ('queued', 'running');
        CREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);
        --rollback DROP TABLE jobs;
        --rollback DROP TYPE job_status;

        --changeset bob:add-done runInTransaction:false context:prod
        --comment: a value for finished jobs
        ALTER TYPE job_status ADD VALUE 'done';

        --changeset alice:view runOnChange:true
        CREATE VIEW running_jobs AS SELECT id FROM jobs WHERE status = 'running';

        """;

    private const string FirstMd5 = "9:4613b91a0b158f21b54327f6474762b9";
    private const string SecondMd5 = "9:34e5ebee8ada32683183a765a8787f5f";
    private const string ViewMd5 = "9:9cf3e751d1250256aff6b98ccab26d71";

    private static ExpectedSchema Liquibase(string text = Changelog) =>
        ExpectedSchema.FromFiles([new MigrationSourceFile("changelog.sql", text)], dialect: SqlDialect.Postgres);

    // The table Liquibase 4.28 created on PostgreSQL (its unquoted names folded to lower case).
    private static Task TableAsync(NpgsqlConnection connection) => ExecuteAsync(connection, """
        CREATE TABLE databasechangelog (
            id varchar(255) NOT NULL, author varchar(255) NOT NULL, filename varchar(255) NOT NULL,
            dateexecuted timestamp NOT NULL, orderexecuted integer NOT NULL, exectype varchar(10) NOT NULL,
            md5sum varchar(35), description varchar(255), comments varchar(255), tag varchar(255),
            liquibase varchar(20), contexts varchar(255), labels varchar(255), deployment_id varchar(10));
        """);

    private static Task RowAsync(NpgsqlConnection connection, string id, string author, string md5, int order, string file = "changelog.sql", string exec = "EXECUTED") =>
        ExecuteAsync(connection, $"INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, description, liquibase, deployment_id) VALUES ('{id}', '{author}', '{file}', now(), {order}, '{exec}', '{md5}', 'sql', '4.28.0', '6479552054')");

    [PostgresTheory, EveryPostgresServer]
    public async Task Liquibase_AppliedByLiquibase_IsHealthy(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "CREATE TYPE job_status AS ENUM ('queued', 'running', 'done'); CREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL); CREATE VIEW running_jobs AS SELECT id FROM jobs WHERE status = 'running';");
            await TableAsync(connection);
            await RowAsync(connection, "1", "alice", FirstMd5, 1);
            await RowAsync(connection, "add-done", "bob", SecondMd5, 2);
            await RowAsync(connection, "view", "alice", ViewMd5, 3);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(Liquibase(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal((MigrationHistoryKind.Liquibase, "databasechangelog"), (report.Status.History.Kind, report.Status.History.Table));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Liquibase_Edited_RunOnChange_Unknown_AndFailed_AreEachDecidedAsLiquibaseDoes(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await TableAsync(connection);
            // FILENAME as Liquibase records it when the changelog is found under a search path.
            await RowAsync(connection, "1", "alice", FirstMd5, 1, "classpath:/db/changelog.sql");
            await RowAsync(connection, "add-done", "bob", SecondMd5, 2, exec: "FAILED");
            await RowAsync(connection, "view", "alice", ViewMd5, 3);
            await RowAsync(connection, "later", "carol", "9:00", 4);
        }

        var edited = Changelog
            .Replace("id int PRIMARY KEY", "id bigint PRIMARY KEY", StringComparison.Ordinal)
            .Replace("= 'running';", "= 'running' AND id > 0;", StringComparison.Ordinal);
        var report = await PostgresSchemaCheck.VerifyAsync(Liquibase(edited), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });

        // The checksum Liquibase 4.28's calculate-checksum gives the edited changeset 1.
        Assert.Equal(
            [
                (DiagnosticCodes.EditedMigration, "changelog.sql::1::alice"),
                (DiagnosticCodes.FailedMigration, "changelog.sql::add-done::bob"),
                (DiagnosticCodes.PendingMigration, "changelog.sql::view::alice"), // runOnChange: Liquibase runs it again
                (DiagnosticCodes.UnknownMigration, "changelog.sql::later::carol"),
            ],
            report.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains("9:bb3484eb9cb8dba8097c5803533ee656", report.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("liquibase update", report.Findings[2].NextStep, StringComparison.Ordinal);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Liquibase_ValidCheckSumAny_AcceptsTheEdit_AsLiquibaseDoes(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await TableAsync(connection);
            await RowAsync(connection, "1", "alice", FirstMd5, 1);
        }

        var edited = Changelog.Replace("--changeset alice:1\n", "--changeset alice:1\n--validCheckSum: ANY\n", StringComparison.Ordinal).Replace("id int", "id bigint", StringComparison.Ordinal);
        var report = await PostgresSchemaCheck.VerifyAsync(Liquibase(edited), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });

        Assert.DoesNotContain(report.Findings, f => f.Code == DiagnosticCodes.EditedMigration);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Liquibase_RowOfAnUnknownExecType_IsST6008(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await TableAsync(connection);
            await RowAsync(connection, "1", "alice", FirstMd5, 1, exec: "DONE");
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(Liquibase(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("changeset changelog.sql::1::alice has EXECTYPE DONE", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
