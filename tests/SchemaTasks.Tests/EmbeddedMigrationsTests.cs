using System.Collections.Immutable;
using System.Text;
using SchemaTasks.Diagnostics;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;
using SchemaTasks.Schema;
using SchemaTasks.Snapshot;

namespace SchemaTasks.Tests;

public class EmbeddedMigrationsTests
{
    private const string AssemblyName = "Jobs.Service";

    [Fact]
    public void ValidSet_LoadsInManifestOrder()
    {
        // "10_c" sorts before "2_b" ordinally; the manifest's order must win over any resource order.
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "CREATE TABLE a (id int);\n")
            .WithMigration("2", "2_b.up.sql", "CREATE TABLE b (id int);\n")
            .WithMigration("10", "10_c.up.sql", "CREATE TABLE c (id int);\n")
            .WithManifest();

        var loaded = EmbeddedMigrations.Load(resources);

        Assert.Equal(["1", "2", "10"], loaded.Migrations.Select(m => m.Id));
        Assert.Equal(
            ["CREATE TABLE a (id int);\n", "CREATE TABLE b (id int);\n", "CREATE TABLE c (id int);\n"],
            loaded.Migrations.Select(m => m.Text));
        Assert.Equal(["1_a.up.sql", "2_b.up.sql", "10_c.up.sql"], loaded.Manifest.Migrations.Select(e => e.Path));
        Assert.Equal(MigrationChecksum.Compute("CREATE TABLE c (id int);\n"), loaded.Migrations[2].Sha256);
    }

    [Fact]
    public void TamperedText_IsST5003_NamingIdPathAndBothChecksums()
    {
        const string original = "CREATE TABLE jobs (id int);\n";
        const string tampered = "CREATE TABLE jobs (id bigint);\n";
        var resources = new ResourceTable()
            .WithMigration("20240101000000_init", "20240101000000_init/migration.sql", original)
            .WithManifest()
            .Replace("20240101000000_init/migration.sql", tampered);

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationTampered, ex.Code);
        Assert.Contains("'20240101000000_init'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'20240101000000_init/migration.sql'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(MigrationChecksum.Compute(original), ex.Message, StringComparison.Ordinal);
        Assert.Contains(MigrationChecksum.Compute(tampered), ex.Message, StringComparison.Ordinal);
        Assert.Contains(AssemblyName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListedButMissingResource_IsST5002_NamingIt()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithMigration("2", "2_b.up.sql", "SELECT 2;\n")
            .WithManifest()
            .Remove("2_b.up.sql");

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationMissing, ex.Code);
        Assert.Contains("'2_b.up.sql'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{EmbeddedResourceNames.ForMigration("2_b.up.sql")}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraResourceUnderMigrationsPrefix_IsST5004_NamingIt()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithManifest()
            .WithMigration("2", "2_sneaky.up.sql", "DROP TABLE jobs;\n");

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationUnlisted, ex.Code);
        Assert.Contains($"'{EmbeddedResourceNames.ForMigration("2_sneaky.up.sql")}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourcesOutsideMigrationsPrefix_AreNotChecked()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithManifest()
            .WithResource("Jobs.Service.Templates.welcome.sql", "SELECT 'hello';\n");

        var loaded = EmbeddedMigrations.Load(resources);

        Assert.Equal(["1"], loaded.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void NoManifest_IsST5001()
    {
        var resources = new ResourceTable().WithMigration("1", "1_a.up.sql", "SELECT 1;\n");

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.ManifestMissing, ex.Code);
        Assert.Contains($"'{AssemblyName}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(EmbeddedResourceNames.Manifest, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableManifest_IsST5001_WithTheReason()
    {
        var resources = new ResourceTable().WithResource(EmbeddedResourceNames.Manifest, "{ \"formatVersion\": 99 }");

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.ManifestMissing, ex.Code);
        Assert.Contains("version 99", ex.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public void CrLfEmbeddedText_VerifiesAgainstLfChecksum()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "CREATE TABLE a (\n  id int\n);\n")
            .WithManifest()
            .Replace("1_a.up.sql", "CREATE TABLE a (\r\n  id int\r\n);\r\n");

        var loaded = EmbeddedMigrations.Load(resources);

        var migration = Assert.Single(loaded.Migrations);
        Assert.Equal("CREATE TABLE a (\r\n  id int\r\n);\r\n", migration.Text);
        Assert.Equal(MigrationChecksum.Compute("CREATE TABLE a (\n  id int\n);\n"), migration.Sha256);
    }

    [Fact]
    public void Load_OnAnAssemblyWithoutManifest_IsST5001_NamingTheAssembly()
    {
        var assembly = typeof(EmbeddedMigrationsTests).Assembly;

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(assembly));

        Assert.Equal(DiagnosticCodes.ManifestMissing, ex.Code);
        Assert.Contains($"'{assembly.GetName().Name}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotOfTheSameMigrations_IsExposed()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithManifest()
            .WithSnapshotOfManifest();

        var loaded = EmbeddedMigrations.Load(resources);

        Assert.NotNull(loaded.Snapshot);
        Assert.Equal(["1"], loaded.Snapshot.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void SnapshotOfOtherMigrations_IsST5005()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithManifest()
            .WithSnapshotOfManifest(dropLast: true);

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.EmbeddedSnapshotMismatch, ex.Code);
        Assert.Contains("lists other migrations than the manifest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSnapshot_LeavesSnapshotNull()
    {
        var resources = new ResourceTable().WithMigration("1", "1_a.up.sql", "SELECT 1;\n").WithManifest();

        Assert.Null(EmbeddedMigrations.Load(resources).Snapshot);
    }

    [Fact]
    public void Bundle_LoadsAsMigrationsEmbeddedOneByOne()
    {
        // The second file starts with a UTF-8 byte order mark, which the text must not keep:
        // the build computed its checksum without it.
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "CREATE TABLE a (id int);\n")
            .WithMigration("2", "2_b.up.sql", "CREATE TABLE b (id int);\n")
            .WithManifest()
            .WithResource(EmbeddedResourceNames.ForMigration("2_b.up.sql"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("CREATE TABLE b (id int);\n")])
            .Bundled();

        var loaded = EmbeddedMigrations.Load(resources);

        Assert.Equal(["1", "2"], loaded.Migrations.Select(m => m.Id));
        Assert.Equal(["CREATE TABLE a (id int);\n", "CREATE TABLE b (id int);\n"], loaded.Migrations.Select(m => m.Text));
    }

    [Fact]
    public void Bundle_WithAnEditedFile_IsST5003()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "CREATE TABLE a (id int);\n")
            .WithManifest()
            .Replace("1_a.up.sql", "CREATE TABLE a (id bigint);\n")
            .Bundled();

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationTampered, ex.Code);
        Assert.Contains("'1_a.up.sql'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_MissingAListedFile_IsST5002_NamingIt()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithMigration("2", "2_b.up.sql", "SELECT 2;\n")
            .WithManifest()
            .Remove("2_b.up.sql")
            .Bundled();

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationMissing, ex.Code);
        Assert.Contains("'2_b.up.sql'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(EmbeddedResourceNames.MigrationBundle, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_AndTheSameFileEmbeddedOnItsOwn_IsST5004()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithManifest()
            .Bundled()
            .WithResource(EmbeddedResourceNames.ForMigration("1_a.up.sql"), "DROP TABLE jobs;\n");

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.EmbeddedMigrationUnlisted, ex.Code);
        Assert.Contains("'SchemaTasks/Migrations/1_a.up.sql'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_CutShort_IsST5001_SayingWhy()
    {
        var resources = new ResourceTable()
            .WithMigration("1", "1_a.up.sql", "SELECT 1;\n")
            .WithManifest()
            .Bundled();
        var bundle = resources.Read(EmbeddedResourceNames.MigrationBundle)!;
        resources.WithResource(EmbeddedResourceNames.MigrationBundle, bundle[..^3]);

        var ex = Assert.Throws<SchemaTasksException>(() => EmbeddedMigrations.Load(resources));

        Assert.Equal(DiagnosticCodes.ManifestMissing, ex.Code);
        Assert.Contains(EmbeddedResourceNames.MigrationBundle, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'1_a.up.sql' is 10 bytes long", ex.Message, StringComparison.Ordinal);
        Assert.Contains(AssemblyName, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Stands in for an assembly's resource table. <see cref="WithManifest"/> lists the migrations
    /// added so far, with the checksums of their texts at that moment.
    /// </summary>
    private sealed class ResourceTable : EmbeddedMigrations.IResourceSource
    {
        private readonly Dictionary<string, byte[]> resources = new(StringComparer.Ordinal);
        private readonly List<ManifestEntry> entries = [];

        public string Name => AssemblyName;

        public IEnumerable<string> Names => resources.Keys;

        public byte[]? Read(string name) => resources.GetValueOrDefault(name);

        public ResourceTable WithMigration(string id, string path, string text)
        {
            entries.Add(new ManifestEntry(id, path, path, MigrationChecksum.Compute(text)));
            return WithResource(EmbeddedResourceNames.ForMigration(path), text);
        }

        public ResourceTable WithManifest()
        {
            var manifest = new MigrationManifest(MigrationLayout.GolangMigrate, SqlDialect.Postgres, [.. entries]);
            entries.Clear();
            return WithResource(EmbeddedResourceNames.Manifest, ManifestJson.Write(manifest));
        }

        public ResourceTable WithSnapshotOfManifest(bool dropLast = false)
        {
            var listed = ManifestJson.Read(Encoding.UTF8.GetString(resources[EmbeddedResourceNames.Manifest])).Migrations;
            var migrations = listed.Take(dropLast ? listed.Count - 1 : listed.Count)
                .Select(e => new SnapshotMigration(e.Id, e.Name, e.Path, e.Sha256))
                .ToImmutableArray();
            var snapshot = new SchemaSnapshot(SqlDialect.Postgres, migrations, Catalog.Empty(SqlDialect.Postgres));
            return WithResource(EmbeddedResourceNames.Snapshot, SnapshotJson.Write(snapshot));
        }

        public ResourceTable WithResource(string name, string text) => WithResource(name, Encoding.UTF8.GetBytes(text));

        public ResourceTable WithResource(string name, byte[] bytes)
        {
            resources[name] = bytes;
            return this;
        }

        /// <summary>Moves every migration embedded on its own into one bundle, as a build embeds them.</summary>
        public ResourceTable Bundled()
        {
            var files = resources
                .Where(r => r.Key.StartsWith(EmbeddedResourceNames.MigrationPrefix, StringComparison.Ordinal))
                .Select(r => (Path: r.Key[EmbeddedResourceNames.MigrationPrefix.Length..], Bytes: r.Value))
                .ToList();
            foreach (var (path, _) in files)
            {
                resources.Remove(EmbeddedResourceNames.ForMigration(path));
            }

            using var bundle = new MemoryStream();
            MigrationBundle.Write(bundle, files);
            return WithResource(EmbeddedResourceNames.MigrationBundle, bundle.ToArray());
        }

        public ResourceTable Replace(string path, string text)
        {
            Assert.True(resources.ContainsKey(EmbeddedResourceNames.ForMigration(path)));
            return WithResource(EmbeddedResourceNames.ForMigration(path), text);
        }

        public ResourceTable Remove(string path)
        {
            Assert.True(resources.Remove(EmbeddedResourceNames.ForMigration(path)));
            return this;
        }
    }
}
