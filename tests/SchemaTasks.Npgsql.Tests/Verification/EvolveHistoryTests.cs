using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>
/// Evolve: a real PostgreSQL in the states Evolve leaves (the SQL run, its <c>changelog</c> table
/// with the rows it writes), checked against a folder of Flyway-named files.
/// </summary>
public sealed class EvolveHistoryTests
{
    private const string First = "CREATE TYPE job_status AS ENUM ('queued', 'running');\nCREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);\n";
    private const string Second = "ALTER TYPE job_status ADD VALUE 'done';\n";

    // Upper-case MD5 of the two texts, computed outside .NET (Python's hashlib).
    private const string FirstMd5 = "878CCC52B335925AAABEFCF54B101CCF";
    private const string SecondMd5 = "DA8116227E63AAEF20411F62C95C085A";

    private static ExpectedSchema Evolve() => ExpectedSchema.FromFiles(
        [new MigrationSourceFile("V1__create_jobs.sql", First), new MigrationSourceFile("V1_1__add_done.sql", Second)],
        dialect: SqlDialect.Postgres);

    // Evolve's DDL (src/Evolve/Dialect/PostgreSQL/PostgreSQLMetadataTable.cs).
    private static Task TableAsync(NpgsqlConnection connection) => ExecuteAsync(connection, """
        CREATE TABLE "public"."changelog" (id SERIAL PRIMARY KEY NOT NULL, type SMALLINT, version VARCHAR(50), description VARCHAR(200) NOT NULL, name VARCHAR(300) NOT NULL, checksum VARCHAR(32), installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), success BOOLEAN NOT NULL);
        """);

    private static Task RowAsync(NpgsqlConnection connection, int type, string? version, string name, string checksum, bool success) =>
        ExecuteAsync(connection, $"INSERT INTO \"public\".\"changelog\" (type, version, description, name, checksum, installed_by, success) VALUES ({type}, {(version is null ? "null" : $"'{version}'")}, 'd', '{name}', '{checksum}', current_user, {success})");

    [PostgresTheory, EveryPostgresServer]
    public async Task Evolve_Applied_IsFoundByItsColumns_AndHealthy(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await TableAsync(connection);
            await RowAsync(connection, 1, null, "public", "", true); // the schema Evolve found empty
            await RowAsync(connection, 0, "1", "V1__create_jobs.sql", FirstMd5, true);
            await RowAsync(connection, 0, "1.1", "V1_1__add_done.sql", SecondMd5, true);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal((MigrationHistoryKind.Evolve, "changelog"), (report.Status.History.Kind, report.Status.History.Table));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Evolve_Failed_Edited_AndUnknown_AreEachReported(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await TableAsync(connection);
            await RowAsync(connection, 0, "1", "V1__create_jobs.sql", FirstMd5, true);
            await RowAsync(connection, 0, "1.1", "V1_1__add_done.sql", SecondMd5, false);
        }

        var options = new SchemaCheckOptions { CompareSchema = false, HistoryKind = MigrationHistoryKind.Evolve };
        var failed = await PostgresSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString, options);
        Assert.Equal((DiagnosticCodes.FailedMigration, "1.1"), (Assert.Single(failed.Findings).Code, failed.Findings[0].Subject));
        Assert.Contains("success = false", failed.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Evolve's migrate again", failed.Findings[0].NextStep, StringComparison.Ordinal);

        // Evolve runs it again and writes a new row; meanwhile the first file was edited and a newer build's migration recorded.
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, Second + "UPDATE changelog SET checksum = 'ABC' WHERE version = '1';");
            await RowAsync(connection, 0, "1.1", "V1_1__add_done.sql", SecondMd5, true);
            await RowAsync(connection, 0, "2", "V2__later.sql", SecondMd5, true);
        }

        var edited = await PostgresSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString, options);
        Assert.Equal(
            [(DiagnosticCodes.EditedMigration, "1"), (DiagnosticCodes.UnknownMigration, "2")],
            edited.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains(FirstMd5, edited.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Evolve's repair", edited.Findings[0].NextStep, StringComparison.Ordinal);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Evolve_StartVersion_SkipsTheMigrationsBelowIt(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await TableAsync(connection);
            await RowAsync(connection, 3, "1.1", "StartVersion = 1.1", "", true);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false, HistoryKind = MigrationHistoryKind.Evolve });

        Assert.Equal((DiagnosticCodes.PendingMigration, "1.1"), (Assert.Single(report.Findings).Code, report.Findings[0].Subject));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Evolve_RowOfAnUnknownType_IsST6008_AndAnotherChangelogIsNotEvolves(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await TableAsync(connection);
            await RowAsync(connection, 7, "1", "V1__create_jobs.sql", FirstMd5, true);
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(Evolve(), db.ConnectionString, new SchemaCheckOptions { HistoryKind = MigrationHistoryKind.Evolve }));
        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("has type 7", error.Message, StringComparison.Ordinal);

        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "DROP TABLE changelog; CREATE TABLE changelog (id int, entry text);");
        }

        Assert.Empty(await PostgresMigrationHistoryReaderDetect(db));
    }

    private static async Task<IReadOnlyList<MigrationHistoryKind>> PostgresMigrationHistoryReaderDetect(PostgresTestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await Npgsql.History.PostgresMigrationHistoryReader.DetectAsync(connection);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
