using System.Text;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;

namespace SchemaTasks.Benchmarks.Migrator;

/// <summary>
/// The corpus as a build would embed it (golang-migrate layout, manifest with checksums),
/// served from memory through the same loader and checksum verification as an assembly.
/// </summary>
internal sealed class InMemoryMigrations : EmbeddedMigrations.IResourceSource
{
    private readonly Dictionary<string, string> _resources = new(StringComparer.Ordinal);

    private InMemoryMigrations(IEnumerable<(int Number, string Name, string Sql)> migrations)
    {
        var entries = new List<ManifestEntry>();
        foreach (var (number, name, sql) in migrations)
        {
            var path = name + ".up.sql";
            entries.Add(new ManifestEntry(number.ToString(System.Globalization.CultureInfo.InvariantCulture), name, path, MigrationChecksum.Compute(sql)));
            _resources[EmbeddedResourceNames.ForMigration(path)] = sql;
        }

        _resources[EmbeddedResourceNames.Manifest] = ManifestJson.Write(new MigrationManifest(MigrationLayout.GolangMigrate, SqlDialect.Postgres, [.. entries]));
    }

    public string Name => "SchemaTasks.Benchmarks.Migrator";

    public IEnumerable<string> Names => _resources.Keys;

    public byte[]? Read(string name) => _resources.TryGetValue(name, out var text) ? Encoding.UTF8.GetBytes(text) : null;

    /// <summary>Loads <paramref name="migrations"/> as the runtime loads an assembly's.</summary>
    public static EmbeddedMigrations Load(IEnumerable<(int Number, string Name, string Sql)> migrations) =>
        EmbeddedMigrations.Load(new InMemoryMigrations(migrations));
}
