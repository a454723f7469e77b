using System.Globalization;
using System.Text;
using SchemaTasks.Migrations;

namespace SchemaTasks.Testing;

/// <summary>
/// One generated migration: the file text the engine reads, and the commands a client sends to
/// the server to run it (they differ only where a client does work, such as MySQL's DELIMITER).
/// </summary>
internal sealed record GeneratedMigration(string FileText, IReadOnlyList<string> Commands);

/// <summary>A generated migration sequence and the seed that reproduces it.</summary>
internal sealed record GeneratedSequence(int Seed, IReadOnlyList<GeneratedMigration> Migrations)
{
    public MigrationSet ToMigrationSet() => new(
        MigrationLayout.Plain,
        null,
        Migrations.Select((m, i) => new SchemaTasks.Migrations.Migration($"{i + 1:D3}", $"{i + 1:D3}", "generated", $"{i + 1:D3}_generated.sql", string.Empty, m.FileText)).ToList());

    /// <summary>
    /// The sequence written as a Prisma folder in which every two consecutive migrations share a
    /// timestamp (as real Prisma histories do), read back by the product's own folder reader, so
    /// the differential run covers discovery and Prisma's name order too.
    /// </summary>
    public MigrationSet ReadAsPrismaFolder(string directory, string provider)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MigrationDiscovery.PrismaLockFile), $"provider = \"{provider}\"\n");
        for (var i = 0; i < Migrations.Count; i++)
        {
            var folder = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{20250217000000L + (i / 2)}_step_{(char)('a' + i)}"));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "migration.sql"), Migrations[i].FileText);
        }

        var reading = MigrationFolderReader.Read(directory);
        if (reading.Set is not { } set || reading.Diagnostics.Any(d => d.Severity == SchemaTasks.Diagnostics.DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The Prisma folder was refused:\n" + string.Join("\n", reading.Diagnostics));
        }

        if (!set.Migrations.Select(m => m.Sql).SequenceEqual(Migrations.Select(m => m.FileText)))
        {
            throw new InvalidOperationException("The Prisma folder was read in another order than Prisma applies it.");
        }

        return set;
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed {Seed} (reproduce: SCHEMATASKS_DIFF_SEED={Seed} SCHEMATASKS_DIFF_COUNT=1)\n");
        for (var i = 0; i < Migrations.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"--- migration {i + 1}\n{Migrations[i].FileText}\n");
        }

        return text.ToString();
    }
}

/// <summary>Which sequences a differential run generates: a base seed and a count, overridable from the environment.</summary>
internal static class DifferentialSettings
{
    public static int BaseSeed(int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable("SCHEMATASKS_DIFF_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : fallback;

    public static int Count(int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable("SCHEMATASKS_DIFF_COUNT"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : fallback;

    /// <summary>
    /// How long one run may take before it stops generating (<c>SCHEMATASKS_DIFF_MINUTES</c>,
    /// default 15): a bound for CI, not a speed target. A run the box cut short fails, saying how
    /// far it got, so fewer sequences never pass for the full count.
    /// </summary>
    public static TimeSpan TimeBox
        => TimeSpan.FromMinutes(double.TryParse(Environment.GetEnvironmentVariable("SCHEMATASKS_DIFF_MINUTES"), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0 ? minutes : 15);
}
