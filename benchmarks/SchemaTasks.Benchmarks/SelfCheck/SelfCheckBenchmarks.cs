using BenchmarkDotNet.Attributes;
using DbUp;
using DbUp.Engine;
using EvolveDb;
using Npgsql;
using SchemaTasks.Verification;
using SchemaTasks.Npgsql.Verification;

namespace SchemaTasks.Benchmarks.SelfCheck;

/// <summary>
/// The start-up self-check over 1,000 applied migrations (300 tables), against what a user
/// would run instead at start-up: DbUp's pending-scripts check and Evolve's validate. Each tool
/// reads its own history table in its own database, filled once per process in its setup, so
/// no benchmark pays for another's setup. Every call opens its own (pooled) connection, as a
/// service starting up does.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
// MB/s is the engine benchmarks' column (migration text per second); it means nothing here.
[HideColumns("MB/s")]
public class SelfCheckBenchmarks
{
    private static readonly SchemaCheckOptions HistoryOnly = new() { CompareSchema = false };

    private ExpectedSchema _expected = null!;
    private string _checkDb = null!;
    private string _dbUpDb = null!;
    private SqlScript[] _dbUpScripts = null!;
    private string _evolveDb = null!;
    private string _evolveFolder = null!;

    [GlobalSetup(Targets = [nameof(SchemaTasksFullCheck), nameof(SchemaTasksHistoryOnly)])]
    public void SetupSchemaTasks()
    {
        _expected = ExpectedSchema.FromFiles(SelfCheckCorpus.PrismaFiles());
        _checkDb = SelfCheckDatabases.Recreate("bench_check");
        PrismaHistory.ApplyAll(_checkDb, _expected);
        var report = SchemaTasksFullCheck().GetAwaiter().GetResult();
        if (!report.IsHealthy || !report.SchemaCompared || report.Status.Migrations.Count != SelfCheckCorpus.MigrationCount)
        {
            throw new InvalidOperationException("The SchemaTasks check does not pass on the set-up database:\n" + report.ToText());
        }
    }

    [GlobalSetup(Target = nameof(DbUpPendingScripts))]
    public void SetupDbUp()
    {
        _dbUpScripts = SelfCheckCorpus.Migrations.Select(m => new SqlScript(m.Name + ".sql", m.Sql)).ToArray();
        _dbUpDb = SelfCheckDatabases.Recreate("bench_dbup");

        // DbUp's own journal API writes the 1,000 rows of "schemaversions" (the check reads only names).
        DeployChanges.To.PostgresqlDatabase(_dbUpDb).WithScripts(_dbUpScripts).LogToNowhere().Build().MarkAsExecuted();
        if (DbUpPendingScripts().Count != 0) throw new InvalidOperationException("DbUp still reports pending scripts after setup.");
    }

    [GlobalSetup(Target = nameof(EvolveValidate))]
    public void SetupEvolve()
    {
        // Evolve reads migrations from a folder (or embedded resources); a per-process temp folder.
        _evolveFolder = Directory.CreateTempSubdirectory("st-bench-evolve-").FullName;
        foreach (var m in SelfCheckCorpus.Migrations)
        {
            File.WriteAllText(Path.Combine(_evolveFolder, $"V{m.Number}__{m.Name}.sql"), m.Sql);
        }

        _evolveDb = SelfCheckDatabases.Recreate("bench_evolve");

        // Evolve applies the migrations itself, so "changelog" holds exactly what it would write.
        using var connection = new NpgsqlConnection(_evolveDb);
        var evolve = NewEvolve(connection);
        evolve.Migrate();
        if (evolve.NbMigration != SelfCheckCorpus.MigrationCount) throw new InvalidOperationException($"Evolve applied {evolve.NbMigration} migrations, not {SelfCheckCorpus.MigrationCount}.");
        EvolveValidate();
    }

    [GlobalCleanup(Target = nameof(EvolveValidate))]
    public void CleanupEvolve() => Directory.Delete(_evolveFolder, recursive: true);

    [Benchmark(Baseline = true, Description = "SchemaTasks full check")]
    public Task<VerificationReport> SchemaTasksFullCheck() => PostgresSchemaCheck.VerifyAsync(_expected, _checkDb);

    // The same check without the live-schema read and compare: splits the full check's cost.
    [Benchmark(Description = "SchemaTasks history only")]
    public Task<VerificationReport> SchemaTasksHistoryOnly() => PostgresSchemaCheck.VerifyAsync(_expected, _checkDb, HistoryOnly);

    [Benchmark(Description = "DbUp GetScriptsToExecute")]
    public List<SqlScript> DbUpPendingScripts() =>
        DeployChanges.To.PostgresqlDatabase(_dbUpDb).WithScripts(_dbUpScripts).LogToNowhere().Build().GetScriptsToExecute();

    [Benchmark(Description = "Evolve Validate")]
    public void EvolveValidate()
    {
        using var connection = new NpgsqlConnection(_evolveDb);
        NewEvolve(connection).Validate();
    }

    // Logging off for every tool: the benchmark measures the check, not console output.
    private Evolve NewEvolve(NpgsqlConnection connection) =>
        new(connection, _ => { }, EvolveDb.Dialect.DBMS.PostgreSQL) { Locations = [_evolveFolder] };
}
