using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

public sealed class MultiTargetBuildTests
{
    [Fact]
    public async Task MultiTargetedProject_BuildsItsFrameworksInParallelWithoutSharingTemporaryFiles()
    {
        using var fixture = FixtureProject.Create("MultiTarget");
        fixture.AddMigrations("Scenario1Prisma");

        // -m: the inner builds of net8.0 and net10.0 run at the same time, and both write the
        // one snapshot beside the migrations.
        var build = await fixture.BuildAsync("-m:2");

        Assert.True(build.ExitCode == 0, build.ToString());
        var manifests = Directory.GetFiles(fixture.PathOf("obj"), "manifest.json", SearchOption.AllDirectories);
        Assert.Equal(
            [Path.Combine("obj", "Debug", "net10.0", "schematasks", "manifest.json"), Path.Combine("obj", "Debug", "net8.0", "schematasks", "manifest.json")],
            manifests.Select(m => Path.GetRelativePath(fixture.ProjectDirectory, m)).Order(StringComparer.Ordinal));
        Assert.Single(manifests.Select(File.ReadAllText).Distinct(StringComparer.Ordinal));
        Assert.True(File.Exists(fixture.PathOf("schema.snapshot.json")));
        Assert.Empty(Directory.GetFiles(fixture.ProjectDirectory, "*.tmp", SearchOption.AllDirectories));
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            // A Debug build: the resources beside each framework's assembly, not in it.
            Assert.DoesNotContain("SchemaTasks/manifest.json", EmbeddedResources(fixture.PathOf($"bin/Debug/{framework}/Library.dll")));
            Assert.Equal(File.ReadAllText(manifests[0]), File.ReadAllText(fixture.PathOf($"bin/Debug/{framework}/Library.schematasks/manifest.json")));
        }

        var again = await fixture.BuildAsync("-m:2");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    private static List<string> EmbeddedResources(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        var metadata = reader.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
    }
}
