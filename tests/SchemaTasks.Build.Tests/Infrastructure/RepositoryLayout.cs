using System.Xml.Linq;
using SchemaTasks.Testing;

namespace SchemaTasks.Build.Tests.Infrastructure;

/// <summary>Where the repository's packed packages and the copied fixtures are.</summary>
internal static class RepositoryLayout
{
    public static string PackagesDirectory => Path.Combine(RepositoryRoot.Path, "artifacts", "packages");

    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>
    /// The version of the packed SchemaTasks.Build package the fixtures consume: the newest one
    /// packed, whatever version git's tags gave it (see docs/releasing.md).
    /// </summary>
    public static string PackageVersion
    {
        get
        {
            const string prefix = "SchemaTasks.Build.";
            var package = Directory.Exists(PackagesDirectory)
                ? Directory.GetFiles(PackagesDirectory, prefix + "*.nupkg").OrderBy(File.GetLastWriteTimeUtc).LastOrDefault()
                : null;
            if (package is null)
            {
                throw new InvalidOperationException(
                    $"No SchemaTasks.Build package in '{PackagesDirectory}'. These tests consume the packed packages: run build/test.sh, or 'dotnet pack SchemaTasks.sln -o artifacts/packages' first.");
            }

            var fileName = Path.GetFileNameWithoutExtension(package);
            return fileName.Substring(prefix.Length);
        }
    }

    /// <summary>The version of <paramref name="package"/> the repository pins in Directory.Packages.props, for fixtures that reference it.</summary>
    public static string CentralPackageVersion(string package)
        => XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == package)
            .Attribute("Version")!.Value;
}
