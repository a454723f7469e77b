using SchemaTasks.Manifest;

namespace SchemaTasks;

/// <summary>
/// The SchemaTasks resources a development build writes beside its assembly instead of
/// embedding them: the folder <c>&lt;assembly file name&gt;.schematasks</c> holds the manifest,
/// the migrations bundle and the snapshot, each under the last part of its resource name. An
/// assembly that embeds them must be compiled again whenever a migration changes; a
/// development build only copies the files (docs/msbuild.md, "Development builds").
/// </summary>
internal sealed class DevelopmentResourceFolder : EmbeddedMigrations.IResourceSource
{
    /// <summary>What the folder's name adds to the assembly file's name without its extension.</summary>
    public const string Suffix = ".schematasks";

    private static readonly string[] Resources = [EmbeddedResourceNames.Manifest, EmbeddedResourceNames.MigrationBundle, EmbeddedResourceNames.Snapshot];

    private readonly string _folder;

    private DevelopmentResourceFolder(string name, string folder)
    {
        Name = name;
        _folder = folder;
    }

    public string Name { get; }

    public IEnumerable<string> Names => Resources.Where(r => File.Exists(PathOf(r)));

    public byte[]? Read(string name)
    {
        if (!Resources.Contains(name, StringComparer.Ordinal)) return null;
        try
        {
            return File.ReadAllBytes(PathOf(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The folder a development build wrote beside the assembly file <paramref name="assemblyPath"/>; <see langword="null"/> when there is none.</summary>
    /// <param name="name">The assembly's name, for messages.</param>
    /// <param name="assemblyPath">Where the assembly file is, or would be.</param>
    public static DevelopmentResourceFolder? Beside(string name, string assemblyPath)
    {
        // A folder without its manifest is what `dotnet clean` leaves (it removes files, not folders).
        var folder = PathBeside(assemblyPath);
        return File.Exists(Path.Combine(folder, "manifest.json")) ? new DevelopmentResourceFolder(name, folder) : null;
    }

    /// <summary>Where a development build writes the folder for the assembly file <paramref name="assemblyPath"/>.</summary>
    public static string PathBeside(string assemblyPath)
    {
        var full = Path.GetFullPath(assemblyPath);
        return Path.Combine(Path.GetDirectoryName(full) ?? full, Path.GetFileNameWithoutExtension(full) + Suffix);
    }

    private string PathOf(string resource) => Path.Combine(_folder, resource[(resource.LastIndexOf('/') + 1)..]);
}
