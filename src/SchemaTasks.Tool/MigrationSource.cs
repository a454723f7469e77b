using System.Reflection;
using SchemaTasks.Diagnostics;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>
/// The migrations a database command works with: <c>--assembly &lt;dll&gt;</c> (verified against its
/// manifest) or <c>--migrations &lt;dir&gt;</c> (read as a build would embed it).
/// </summary>
internal static class MigrationSource
{
    /// <summary>Reads the options; <see langword="null"/> when the folder has errors, which are printed.</summary>
    public static EmbeddedMigrations? Load(string? assemblyPath, string? folder, MigrationLayout? layout, SqlDialect? dialect, TextWriter error)
    {
        if ((assemblyPath is null) == (folder is null))
        {
            throw new UsageException("give either --migrations <dir> or --assembly <dll>.");
        }

        if (assemblyPath is not null)
        {
            return EmbeddedMigrations.Load(Assembly.LoadFrom(Path.GetFullPath(assemblyPath)));
        }

        var files = MigrationFolder.Read(folder!);
        var discovery = MigrationDiscovery.Discover(files, layout);
        DiagnosticWriter.Write(discovery.Diagnostics, folder!, error);
        if (discovery.Set is not { } set || discovery.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        return EmbeddedMigrations.Load(new FolderResources(folder!, files, set, dialect));
    }

    // The folder as the resources a build would embed, so the one loader (and its checks) serves both.
    private sealed class FolderResources : EmbeddedMigrations.IResourceSource
    {
        private readonly Dictionary<string, string> _resources = new(StringComparer.Ordinal);

        public FolderResources(string folder, IReadOnlyList<MigrationSourceFile> files, MigrationSet set, SqlDialect? dialect)
        {
            Name = folder;
            // Whole files, as a build embeds them: the checksum covers the file, not only what runs.
            var text = files.ToDictionary(f => f.RelativePath, f => f.Text, StringComparer.Ordinal);
            foreach (var migration in set.Migrations)
            {
                _resources[EmbeddedResourceNames.ForMigration(migration.RelativePath)] = text[migration.RelativePath];
            }

            _resources[EmbeddedResourceNames.Manifest] = ManifestJson.Write(MigrationManifest.From(set, dialect));
        }

        public string Name { get; }

        public IEnumerable<string> Names => _resources.Keys;

        public string? Read(string name) => _resources.GetValueOrDefault(name);
    }
}
