using System.Diagnostics;
using Npgsql;
using SchemaTasks.Verification;
using SchemaTasks.Npgsql.Verification;
using SchemaTasks.Npgsql.History;
using SchemaTasks.Npgsql.Introspection;

namespace SchemaTasks.Benchmarks.SelfCheck;

/// <summary>
/// A quick Stopwatch loop for iterating on the start-up check (seconds, not minutes): best-of-N
/// and mean time of each phase and each catalog query on its own, on the benchmark's database,
/// which it sets up when it is missing. The numbers that count come from <see cref="SelfCheckBenchmarks"/>.
/// </summary>
internal static class SelfCheckProbe
{
    public static void Run(int rounds)
    {
        var expected = ExpectedSchema.FromFiles(SelfCheckCorpus.PrismaFiles());
        var database = SelfCheckDatabases.Existing("bench_check") ?? Setup(expected);

        Measure("open (pooled)", rounds, async () => { await using var c = await Open(database); });
        Measure("detect + history", rounds, async () =>
        {
            await using var c = await Open(database);
            var kinds = await PostgresMigrationHistoryReader.DetectAsync(c);
            await new PostgresMigrationHistoryReader(c, kinds[0]).ReadAsync();
        });
        Measure("catalog read", rounds, async () =>
        {
            await using var c = await Open(database);
            await PostgresSchemaReader.ReadAsync(c);
        });
        Measure("drift read", rounds, async () =>
        {
            await using var c = await Open(database);
            await PostgresSchemaReader.ReadForDriftAsync(c, default);
        });

        foreach (var (name, sql) in Queries())
        {
            MeasureCpu("  " + name, rounds, database, async () =>
            {
                await using var c = await Open(database);
                await using var command = new NpgsqlCommand(sql, c);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            });
        }

        MigrationHistory history;
        SchemaTasks.Schema.Catalog live;
        using (var c = Open(database).GetAwaiter().GetResult())
        {
            history = new PostgresMigrationHistoryReader(c, PostgresMigrationHistoryReader.DetectAsync(c).GetAwaiter().GetResult()[0]).ReadAsync().GetAwaiter().GetResult();
            live = PostgresSchemaReader.ReadForDriftAsync(c, default).GetAwaiter().GetResult();
        }

        Measure("verify (in memory)", rounds, () => { expected.Verify(history, live); return Task.CompletedTask; });
        Measure("full check", rounds, () => PostgresSchemaCheck.VerifyAsync(expected, database));
        MeasureCpu("full check", rounds, database, () => PostgresSchemaCheck.VerifyAsync(expected, database));
        MeasureCpu("drift read", rounds, database, async () => { await using var c = await Open(database); await PostgresSchemaReader.ReadForDriftAsync(c, default); });
        MeasureCpu("drift batch drained", rounds, database, async () =>
        {
            await using var c = await Open(database);
            await using var batch = new NpgsqlBatch(c);
            PostgresSchemaReader.AddCommands(batch, CatalogQuerySet.Drift);

            await using var reader = await batch.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync()) { for (var i = 0; i < reader.FieldCount; i++) reader.GetValue(i); }
            }
            while (await reader.NextResultAsync());
        });
        MeasureCpu("history only", rounds, database, () => PostgresSchemaCheck.VerifyAsync(expected, database, new SchemaCheckOptions { CompareSchema = false }));
    }

    // CPU time rather than wall time: on a loaded machine waiting for a core says nothing about
    // the code. The client is this process; the server is the backend behind the pooled
    // connection, which sequential calls reuse (Linux only: /proc/<pid>/stat).
    private static void MeasureCpu(string phase, int rounds, string database, Func<Task> action)
    {
        action().GetAwaiter().GetResult();
        int backend;
        using (var c = Open(database).GetAwaiter().GetResult())
        using (var command = new NpgsqlCommand("SELECT pg_backend_pid()", c))
        {
            backend = (int)command.ExecuteScalar()!;
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        var client = process.TotalProcessorTime;
        var server = BackendCpu(backend);
        for (var i = 0; i < rounds; i++) action().GetAwaiter().GetResult();
        process.Refresh();
        var clientMs = (process.TotalProcessorTime - client).TotalMilliseconds / rounds;
        var serverMs = (BackendCpu(backend) - server) / rounds;
        Console.WriteLine($"{phase + " (CPU)",-20} client {clientMs,7:F2} ms   server {serverMs,7:F2} ms");
    }

    private static double BackendCpu(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // utime and stime (fields 14 and 15 of the line) in clock ticks of 10 ms (USER_HZ = 100 on Linux).
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }

    private static IEnumerable<(string, string)> Queries() =>
    [
        ("schemas", PostgresCatalogQueries.Schemas),
        ("enum labels", PostgresCatalogQueries.EnumLabels),
        ("types", PostgresCatalogQueries.Types),
        ("tables", PostgresCatalogQueries.Tables),
        ("columns", PostgresCatalogQueries.Columns),
        ("constraints", PostgresCatalogQueries.Constraints),
        ("drift domains", PostgresCatalogQueries.DriftDomains),
        ("drift tables", PostgresCatalogQueries.DriftTables),
        ("drift checks", PostgresCatalogQueries.DriftChecks),
    ];

    private static string Setup(ExpectedSchema expected)
    {
        var database = SelfCheckDatabases.Recreate("bench_check");
        PrismaHistory.ApplyAll(database, expected);
        return database;
    }

    private static async Task<NpgsqlConnection> Open(string database)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        return connection;
    }

    private static void Measure(string phase, int rounds, Func<Task> action)
    {
        action().GetAwaiter().GetResult(); // warm-up
        var best = double.MaxValue;
        var total = 0.0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            action().GetAwaiter().GetResult();
            var ms = watch.Elapsed.TotalMilliseconds;
            best = Math.Min(best, ms);
            total += ms;
        }

        var kilobytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / rounds;
        Console.WriteLine($"{phase,-20} best {best,7:F2} ms   mean {total / rounds,7:F2} ms   allocated {kilobytes,8:F0} KB");
    }
}
