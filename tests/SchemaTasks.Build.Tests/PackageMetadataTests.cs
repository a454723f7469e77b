using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>What a user sees of each package on a feed: its README, description, repository, symbols.</summary>
public sealed class PackageMetadataTests
{
    private static readonly string[] PackageIds =
        ["SchemaTasks", "SchemaTasks.Build", "SchemaTasks.Core", "SchemaTasks.MySql", "SchemaTasks.Npgsql", "SchemaTasks.Tool"];

    public static TheoryData<string> Packages => new(PackageIds);

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_CarriesItsOwnReadmeWithAUsageSnippet(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.Equal("README.md", package.MetadataValue("readme"));
        var readme = package.ReadText("README.md");
        Assert.StartsWith($"# {id}\n", readme, StringComparison.Ordinal);
        Assert.Contains("```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Packages_EachDescribeWhatThatPackageDoes()
    {
        var descriptions = PackageIds.ToDictionary(id => id, id =>
        {
            using var package = PackedPackage.Open(id);
            return package.MetadataValue("description") ?? "";
        });

        Assert.All(descriptions.Values, d => Assert.True(d.Length >= 80 && d != "Package Description", d));
        Assert.Equal(descriptions.Count, descriptions.Values.Distinct(StringComparer.Ordinal).Count());
        var build = descriptions["SchemaTasks.Build"];
        Assert.Contains("schema.snapshot.json", build, StringComparison.Ordinal);
        Assert.Contains("[DbEnum]", build, StringComparison.Ordinal);
        Assert.Contains("scaffolds", build, StringComparison.Ordinal);
        Assert.Contains("Visual Studio", build, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_NamesItsGitRepositoryAndCommit(string id)
    {
        using var package = PackedPackage.Open(id);

        // The URL joins them when git's origin is a hosted repository (see docs/releasing.md).
        var repository = package.MetadataElement("repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_DependsOnTheExactVersionOfTheOtherSchemaTasksPackages(string id)
    {
        using var package = PackedPackage.Open(id);

        // Some packages see each other's internals; a mix of versions must be refused by NuGet,
        // not fail at run time with MissingMethodException.
        var ours = package.Metadata.Descendants()
            .Where(e => e.Name.LocalName == "dependency" && (e.Attribute("id")?.Value ?? "").StartsWith("SchemaTasks", StringComparison.Ordinal))
            .ToList();
        Assert.All(ours, d => Assert.Equal($"[{RepositoryLayout.PackageVersion}]", d.Attribute("version")?.Value));
        if (id is "SchemaTasks.Npgsql" or "SchemaTasks.MySql" or "SchemaTasks") Assert.NotEmpty(ours);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_HasTheVersionGitGaveIt(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.Equal(RepositoryLayout.PackageVersion, package.MetadataValue("version"));
        // A tag vX.Y.Z gives X.Y.Z; without one, MinVer's 0.1.0-alpha.0.<height> (never a bare 1.0.0).
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", RepositoryLayout.PackageVersion);
        Assert.NotEqual("1.0.0", RepositoryLayout.PackageVersion);
    }

    [Theory]
    [InlineData("SchemaTasks")]
    [InlineData("SchemaTasks.Core")]
    [InlineData("SchemaTasks.MySql")]
    [InlineData("SchemaTasks.Npgsql")]
    // The tool's code is in its framework-dependent package; the pointer package holds none.
    [InlineData("SchemaTasks.Tool.any")]
    public void Package_HasASymbolPackageWithAPdbForEveryAssembly(string id)
    {
        using var package = PackedPackage.Open(id);
        var symbols = Path.ChangeExtension(package.Path, ".snupkg");
        Assert.True(File.Exists(symbols), $"No symbol package beside {package.Path}.");
        using var symbolPackage = ZipFile.OpenRead(symbols);
        var pdbs = symbolPackage.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdb", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        var assemblies = package.EntryNames
            .Where(n => (n.StartsWith("lib/", StringComparison.Ordinal) || n.StartsWith("tools/", StringComparison.Ordinal))
                && Regex.IsMatch(n, @"/SchemaTasks[^/]*\.dll$"))
            .ToList();
        Assert.NotEmpty(assemblies);
        Assert.All(assemblies, dll => Assert.Contains(Path.ChangeExtension(dll, ".pdb"), pdbs));
    }

    [Fact]
    public void ToolPackage_PointsToTheNativeAndTheFrameworkDependentTool()
    {
        // build/pack-tool.sh: the .NET 10 SDK's RID-specific tool packages (docs/tool.md).
        using var pointer = PackedPackage.Open("SchemaTasks.Tool");
        var settings = System.Xml.Linq.XDocument.Parse(pointer.ReadText(pointer.EntryNames.Single(n => n.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal))));
        var packages = settings.Descendants("RuntimeIdentifierPackage")
            .ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value, StringComparer.Ordinal);

        Assert.Equal("schematasks", settings.Descendants("Command").Single().Attribute("Name")?.Value);
        Assert.Equal("SchemaTasks.Tool.linux-x64", packages["linux-x64"]);
        Assert.Equal("SchemaTasks.Tool.any", packages["any"]);
        Assert.DoesNotContain(pointer.EntryNames, n => n.EndsWith(".dll", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.ChangeExtension(pointer.Path, ".snupkg")), "a symbol package beside the pointer holds symbols of no code it installs");
        using var any = PackedPackage.Open("SchemaTasks.Tool.any");
        Assert.Contains(any.EntryNames, n => n.EndsWith("/SchemaTasks.Tool.dll", StringComparison.Ordinal));
        using var native = PackedPackage.Open("SchemaTasks.Tool.linux-x64");
        Assert.Contains(native.EntryNames, n => n.EndsWith("/linux-x64/SchemaTasks.Tool", StringComparison.Ordinal));
        Assert.DoesNotContain(native.EntryNames, n => n.EndsWith("/SchemaTasks.Tool.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildPackage_TaskAssembliesCarryTheirOwnPdb()
    {
        // A symbol package serves only lib/, so the task's PDB travels inside its assembly.
        using var package = PackedPackage.Open("SchemaTasks.Build");

        foreach (var task in new[] { "tasks/net8.0/SchemaTasks.Build.dll", "tasks/net10.0/SchemaTasks.Build.dll", "tasks/net472/SchemaTasks.Build.dll" })
        {
            using var reader = new PEReader(new MemoryStream(package.ReadBytes(task)));
            Assert.Contains(reader.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        }
    }
}
