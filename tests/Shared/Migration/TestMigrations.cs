using System.Text;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;

namespace SchemaTasks.Testing;

/// <summary>
/// Embedded migrations built in memory, through the same loader and checksum verification an
/// assembly's resources go through:
/// <code>
/// var migrations = new TestMigrations(SqlDialect.Postgres).Add("1", "CREATE TABLE t (id int);").Load();
/// </code>
/// </summary>
internal sealed class TestMigrations(SqlDialect dialect, MigrationLayout layout = MigrationLayout.GolangMigrate) : EmbeddedMigrations.IResourceSource
{
    private readonly Dictionary<string, string> _resources = new(StringComparer.Ordinal);
    private readonly List<ManifestEntry> _entries = [];

    public string Name => "Migrator.Tests";

    public IEnumerable<string> Names => _resources.Keys;

    public byte[]? Read(string name) => _resources.TryGetValue(name, out var text) ? Encoding.UTF8.GetBytes(text) : null;

    /// <summary>Adds migration <paramref name="id"/> (file <paramref name="path"/>, by default <c>{id}_m.up.sql</c>) to the manifest and the resources.</summary>
    public TestMigrations Add(string id, string sql, string? path = null)
    {
        path ??= $"{id}_m.up.sql";
        _entries.Add(new ManifestEntry(id, "m" + id, path, MigrationChecksum.Compute(sql)));
        _resources[EmbeddedResourceNames.ForMigration(path)] = sql;
        return this;
    }

    /// <summary>Replaces the embedded text of <paramref name="id"/> after its checksum was listed.</summary>
    public TestMigrations Tamper(string id, string sql)
    {
        _resources[EmbeddedResourceNames.ForMigration($"{id}_m.up.sql")] = sql;
        return this;
    }

    /// <summary>Writes the manifest and loads the set as the runtime would, checksums verified.</summary>
    public EmbeddedMigrations Load()
    {
        var manifest = new MigrationManifest(layout, dialect, [.. _entries]);
        _resources[EmbeddedResourceNames.Manifest] = ManifestJson.Write(manifest);
        return EmbeddedMigrations.Load(this);
    }
}
