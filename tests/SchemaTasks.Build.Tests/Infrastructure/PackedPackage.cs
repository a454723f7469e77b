using System.IO.Compression;
using System.Xml.Linq;

namespace SchemaTasks.Build.Tests.Infrastructure;

/// <summary>One package from artifacts/packages, as NuGet would read it: its entries and nuspec.</summary>
internal sealed class PackedPackage : IDisposable
{
    private readonly ZipArchive _archive;

    private PackedPackage(string path, ZipArchive archive)
    {
        Path = path;
        _archive = archive;
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    /// <summary>The .nupkg file.</summary>
    public string Path { get; }

    /// <summary>The nuspec's metadata element.</summary>
    public XElement Metadata { get; }

    /// <summary>The entry names, with forward slashes.</summary>
    public IEnumerable<string> EntryNames => _archive.Entries.Select(e => e.FullName);

    /// <summary>Opens package <paramref name="id"/> at the version the repository packed.</summary>
    public static PackedPackage Open(string id)
    {
        var path = System.IO.Path.Combine(RepositoryLayout.PackagesDirectory, $"{id}.{RepositoryLayout.PackageVersion}.nupkg");
        return new PackedPackage(path, ZipFile.OpenRead(path));
    }

    /// <summary>The value of metadata element <paramref name="name"/>, or null.</summary>
    public string? MetadataValue(string name) => MetadataElement(name)?.Value;

    public XElement? MetadataElement(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    public string ReadText(string entryName)
    {
        var entry = _archive.GetEntry(entryName) ?? throw new InvalidOperationException($"{Path} has no entry '{entryName}'.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public byte[] ReadBytes(string entryName)
    {
        var entry = _archive.GetEntry(entryName) ?? throw new InvalidOperationException($"{Path} has no entry '{entryName}'.");
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public void Dispose() => _archive.Dispose();
}
