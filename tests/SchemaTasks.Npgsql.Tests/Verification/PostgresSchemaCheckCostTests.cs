using System.Globalization;
using Npgsql;
using SchemaTasks.Verification;
using SchemaTasks.Diagnostics;
using SchemaTasks.Migrations;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;
using static SchemaTasks.Npgsql.Tests.Verification.PrismaDatabase;

namespace SchemaTasks.Npgsql.Tests.Verification;

/// <summary>What the check costs the database and what it needs from it.</summary>
public sealed class PostgresSchemaCheckCostTests
{
    [PostgresTheory, EveryPostgresServer]
    public async Task RoundTrips_DoNotGrowWithTheNumberOfMigrations(string server)
    {
        var few = await CountCommandsAsync(server, 10);
        var many = await CountCommandsAsync(server, 200);

        // One batch: detect the history table, read the history the layout names, read the catalog.
        Assert.Equal(1, few);
        Assert.Equal(few, many);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task RoundTrips_AreOne_WhenTheHistoryKindIsConfigured(string server)
    {
        var expected = Generated(5);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await ApplyAllAsync(db, expected);
        using var counter = new CommandCounter(db.Name);

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString, new SchemaCheckOptions { HistoryKind = SchemaTasks.Verification.MigrationHistoryKind.Prisma });

        Assert.True(report.IsHealthy, report.ToText());
        Assert.Equal(1, counter.Count);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task RoundTrips_AreTwo_ForADatabaseNeverMigrated(string server)
    {
        var expected = Generated(5);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        using var counter = new CommandCounter(db.Name);

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        // The history query fails on the missing table, so the server skips the catalog queries
        // of the batch: they are sent again on their own.
        Assert.False(report.Status.History.TableExists);
        Assert.Equal(5, report.Findings.Count(f => f.Code == DiagnosticCodes.PendingMigration));
        Assert.Contains(report.Findings, f => f.Code == DiagnosticCodes.MissingObject);
        Assert.Equal(2, counter.Count);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task RoundTrips_AreTwo_WhenTheHistoryBelongsToAnotherToolThanTheLayout(string server)
    {
        var expected = Generated(5);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, SchemaTasks.Npgsql.History.SchemaTasksHistoryTable.Create);
            foreach (var migration in expected.Migrations)
            {
                await ExecuteAsync(connection, migration.Text);
                await ExecuteAsync(connection, $"INSERT INTO schematasks_history VALUES ('{migration.Id}', '{migration.Name}', '{migration.Sha256}', now(), now(), true, NULL, 'test')");
            }
        }

        using var counter = new CommandCounter(db.Name);
        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        // The Prisma layout's table is guessed first; detection finds ours instead.
        Assert.True(report.IsHealthy, report.ToText());
        Assert.Equal(SchemaTasks.Verification.MigrationHistoryKind.SchemaTasks, report.Status.History.Kind);
        Assert.Equal(5, report.Status.Migrations.Count(m => m.State == SchemaTasks.Verification.MigrationState.Applied));
        Assert.Equal(2, counter.Count);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task DetectionWins_WhenTheGuessedTableIsOnlyFurtherDownTheSearchPath(string server)
    {
        var expected = Generated(5);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, "CREATE SCHEMA other");
            await ExecuteAsync(connection, SchemaTasks.Npgsql.History.SchemaTasksHistoryTable.Create);
            foreach (var migration in expected.Migrations)
            {
                await ExecuteAsync(connection, migration.Text);
                await ExecuteAsync(connection, $"INSERT INTO schematasks_history VALUES ('{migration.Id}', '{migration.Name}', '{migration.Sha256}', now(), now(), true, NULL, 'test')");
            }

            // A stray, empty Prisma table: the unqualified guess finds it, detection (which looks
            // in the current schema, public) does not.
            await RecordAsync(connection, "stray", "x", finished: true, logs: null, schema: "other");
            await ExecuteAsync(connection, "DELETE FROM other._prisma_migrations");
        }

