using System.Reflection;
using SchemaTasks.Diagnostics;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;
using SchemaTasks.Snapshot;

namespace SchemaTasks;

/// <summary>
/// The migrations a build embedded into an assembly (by the <c>SchemaTasks.Build</c> package),
/// each checked against the manifest before any SQL is handed out.
/// </summary>
public sealed class EmbeddedMigrations
{
    // Internal: the assembly loader verifies first; FromFolder builds from a reading the core checked.
    internal EmbeddedMigrations(MigrationManifest manifest, IReadOnlyList<EmbeddedMigration> migrations, SchemaSnapshot? snapshot)
    {
        Manifest = manifest;
        Migrations = migrations;
        Snapshot = snapshot;
    }

    /// <summary>The manifest the build wrote.</summary>
    public MigrationManifest Manifest { get; }

    /// <summary>The migrations, in the order they apply.</summary>
    public IReadOnlyList<EmbeddedMigration> Migrations { get; }

    /// <summary>
    /// The schema the migrations produce, as the build recorded it; <see langword="null"/> when
    /// the build had no dialect to read the migrations in (or none were embedded).
    /// </summary>
    public SchemaSnapshot? Snapshot { get; }

    /// <summary>
    /// The migrations of a folder read by <see cref="MigrationFolderReader"/>, as a build would
    /// embed them (whole files; no snapshot, which the reader of a folder builds when it needs one).
    /// </summary>
    /// <param name="folder">A reading without errors.</param>
    /// <exception cref="ArgumentException">The reading has errors, so it holds no migrations.</exception>
    public static EmbeddedMigrations FromFolder(MigrationFolderReading folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var set = folder.Set ?? throw new ArgumentException("The migrations folder was read with errors; report its diagnostics instead.", nameof(folder));
        var migrations = set.Migrations
            .Select(m => new EmbeddedMigration(m.Id, m.Name, m.RelativePath, m.Checksum, folder.FileText(m)))
            .ToList();
        return new EmbeddedMigrations(MigrationManifest.From(set, folder.Dialect), migrations, snapshot: null);
    }

