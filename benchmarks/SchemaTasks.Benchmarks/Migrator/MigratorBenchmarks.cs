using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using DbUp;
using DbUp.Engine;
using EvolveDb;
using Npgsql;
using SchemaTasks.Benchmarks.SelfCheck;
using SchemaTasks.Npgsql.Migrator;

namespace SchemaTasks.Benchmarks.Migrator;

/// <summary>
/// Applying 1,000 small migrations to an empty PostgreSQL database, one transaction per
/// migration: <c>psql</c> running the bare SQL (the floor), SchemaTasks' migrator, DbUp and
/// Evolve. Every iteration gets a fresh empty database, created before it and not timed.
/// </summary>
[Config(typeof(MigratorJob))]
[MinColumn]
[MaxColumn]
// MB/s is the engine benchmarks' column (migration text per second); it means nothing here.
[HideColumns("MB/s")]
public class MigratorBenchmarks
{
    private const string DatabaseName = "bench_migrate";

    private string _database = null!;
    private Psql _psql = null!;
    private string _psqlScript = null!;
    private EmbeddedMigrations _embedded = null!;
    private SqlScript[] _dbUpScripts = null!;
    private string _evolveFolder = null!;

    [GlobalSetup(Target = nameof(Psql))]
    public void SetupPsql()
    {
        _psql = Migrator.Psql.Find();

        // What a person would feed psql by hand: each migration in its own transaction.
        var script = new StringBuilder();
        foreach (var (_, _, sql) in MigratorCorpus.Migrations)
        {
            script.Append("BEGIN;\n").Append(sql).Append("COMMIT;\n");
        }

        _psqlScript = script.ToString();
    }

    // Loaded (and checksum-verified) once, as a service does at start-up before it migrates.
    [GlobalSetup(Target = nameof(SchemaTasks))]
    public void SetupSchemaTasks() => _embedded = InMemoryMigrations.Load(MigratorCorpus.Migrations);

    [GlobalSetup(Target = nameof(DbUp))]
    public void SetupDbUp() =>
        _dbUpScripts = MigratorCorpus.Migrations.Select(m => new SqlScript(m.Name + ".sql", m.Sql)).ToArray();

    // Evolve reads migrations from a folder (or embedded resources), not from memory.
    [GlobalSetup(Target = nameof(Evolve))]
    public void SetupEvolve()
    {
        _evolveFolder = Directory.CreateTempSubdirectory("st-bench-migrator-evolve-").FullName;
        foreach (var (number, name, sql) in MigratorCorpus.Migrations)
        {
            File.WriteAllText(Path.Combine(_evolveFolder, string.Create(CultureInfo.InvariantCulture, $"V{number}__{name}.sql")), sql);
        }
    }

    [GlobalCleanup(Target = nameof(Evolve))]
    public void CleanupEvolve() => Directory.Delete(_evolveFolder, recursive: true);

    [IterationSetup]
    public void CreateEmptyDatabase()
    {
        // The pooled connections of the previous iteration point at the database about to be dropped.
        NpgsqlConnection.ClearAllPools();
        _database = SelfCheckDatabases.Recreate(DatabaseName);
    }

    [Benchmark(Baseline = true, Description = "psql (floor)")]
    public void Psql() => _psql.Run(_database, _psqlScript);

    [Benchmark(Description = "SchemaTasks PostgresMigrator")]
    public async Task SchemaTasks()
    {
        var result = await PostgresMigrator.MigrateAsync(_embedded, _database).ConfigureAwait(false);
        if (result.Applied.Count != MigratorCorpus.MigrationCount)
        {
            throw new InvalidOperationException($"SchemaTasks applied {result.Applied.Count} migrations, not {MigratorCorpus.MigrationCount}.");
        }
    }

    [Benchmark(Description = "DbUp (transaction per script)")]
    public void DbUp()
    {
        var result = DeployChanges.To.PostgresqlDatabase(_database)
            .WithScripts(_dbUpScripts)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful || result.Scripts.Count() != MigratorCorpus.MigrationCount)
        {
            throw new InvalidOperationException($"DbUp applied {result.Scripts.Count()} scripts: {result.Error}");
        }
    }

    [Benchmark(Description = "Evolve Migrate")]
    public void Evolve()
    {
        using var connection = new NpgsqlConnection(_database);
        var evolve = new Evolve(connection, _ => { }, EvolveDb.Dialect.DBMS.PostgreSQL) { Locations = [_evolveFolder] };
        evolve.Migrate();
        if (evolve.NbMigration != MigratorCorpus.MigrationCount)
        {
            throw new InvalidOperationException($"Evolve applied {evolve.NbMigration} migrations, not {MigratorCorpus.MigrationCount}.");
        }
    }

    /// <summary>
    /// A few long iterations: each applies 1,000 migrations (seconds), so BenchmarkDotNet's pilot
    /// and overhead stages would only add minutes. One warm-up, then eight measured runs.
    /// </summary>
    private sealed class MigratorJob : ManualConfig
    {
        public MigratorJob() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(8)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("Migrator"));
    }
}
