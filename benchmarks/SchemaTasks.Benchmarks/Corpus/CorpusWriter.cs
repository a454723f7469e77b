using SchemaTasks.Migrations;

namespace SchemaTasks.Benchmarks.Corpus;

/// <summary>
/// Writes the benchmark corpus as a Prisma migrations folder, so whole-process measurements
/// (the tool started cold, a peer tool, a build) read exactly the text the engine benchmark reads.
/// </summary>
internal static class CorpusWriter
{
    public static void Run(string folder, string dialectName)
    {
        var dialect = dialectName == "mysql" ? SqlDialect.MySql : SqlDialect.Postgres;
        var (set, bytes) = CorpusCache.Get(dialect, noise: 1);
        Directory.CreateDirectory(folder);
        foreach (var migration in set.Migrations)
        {
            var path = Path.Combine(folder, migration.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, migration.Sql);
        }

        File.WriteAllText(Path.Combine(folder, "migration_lock.toml"), $"provider = \"{(dialect == SqlDialect.MySql ? "mysql" : "postgresql")}\"\n");
        Console.WriteLine($"{set.Migrations.Count} migrations, {bytes:N0} bytes, written to {folder}");
    }
}