        var searchPath = new NpgsqlConnectionStringBuilder(db.ConnectionString) { SearchPath = "public,other" }.ConnectionString;
        using var counter = new CommandCounter(db.Name);
        var report = await PostgresSchemaCheck.VerifyAsync(expected, searchPath);

        // The first batch read the stray table and the schema; only our history is read again.
        Assert.True(report.IsHealthy, report.ToText());
        Assert.Equal(SchemaTasks.Verification.MigrationHistoryKind.SchemaTasks, report.Status.History.Kind);
        Assert.Equal(5, report.Status.Migrations.Count(m => m.State == SchemaTasks.Verification.MigrationState.Applied));
        Assert.Equal(2, counter.Count);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task RoundTrips_AreTwo_AfterAFailedMigration_WhichReadsTheWholeCatalog(string server)
    {
        var expected = Generated(4);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in expected.Migrations.Take(3)) await ApplyAsync(connection, migration);
            await RecordAsync(connection, expected.Migrations[3].Id, expected.Migrations[3].Sha256, finished: false, logs: "error");
        }

        using var counter = new CommandCounter(db.Name);
        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.Single(report.Findings, f => f.Code == DiagnosticCodes.FailedMigration);
        Assert.Equal(2, counter.Count);
    }

    [PostgresTheory, EveryPostgresServer]
    public async Task ARoleWithOnlyConnectAndSelectOnTheHistoryTable_CanRunTheCheck(string server)
    {
        var expected = Scenario("1-prisma-job-status");
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        var role = "st_reader_" + db.Name[3..];
        await using (var connection = await db.OpenConnectionAsync())
        {
            foreach (var migration in expected.Migrations) await ApplyAsync(connection, migration);
            await ExecuteAsync(connection, $"""
                CREATE ROLE {role} LOGIN PASSWORD 'reader-secret';
                REVOKE ALL ON DATABASE {db.Name} FROM PUBLIC;
                GRANT CONNECT ON DATABASE {db.Name} TO {role};
                GRANT SELECT ON "_prisma_migrations" TO {role};
                """);
        }

        try
        {
            var readerConnection = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = "reader-secret" }.ConnectionString;
            var report = await PostgresSchemaCheck.VerifyAsync(expected, readerConnection);

            Assert.True(report.IsHealthy, report.ToText());
            Assert.True(report.SchemaCompared);
        }
        finally
        {
            await db.DisposeAsync();
            await using var admin = new NpgsqlConnection(TestDatabaseEnvironment.RequireConnectionString(TestDatabaseEnvironment.PostgresServerVariable(server)));
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task<int> CountCommandsAsync(string server, int migrations)
    {
        var expected = Generated(migrations);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        await ApplyAllAsync(db, expected);
        using var counter = new CommandCounter(db.Name);

        var report = await PostgresSchemaCheck.VerifyAsync(expected, db.ConnectionString);

        Assert.True(report.IsHealthy, report.ToText());
        Assert.Equal(migrations, report.Status.Migrations.Count);
        return counter.Count;
    }

    private static async Task ApplyAllAsync(PostgresTestDatabase db, ExpectedSchema expected)
    {
        await using var connection = await db.OpenConnectionAsync();
        foreach (var migration in expected.Migrations) await ApplyAsync(connection, migration);
    }

    // Every migration adds a tracked object (an enum, or a table with a CHECK), so the catalog grows with the count.
    private static ExpectedSchema Generated(int count)
    {
        var files = new List<MigrationSourceFile> { new("migration_lock.toml", "provider = \"postgresql\"\n") };
        for (var i = 1; i <= count; i++)
        {
            var id = (20250101000000L + i).ToString(CultureInfo.InvariantCulture);
            var sql = i % 2 == 0
                ? $"CREATE TYPE \"Status{i}\" AS ENUM ('A', 'B', 'C');\n"
                : $"CREATE TABLE \"t{i}\" (\"id\" INTEGER NOT NULL, \"state\" TEXT NOT NULL CHECK (\"state\" IN ('on', 'off')));\n";
            files.Add(new MigrationSourceFile($"{id}_step_{i}/migration.sql", sql));
        }

        return ExpectedSchema.FromFiles(files);
    }
}
