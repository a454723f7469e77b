using EvolveDb;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Testing;
using SchemaTasks.Verification;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>
/// The real Evolve (the package) migrates a folder, and <c>verify</c> reads the history it wrote:
/// both agree that it is healthy, that an edited file is edited, and that a failed one failed.
/// </summary>
public sealed class EvolveRoundTripTests : IDisposable
{
    private const string First = "CREATE TYPE job_status AS ENUM ('queued', 'running');\nCREATE TABLE jobs (id int PRIMARY KEY, status job_status NOT NULL);\n";

    // A Windows checkout (CRLF) of a file that runs outside a transaction: Evolve hashes it with LF.
    private const string Second = "-- evolve-tx-off\r\nALTER TYPE job_status ADD VALUE 'done';\r\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "schematasks-evolve-" + Guid.NewGuid().ToString("N")[..8]);

    public EvolveRoundTripTests()
    {
        Directory.CreateDirectory(_folder);
        Write("V1__create_jobs.sql", First);
        Write("V1_1__add_done.sql", Second);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public async Task EvolveMigrates_ThenVerifyIsHealthy_AndBothSeeAnEdit()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await db.OpenConnectionAsync())
        {
            Evolve(connection).Migrate();
        }

        var healthy = await PostgresSchemaCheck.VerifyAsync(Expected(), db.ConnectionString);
        Assert.Empty(healthy.Findings);
        Assert.Equal((MigrationHistoryKind.Evolve, 2), (healthy.Status.History.Kind, healthy.Status.Migrations.Count(m => m.State == MigrationState.Applied)));

        Write("V1__create_jobs.sql", First.Replace("id int", "id bigint", StringComparison.Ordinal));
        await using (var connection = await db.OpenConnectionAsync())
        {
            Assert.ThrowsAny<EvolveException>(() => Evolve(connection).Validate());
        }

        var edited = await PostgresSchemaCheck.VerifyAsync(Expected(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Equal((DiagnosticCodes.EditedMigration, "1"), (Assert.Single(edited.Findings).Code, edited.Findings[0].Subject));
    }

    [PostgresFact]
    public async Task EvolveFails_ThenVerifyReportsTheFailure_AndAfterTheFixIsHealthy()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        Write("V2__note.sql", "ALTER TABLE jobs ADD COLUMN note text;\nINSERT INTO jobs VALUES (1, 'queued'), (1, 'queued');\n"); // a duplicate key: it fails
        await using (var connection = await db.OpenConnectionAsync())
        {
            Assert.ThrowsAny<EvolveException>(() => Evolve(connection).Migrate());
        }

        var failed = await PostgresSchemaCheck.VerifyAsync(Expected(), db.ConnectionString, new SchemaCheckOptions { CompareSchema = false });
        Assert.Equal((DiagnosticCodes.FailedMigration, "2"), (Assert.Single(failed.Findings).Code, failed.Findings[0].Subject));

        Write("V2__note.sql", "ALTER TABLE jobs ADD COLUMN note text;\nINSERT INTO jobs VALUES (1, 'queued');\n");
        await using (var connection = await db.OpenConnectionAsync())
        {
            Evolve(connection).Migrate();
        }

        var healthy = await PostgresSchemaCheck.VerifyAsync(Expected(), db.ConnectionString);
        Assert.Empty(healthy.Findings);
    }

    private Evolve Evolve(System.Data.Common.DbConnection connection) =>
        new(connection) { Locations = [_folder], IsEraseDisabled = true };

    private ExpectedSchema Expected() => ExpectedSchema.FromFiles(
        [.. Directory.GetFiles(_folder).Order(StringComparer.Ordinal).Select(f => new MigrationSourceFile(Path.GetFileName(f), File.ReadAllText(f)))],
        dialect: SqlDialect.Postgres);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);
}
