using Npgsql;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>
/// Atlas: a real PostgreSQL in the states <c>atlas migrate apply</c> and <c>atlas migrate set</c>
/// leave (the SQL run, <c>atlas_schema_revisions</c> with the rows Atlas writes), checked against the folder.
/// </summary>
public sealed class AtlasHistoryTests
{
    private const string First = "CREATE TYPE job_status AS ENUM ('queued', 'running');\nCREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);\n";
    private const string Second = "ALTER TYPE job_status ADD VALUE 'done';\n";

    // atlas.sum of the two files, computed outside .NET (Python's hashlib, Atlas's rule).
    private const string FirstHash = "5a2QQGa+4RP/8PaWWMM/84QWfTFYm1Cd4LvEgo9IBGg=";
    private const string SecondHash = "5KucU4eZ5eqdw/L9/kDxPmlhR0+kzodDJknTtsbaWAY=";
    private const string Sum = $"h1:yIZ4BBA3x0PdT5k/k2EyuwvlgJPGspbNGDtEEkJE14A=\n20250101000000_create_jobs.sql h1:{FirstHash}\n20250102000000_add_done.sql h1:{SecondHash}\n";

    private static ExpectedSchema Atlas() => ExpectedSchema.FromFiles(
        [
            new MigrationSourceFile("20250101000000_create_jobs.sql", First),
            new MigrationSourceFile("20250102000000_add_done.sql", Second),
            new MigrationSourceFile("atlas.sum", Sum),
        ],
        dialect: SqlDialect.Postgres);

    // The table as Atlas's ent schema creates it (cmd/atlas/internal/migrate/ent/migrate/schema.go),
    // in its own schema when the URL names none.
    private static Task TableAsync(NpgsqlConnection connection, string schema = "atlas_schema_revisions") => ExecuteAsync(connection, $"""
        CREATE SCHEMA IF NOT EXISTS "{schema}";
        CREATE TABLE "{schema}"."atlas_schema_revisions" (
            "version" character varying NOT NULL,
            "description" character varying NOT NULL,
            "type" bigint NOT NULL DEFAULT 2,
            "applied" bigint NOT NULL DEFAULT 0,
            "total" bigint NOT NULL DEFAULT 0,
            "executed_at" timestamptz NOT NULL,
            "execution_time" bigint NOT NULL,
            "error" text NULL,
            "error_stmt" text NULL,
            "hash" character varying NOT NULL,
            "partial_hashes" jsonb NULL,
            "operator_version" character varying NOT NULL,
            PRIMARY KEY ("version")
        );
        """);

    private static Task RowAsync(NpgsqlConnection connection, string version, int type, int applied, int total, string hash, string? error = null, string? statement = null, string schema = "atlas_schema_revisions") =>
        ExecuteAsync(connection, $"""
            INSERT INTO "{schema}".atlas_schema_revisions (version, description, type, applied, total, executed_at, execution_time, error, error_stmt, hash, operator_version)
            VALUES ('{version}', 'x', {type}, {applied}, {total}, now(), 1000, {Literal(error)}, {Literal(statement)}, '{hash}', 'Atlas CLI v0.30.0')
            """);

    [PostgresTheory, EveryPostgresServer]
    public async Task Atlas_Applied_InItsOwnSchema_IsHealthy(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 2, 2, 2, FirstHash);
            await RowAsync(connection, "20250102000000", 2, 1, 1, SecondHash);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString);

        Assert.Empty(report.Findings);
        Assert.Equal((MigrationHistoryKind.Atlas, "atlas_schema_revisions.atlas_schema_revisions"), (report.Status.History.Kind, report.Status.History.Table));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Atlas_PartlyApplied_IsDirty_NamingTheStatement_AndResolvedBySet_IsApplied(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "CREATE TYPE job_status AS ENUM ('queued', 'running');");
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 2, 1, 2, FirstHash, "pq: relation \"jobs\" already exists", "CREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);");
        }

        var dirty = await PostgresSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });

        Assert.Equal(
            [(DiagnosticCodes.FailedMigration, "20250101000000"), (DiagnosticCodes.PendingMigration, "20250102000000")],
            dirty.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains("statement 2 of 2 did not complete: CREATE TABLE jobs", dirty.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("relation \"jobs\" already exists", dirty.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("atlas migrate apply", dirty.Findings[0].NextStep, StringComparison.Ordinal);
        Assert.Equal(1, dirty.Status.Migrations[0].Applied!.StepsApplied);

        // `atlas migrate set 20250101000000` marks it applied + manually set (6), counts unchanged.
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "UPDATE atlas_schema_revisions.atlas_schema_revisions SET type = 6");
        }

        var resolved = await PostgresSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Equal((DiagnosticCodes.PendingMigration, "20250102000000"), (Assert.Single(resolved.Findings).Code, resolved.Findings[0].Subject));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Atlas_Edited_IsReported_ForTheFileWhoseEntryChangedFirst_AndUnknownIsAWarning(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 2, 2, 2, "Mh1UH9/lSF8aamZ8Gnb6EG/tLlEjA5Q7c7sjl7deOw=");
            await RowAsync(connection, "20250102000000", 2, 1, 1, "W4ulWWFCI6UNx9Lceg1z2WzzMFUXEdkzi15no+xjB2Q=");
            await RowAsync(connection, "20250103000000", 2, 1, 1, "a");
        }

        var report = await PostgresSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString);

        // The second file's entry covers the first: its differing hash says nothing of its own.
        Assert.Equal(
            [(DiagnosticCodes.EditedMigration, "20250101000000"), (DiagnosticCodes.UnknownMigration, "20250103000000")],
            report.Findings.Select(f => (f.Code, f.Subject)));
        Assert.Contains(FirstHash, report.Findings[0].Message, StringComparison.Ordinal);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Atlas_Baseline_CountsTheFilesUpToIt_AsApplied(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First + Second);
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 1, 0, 0, string.Empty);
            await RowAsync(connection, "20250102000000", 2, 1, 1, SecondHash);
        }

        var report = await PostgresSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString);

        Assert.Empty(report.Findings);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Atlas_TableInTheUrlsSchema_IsReadWithHistorySchema(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, First);
            await TableAsync(connection, "public");
            await RowAsync(connection, "20250101000000", 2, 2, 2, FirstHash, schema: "public");
        }

        var report = await PostgresSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false, HistoryKind = MigrationHistoryKind.Atlas, HistorySchema = "public" });

        Assert.Equal((DiagnosticCodes.PendingMigration, "20250102000000"), (Assert.Single(report.Findings).Code, report.Findings[0].Subject));
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task Atlas_RowOfAnUnknownType_IsST6008(string server)
    {
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await TableAsync(connection);
            await RowAsync(connection, "20250101000000", 0, 0, 0, FirstHash);
        }

        var error = await Assert.ThrowsAsync<SchemaTasksException>(() => PostgresSchemaCheck.VerifyAsync(Atlas(), db.ConnectionString));

        Assert.Equal(DiagnosticCodes.UnreadableHistory, error.Code);
        Assert.Contains("atlas_schema_revisions.atlas_schema_revisions", error.Message, StringComparison.Ordinal);
        Assert.Contains("has type 0", error.Message, StringComparison.Ordinal);
    }

    private static string Literal(string? text) => text is null ? "NULL" : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
