using SchemaTasks.Diagnostics;
using SchemaTasks.Manifest;
using SchemaTasks.Migrations;

namespace SchemaTasks;

/// <summary>
/// An assembly's SchemaTasks resources as the loader checks them: each file of the migrations
/// bundle appears under its own name (<see cref="EmbeddedResourceNames.ForMigration"/>), as if it
/// were embedded on its own, so one set of checks covers both forms.
/// </summary>
internal sealed class MigrationResources
{
    private readonly EmbeddedMigrations.IResourceSource _assembly;
    private readonly Dictionary<string, ArraySegment<byte>> _bundled;

    private MigrationResources(EmbeddedMigrations.IResourceSource assembly, Dictionary<string, ArraySegment<byte>> bundled)
    {
        _assembly = assembly;
        _bundled = bundled;
    }

    public string Name => _assembly.Name;

    /// <summary>The resources' names, the bundle's files in place of the bundle.</summary>
    public IEnumerable<string> Names =>
        _assembly.Names.Where(n => !string.Equals(n, EmbeddedResourceNames.MigrationBundle, StringComparison.Ordinal)).Concat(_bundled.Keys);

    /// <exception cref="SchemaTasksException">
    /// The bundle cannot be read (<c>ST5001</c>), or a file in it is also embedded on its own
    /// (<c>ST5004</c>): the copy the runtime would not read is one nobody checked.
    /// </exception>
    public static MigrationResources Open(EmbeddedMigrations.IResourceSource assembly)
    {
        var bundled = new Dictionary<string, ArraySegment<byte>>(StringComparer.Ordinal);
        if (assembly.Read(EmbeddedResourceNames.MigrationBundle) is not { } bundle)
        {
            return new MigrationResources(assembly, bundled);
        }

        IReadOnlyDictionary<string, ArraySegment<byte>> files;
        try
        {
            files = MigrationBundle.Read(bundle);
        }
        catch (FormatException ex)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.ManifestMissing,
                $"Assembly '{assembly.Name}': its migrations ('{EmbeddedResourceNames.MigrationBundle}') cannot be read: {ex.Message}. Rebuild it with the same SchemaTasks version as the runtime.",
                ex);
        }

        foreach (var (path, bytes) in files)
        {
            bundled.Add(EmbeddedResourceNames.ForMigration(path), bytes);
        }

        var twice = assembly.Names.Where(bundled.ContainsKey).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (twice.Count > 0)
        {
            throw new SchemaTasksException(
                DiagnosticCodes.EmbeddedMigrationUnlisted,
                $"Assembly '{assembly.Name}' embeds {string.Join(", ", twice.Select(n => $"'{n}'"))} on its own as well as in '{EmbeddedResourceNames.MigrationBundle}', so which text runs cannot be verified. Remove the extra EmbeddedResource item and rebuild.");
        }

        return new MigrationResources(assembly, bundled);
    }

    /// <summary>The resource's text (UTF-8 unless a byte order mark says otherwise); <see langword="null"/> when it is absent.</summary>
    public string? ReadText(string name)
    {
        if (_bundled.TryGetValue(name, out var bundled))
        {
            return MigrationFileText.Decode(bundled);
        }

        return _assembly.Read(name) is { } bytes ? MigrationFileText.Decode(bytes) : null;
    }
}
