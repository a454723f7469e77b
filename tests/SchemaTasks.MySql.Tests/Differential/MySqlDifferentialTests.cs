using System.Diagnostics;
using MySqlConnector;
using SchemaTasks.MySql.Introspection;
using SchemaTasks.MySql.Tests.Infrastructure;
using SchemaTasks.Schema;
using SchemaTasks.Testing;
using Xunit.Abstractions;

namespace SchemaTasks.MySql.Tests.Differential;

/// <summary>
/// The engine's catalog of generated migrations must equal what the server itself makes of the
/// same SQL, read back by <see cref="MySqlSchemaReader"/>. Each sequence gets its database dropped
/// and created again (one round trip), then one round trip per migration (plus one per procedure,
/// which a client sends on its own). Two workers with a database each overlap the servers' disk
/// waits: MariaDB spends most of the time creating table files.
/// </summary>
public sealed class MySqlDifferentialTests(ITestOutputHelper output)
{
    private const int Workers = 2;

    [MySqlFact]
    public async Task Generated_migrations_read_back_as_the_engine_builds_them()
    {
        var baseSeed = DifferentialSettings.BaseSeed(2_000);
        var count = DifferentialSettings.Count(2_000);
        var run = new Tally();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => RunWorker(baseSeed, count, w, run)));

        output.WriteLine($"{run.Sequences} of {count} sequences from seed {baseSeed} in {clock.Elapsed.TotalSeconds:F1} s; read back {run.Tables} tables, {run.ValueSets} value-set CHECKs, {run.Inline} ENUM/SET columns, {run.ColumnLevelChecks} MariaDB column-level CHECKs");
        Assert.True(run.Failures.Count == 0, string.Join("\n\n", run.Failures));
        Assert.True(run.Sequences == count, $"Only {run.Sequences} of {count} sequences ran within the time box of {DifferentialSettings.TimeBox.TotalMinutes} minutes (SCHEMATASKS_DIFF_MINUTES).");
        Assert.True(run.Tables > count && run.ValueSets > count / 4 && run.Inline > count / 2, "The generator no longer covers tables, value sets and ENUM/SET columns.");
        Assert.True(MySqlTestDatabase.ServerDialect != SqlDialect.MariaDb || run.ColumnLevelChecks > count / 4, "The generator no longer covers MariaDB's column-level CHECKs.");
    }

    private static async Task RunWorker(int baseSeed, int count, int worker, Tally run)
    {
        await using var db = await MySqlTestDatabase.CreateAsync();
        await using var connection = await db.OpenConnectionAsync();
        var reset = $"DROP DATABASE IF EXISTS {db.Name}; CREATE DATABASE {db.Name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; USE {db.Name};";

        // The engine follows the server's own rules (MariaDB or MySQL 8), CHECK names included.
        var dialect = MySqlTestDatabase.ServerDialect;
        var comparison = new CatalogComparison();
        var clock = Stopwatch.StartNew();
        for (var i = worker; i < count && run.Failures.Count < 3 && clock.Elapsed < DifferentialSettings.TimeBox; i += Workers)
        {
            var sequence = MySqlMigrationGenerator.Generate(baseSeed + i, dialect);
            var built = SchemaEngine.Build(MigrationSetOf(sequence, i), dialect);
            if (built.HasErrors)
            {
                run.Fail($"{sequence.Describe()}engine errors:\n  {string.Join("\n  ", built.Diagnostics)}");
                continue;
            }

            await Execute(connection, reset);
            try
            {
                foreach (var migration in sequence.Migrations)
                {
                    foreach (var command in migration.Commands) await Execute(connection, command);
                }
            }
            catch (MySqlException error)
            {
                run.Fail($"{sequence.Describe()}the generator wrote SQL the server rejects: {error.Message}");
                continue;
            }

            var live = await MySqlSchemaReader.ReadAsync(connection);
            var diffs = CatalogComparer.Compare(built.Final, live, comparison);
            if (diffs.Count > 0) run.Fail($"{sequence.Describe()}differences (engine vs live):\n  {string.Join("\n  ", diffs)}");
            run.Add(live, built.Final);
        }
    }

    // Every tenth sequence goes through a Prisma folder on disk, two migrations per timestamp.
    private static SchemaTasks.Migrations.MigrationSet MigrationSetOf(GeneratedSequence sequence, int index)
    {
        if (index % 10 != 0) return sequence.ToMigrationSet();
        var folder = Path.Combine(Path.GetTempPath(), "schematasks-diff-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return sequence.ReadAsPrismaFolder(folder, "mysql");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task Execute(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Tally
    {
        private readonly object _gate = new();

        public List<string> Failures { get; } = [];

        public int Sequences { get; private set; }

        public int Tables { get; private set; }

        public int ValueSets { get; private set; }

        public int Inline { get; private set; }

        public void Fail(string failure)
        {
            lock (_gate) Failures.Add(failure);
        }

        public int ColumnLevelChecks { get; private set; }

        public void Add(Catalog live, Catalog built)
        {
            lock (_gate)
            {
                ColumnLevelChecks += built.Tables.Values.Sum(t => t.Checks.Count(c => c.OwnerColumn is not null));
                Sequences++;
                Tables += live.Tables.Count;
                ValueSets += live.Tables.Values.Sum(t => t.Checks.Count(c => c.IsValueSet));
                Inline += live.Tables.Values.Sum(t => t.Columns.Count(c => c.InlineValues is not null));
            }
        }
    }
}
