using System.Diagnostics;
using Npgsql;
using SchemaTasks.Npgsql.Introspection;
using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Sql;
using SchemaTasks.Testing;
using Xunit.Abstractions;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// The engine's catalog of generated migrations must equal what PostgreSQL itself makes of the
/// same SQL, read back by <see cref="PostgresSchemaReader"/>. Each sequence runs in a fresh
/// schema state of one database (every user schema dropped), one round trip per migration.
/// The class runs in a collection of its own with parallel runs off: PostgreSQL 15 can fail a
/// subtransaction started while other sessions flood it with catalog invalidations (XX000,
/// "cannot start a subtransaction when there are unprocessed inval messages"), which the DO
/// blocks' exception handlers start.
/// </summary>
[Collection(nameof(PostgresDifferentialTests))]
public sealed class PostgresDifferentialTests(ITestOutputHelper output)
{
    private const string Reset = """
        DO $$
        DECLARE s record;
        BEGIN
          FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
            EXECUTE 'DROP SCHEMA ' || quote_ident(s.nspname) || ' CASCADE';
          END LOOP;
        END $$;
        CREATE SCHEMA public;
        """;

    /// <summary>
    /// Sequences per server: 2,000 on the default server, 60 on each other version (12, 18),
    /// whose run checks what differs between versions rather than the generator's reach.
    /// Each server starts at the same seed, so the versions' sequences are the default's first ones.
    /// </summary>
    private static int SequenceCount(string server) =>
        DifferentialSettings.Count(server == TestDatabaseEnvironment.DefaultPostgresServer ? 2_000 : 60);

    [PostgresTheory, EveryPostgresServer]
    public async Task Generated_migrations_read_back_as_the_engine_builds_them(string server)
    {
        var baseSeed = DifferentialSettings.BaseSeed(1_000);
        var count = SequenceCount(server);
        await using var db = await PostgresTestDatabase.CreateAsync(server);
        var connection = await db.OpenConnectionAsync();
        var failures = new List<string>();
        var serverFaults = 0;
        var statements = 0;
        var run = 0;
        var (tables, valueSets, labels) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        var timeBox = DifferentialSettings.TimeBox;
        for (var i = 0; i < count && failures.Count < 3 && clock.Elapsed < timeBox; i++)
        {
            var sequence = PostgresMigrationGenerator.Generate(baseSeed + i);
            run++;
            statements += sequence.Migrations.Sum(m => m.FileText.Split(";\n").Length - 1);
            var built = SchemaEngine.Build(MigrationSetOf(sequence, i), SqlDialect.Postgres);
            if (built.HasErrors)
            {
                failures.Add($"{sequence.Describe()}engine errors:\n  {string.Join("\n  ", built.Diagnostics)}");
                continue;
            }

            var rejection = await RunOnServer(connection, sequence, oneStatementPerTransaction: false);
            if (rejection is { SqlState: PostgresErrorCodes.InternalError })
            {
                // The server's own fault (XX000), not the generator's SQL: PostgreSQL 15 fails a
                // subtransaction (a DO block's exception handler) started in a transaction whose
                // earlier statements left catalog invalidations unprocessed ("cannot start a
                // subtransaction when there are unprocessed inval messages", seed 2662: ALTER
                // DOMAIN ... DROP CONSTRAINT, then such a DO block). The same statements, each
                // in a transaction of its own, on a new session, make the same schema.
                serverFaults++;
                output.WriteLine($"seed {sequence.Seed}: the server failed internally ({rejection.MessageText}); running it again one statement per transaction.");
                await connection.DisposeAsync();
                connection = await db.OpenConnectionAsync();
                rejection = await RunOnServer(connection, sequence, oneStatementPerTransaction: true);
            }

            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.DisposeAsync();
                connection = await db.OpenConnectionAsync();
            }

            if (rejection is not null)
            {
                failures.Add($"{sequence.Describe()}the generator wrote SQL the server rejects: {rejection.SqlState} {rejection.MessageText}");
                continue;
            }

            var live = await PostgresSchemaReader.ReadAsync(connection);
            tables += live.Tables.Count;
            valueSets += live.Tables.Values.Sum(t => t.Checks.Count(c => c.IsValueSet)) + live.Domains.Values.Sum(d => d.Checks.Count(c => c.IsValueSet));
            labels += live.EnumTypes.Values.Sum(e => e.Labels.Length);
            var diffs = CatalogComparer.Compare(built.Final, live);
            if (diffs.Count > 0) failures.Add($"{sequence.Describe()}differences (engine vs live):\n  {string.Join("\n  ", diffs)}");

            // The start-up check's narrower read must agree on everything it reads.
            var drift = await PostgresSchemaReader.ReadForDriftAsync(connection, CancellationToken.None);
            var driftDiffs = CatalogComparer.Compare(built.Final, drift, new CatalogComparison(DriftRead: true));
            if (driftDiffs.Count > 0) failures.Add($"{sequence.Describe()}differences (engine vs the check's read):\n  {string.Join("\n  ", driftDiffs)}");
        }

        output.WriteLine($"PostgreSQL {connection.PostgreSqlVersion} ({server}): {run} of {count} sequences ({statements} statements) from seed {baseSeed} in {clock.Elapsed.TotalSeconds:F1} s; read back {tables} tables, {valueSets} value-set CHECKs, {labels} enum labels; {serverFaults} internal server faults run again one statement per transaction");
        await connection.DisposeAsync();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(run == count, $"Only {run} of {count} sequences ran within the time box of {timeBox.TotalMinutes} minutes (SCHEMATASKS_DIFF_MINUTES).");
        Assert.True(tables > count && valueSets > count / 2 && labels > count, "The generator no longer covers tables, value sets and enum labels.");
    }

    // Every tenth sequence goes through a Prisma folder on disk, two migrations per timestamp.
    private static SchemaTasks.Migrations.MigrationSet MigrationSetOf(GeneratedSequence sequence, int index)
    {
        if (index % 10 != 0) return sequence.ToMigrationSet();
        var folder = Path.Combine(Path.GetTempPath(), "schematasks-diff-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return sequence.ReadAsPrismaFolder(folder, "postgresql");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Resets the database and runs every migration of the sequence; the server's error, if any.
    private static async Task<PostgresException?> RunOnServer(NpgsqlConnection connection, GeneratedSequence sequence, bool oneStatementPerTransaction)
    {
        try
        {
            await Execute(connection, Reset);
            foreach (var migration in sequence.Migrations)
            {
                foreach (var command in migration.Commands)
                {
                    if (!oneStatementPerTransaction)
                    {
                        await Execute(connection, command);
                        continue;
                    }

                    foreach (var statement in SqlScript.Split(command, SqlDialect.Postgres)) await Execute(connection, statement.Text);
                }
            }

            return null;
        }
        catch (PostgresException error)
        {
            return error;
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