    /// <summary>
    /// Reads and verifies the migrations embedded in <paramref name="assembly"/>, or, for an
    /// assembly a development build made, written beside it (docs/msbuild.md, "Development builds").
    /// </summary>
    /// <exception cref="SchemaTasksException">
    /// The manifest is missing or unreadable (<c>ST5001</c>), a listed migration is not embedded
    /// (<c>ST5002</c>), its text does not match its checksum (<c>ST5003</c>), or a migration is
    /// embedded without being listed (<c>ST5004</c>).
    /// </exception>
    public static EmbeddedMigrations Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var resources = new AssemblyResources(assembly);
        return LoadBeside(resources, AssemblyFile(assembly, resources.Name));
    }

    /// <summary>
    /// Reads and verifies the migrations embedded in the assembly file at <paramref name="assemblyPath"/>
    /// (or written beside it, as for <see cref="Load(Assembly)"/>) without loading it: the file is
    /// not locked, and an assembly built for a newer runtime reads too.
    /// </summary>
    /// <exception cref="SchemaTasksException">As <see cref="Load(Assembly)"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static EmbeddedMigrations LoadFile(string assemblyPath)
    {
        ArgumentNullException.ThrowIfNull(assemblyPath);
        return LoadBeside(AssemblyFileResources.FromFile(assemblyPath), assemblyPath);
    }

    // The assembly's own resources, or the folder a development build wrote beside its file.
    private static EmbeddedMigrations LoadBeside(IResourceSource assembly, string assemblyFile)
    {
        if (assembly.Names.Contains(EmbeddedResourceNames.Manifest, StringComparer.Ordinal)) return Load(assembly);
        return DevelopmentResourceFolder.Beside(assembly.Name, assemblyFile) is { } folder
            ? Load(folder)
            : Load(assembly, Path.GetFileName(DevelopmentResourceFolder.PathBeside(assemblyFile)));
    }

    // Where the assembly was loaded from; an assembly inside a single-file application has no
    // file of its own, and its development folder would be beside the application.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location is handled: the application's folder is used instead.")]
    private static string AssemblyFile(Assembly assembly, string name)
        => assembly.Location is { Length: > 0 } location ? location : Path.Combine(AppContext.BaseDirectory, name + ".dll");

    /// <param name="assembly">Where the resources are.</param>
    /// <param name="developmentFolder">The name of the folder a development build would have written beside the assembly, for the message when there are none.</param>
    internal static EmbeddedMigrations Load(IResourceSource assembly, string? developmentFolder = null)
    {
        var resources = MigrationResources.Open(assembly);
        var manifestText = resources.ReadText(EmbeddedResourceNames.Manifest)
            ?? throw new SchemaTasksException(
                DiagnosticCodes.ManifestMissing,
                $"Assembly '{resources.Name}' has no embedded SchemaTasks manifest ('{EmbeddedResourceNames.Manifest}'), and no '{developmentFolder ?? resources.Name + DevelopmentResourceFolder.Suffix}' folder with a manifest beside it, which a development build writes instead. Reference the SchemaTasks.Build package from the project that holds the migrations, and check that SchemaMigrationsDirectory points at them; when the assembly was copied alone, copy that folder with it.");

        MigrationManifest manifest;
        try
        {
            manifest = ManifestJson.Read(manifestText);
        }
        catch (FormatException ex)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.ManifestMissing,
                $"Assembly '{resources.Name}': {ex.Message}",
                ex);
        }

        var migrations = new List<EmbeddedMigration>(manifest.Migrations.Count);
        foreach (var entry in manifest.Migrations)
        {
            var name = EmbeddedResourceNames.ForMigration(entry.Path);
            var text = resources.ReadText(name)
                ?? throw new SchemaTasksException(
                    DiagnosticCodes.EmbeddedMigrationMissing,
                    $"Migration '{entry.Id}' ('{entry.Path}') is listed in the manifest of assembly '{resources.Name}' but is not embedded (neither in '{EmbeddedResourceNames.MigrationBundle}' nor as resource '{name}'). Rebuild the assembly; do not remove SchemaTasks resources after the build.");

            var actual = MigrationChecksum.Compute(text);
            if (!string.Equals(actual, entry.Sha256, StringComparison.Ordinal))
            {
                throw new SchemaTasksException(
                    DiagnosticCodes.EmbeddedMigrationTampered,
                    $"Migration '{entry.Id}' ('{entry.Path}') in assembly '{resources.Name}' does not match the manifest: SHA-256 is {actual}, the build recorded {entry.Sha256}. The assembly was changed after it was built; rebuild it from source and do not run its migrations.");
            }

            migrations.Add(new EmbeddedMigration(entry.Id, entry.Name, entry.Path, entry.Sha256, text));
        }

        var listed = new HashSet<string>(manifest.Migrations.Select(e => EmbeddedResourceNames.ForMigration(e.Path)), StringComparer.Ordinal);
        var unlisted = resources.Names
            .Where(n => n.StartsWith(EmbeddedResourceNames.MigrationPrefix, StringComparison.Ordinal) && !listed.Contains(n))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        if (unlisted.Count > 0)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.EmbeddedMigrationUnlisted,
                $"Assembly '{resources.Name}' embeds {string.Join(", ", unlisted.Select(n => $"'{n}'"))} without listing it in the manifest, so its checksum cannot be verified. Remove the extra EmbeddedResource item, or put the file in the migrations folder and rebuild.");
        }

        return new EmbeddedMigrations(manifest, migrations, ReadSnapshot(resources, manifest));
    }

    // The snapshot must describe exactly the migrations the manifest lists; otherwise the checks
    // made against it would be about some other build.
    private static SchemaSnapshot? ReadSnapshot(MigrationResources resources, MigrationManifest manifest)
    {
        var text = resources.ReadText(EmbeddedResourceNames.Snapshot);
        if (text is null)
        {
            return null;
        }

        SchemaSnapshot snapshot;
        try
        {
            snapshot = SnapshotJson.Read(text);
        }
        catch (FormatException ex)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.EmbeddedSnapshotMismatch,
                $"Assembly '{resources.Name}': the embedded schema snapshot cannot be read ({ex.Message}). Rebuild it with the same SchemaTasks version as the runtime.",
                ex);
        }

        var listed = manifest.Migrations.Select(m => (m.Id, m.Sha256));
        var recorded = snapshot.Migrations.Select(m => (m.Id, m.Sha256));
        if (!listed.SequenceEqual(recorded))
        {
            throw new SchemaTasksException(
                DiagnosticCodes.EmbeddedSnapshotMismatch,
                $"Assembly '{resources.Name}': the embedded schema snapshot lists other migrations than the manifest. Rebuild the assembly; do not replace SchemaTasks resources after the build.");
        }

        return snapshot;
    }

    /// <summary>Where embedded resources come from; an assembly in production.</summary>
    internal interface IResourceSource
    {
        string Name { get; }

        IEnumerable<string> Names { get; }

        /// <summary>The resource's bytes; <see langword="null"/> when it is absent or has none here.</summary>
        byte[]? Read(string name);
    }

    private sealed class AssemblyResources(Assembly assembly) : IResourceSource
    {
        public string Name => assembly.GetName().Name ?? assembly.FullName ?? "(unnamed)";

        public IEnumerable<string> Names => assembly.GetManifestResourceNames();

        public byte[]? Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                return null;
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }
}
