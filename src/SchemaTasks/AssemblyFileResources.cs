using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SchemaTasks;

/// <summary>
/// The manifest resources of an assembly file, read with System.Reflection.Metadata: the file is
/// read once into memory and closed, so it is neither loaded nor locked, and an assembly built for
/// a newer runtime than the reader's reads all the same (only its metadata tables are needed).
/// </summary>
internal sealed class AssemblyFileResources : EmbeddedMigrations.IResourceSource
{
    private readonly Dictionary<string, byte[]?> _resources = new(StringComparer.Ordinal);

    private AssemblyFileResources(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public IEnumerable<string> Names => _resources.Keys;

    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static AssemblyFileResources FromFile(string path)
    {
        using var pe = new PEReader(new MemoryStream(File.ReadAllBytes(path), writable: false));
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"'{path}' is not a .NET assembly: it has no metadata.", path);
        }

        var metadata = pe.GetMetadataReader();
        var name = metadata.IsAssembly ? metadata.GetString(metadata.GetAssemblyDefinition().Name) : Path.GetFileNameWithoutExtension(path);
        var resources = new AssemblyFileResources(name);
        var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory ?? default;
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            // A resource in another file or assembly (Implementation set) has no bytes here: it is
            // listed, as Assembly.GetManifestResourceNames lists it, but reads as missing.
            var bytes = resource.Implementation.IsNil && directory.Size > 0 ? Embedded(pe, directory, resource.Offset, path) : null;
            resources._resources[metadata.GetString(resource.Name)] = bytes;
        }

        return resources;
    }

    public byte[]? Read(string name) => _resources.GetValueOrDefault(name);

    // ECMA-335 II.24.2.4: each embedded resource is a 4-byte length, then its bytes, at its offset
    // in the CLI header's resources directory.
    private static byte[] Embedded(PEReader pe, DirectoryEntry directory, long offset, string path)
    {
        var reader = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader(0, directory.Size);
        if (offset < 0 || offset > directory.Size - sizeof(int))
        {
            throw new BadImageFormatException($"'{path}' has a resource outside its resources directory.", path);
        }

        reader.Offset = (int)offset;
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.RemainingBytes)
        {
            throw new BadImageFormatException($"'{path}' has a resource longer than its resources directory.", path);
        }

        return reader.ReadBytes(length);
    }
}
