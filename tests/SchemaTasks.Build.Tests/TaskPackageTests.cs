using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// The task ships for both MSBuilds: tasks/net8.0 for the .NET SDK's (dotnet build) and
/// tasks/net472 for the .NET Framework one of Visual Studio, chosen by MSBuildRuntimeType.
/// </summary>
public sealed class TaskPackageTests
{
    // What .NET Framework and MSBuild provide; anything else the task loads must ship beside it.
    private static readonly HashSet<string> ProvidedToTheFrameworkTask = new(StringComparer.Ordinal)
    {
        "mscorlib", "netstandard", "System", "System.Core", "System.Numerics", "System.Xml", "System.Runtime",
        "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core",
    };

    [Fact]
    public void BuildPackage_ShipsATaskFolderPerMSBuildRuntimeTheAnalyzerAndItsFixes()
    {
        using var package = PackedPackage.Open("SchemaTasks.Build");
        var entries = package.EntryNames.ToList();

        Assert.Contains("tasks/net8.0/SchemaTasks.Build.dll", entries);
        Assert.Contains("tasks/net8.0/SchemaTasks.Core.dll", entries);
        Assert.Contains("tasks/net472/SchemaTasks.Build.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SchemaTasks.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SchemaTasks.CodeFixes.dll", entries);
        // The compiler provides Roslyn itself; the IDE provides the Workspaces the fixes need.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        // MSBuild brings its own; a second copy would clash. Nothing in lib/: no reference for the consumer.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        Assert.Contains("mscorlib", References(package, "tasks/net472/SchemaTasks.Build.dll"));
        Assert.Contains("System.Runtime", References(package, "tasks/net8.0/SchemaTasks.Build.dll"));
    }

    [Fact]
    public void TaskAssemblies_CarryTheReleaseInTheirAssemblyVersion()
    {
        // Visual Studio's MSBuild would otherwise reuse an older release's task it holds loaded.
        using var package = PackedPackage.Open("SchemaTasks.Build");
        var release = new Version(RepositoryLayout.PackageVersion.Split('-')[0] + ".0");

        foreach (var task in new[] { "tasks/net8.0/SchemaTasks.Build.dll", "tasks/net472/SchemaTasks.Build.dll" })
        {
            using var reader = new PEReader(new MemoryStream(package.ReadBytes(task)));
            var metadata = reader.GetMetadataReader();
            Assert.Equal(release, metadata.GetAssemblyDefinition().Version);
        }
    }

    [Fact]
    public void FrameworkTask_ShipsEveryLibraryItLoadsThatFrameworkAndMSBuildLack()
    {
        using var package = PackedPackage.Open("SchemaTasks.Build");
        var shipped = package.EntryNames
            .Where(e => e.StartsWith("tasks/net472/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal))
            .Select(e => Path.GetFileNameWithoutExtension(e))
            .ToHashSet(StringComparer.Ordinal);

        var missing = References(package, "tasks/net472/SchemaTasks.Build.dll")
            .Where(name => !ProvidedToTheFrameworkTask.Contains(name) && !shipped.Contains(name))
            .ToList();

        Assert.Empty(missing);
        Assert.Contains("System.Text.Json", shipped);
        Assert.Contains("System.Collections.Immutable", shipped);
        Assert.DoesNotContain("SchemaTasks.Core", shipped);
    }

    [Fact]
    public void Targets_PickTheTaskFolderByMSBuildRuntimeType()
    {
        using var package = PackedPackage.Open("SchemaTasks.Build");
        var targets = XDocument.Parse(package.ReadText("build/SchemaTasks.Build.targets")).Root!;

        var frameworkByCondition = targets.Elements("PropertyGroup").Elements("_SchemaTaskFramework")
            .ToDictionary(e => (string?)e.Attribute("Condition") ?? "", e => e.Value, StringComparer.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["'$(MSBuildRuntimeType)' == 'Core'"] = "net8.0",
                ["'$(MSBuildRuntimeType)' != 'Core'"] = "net472",
            },
            frameworkByCondition);
        Assert.Contains("'tasks', '$(_SchemaTaskFramework)', 'SchemaTasks.Build.dll'", targets.Elements("PropertyGroup").Elements("_SchemaTaskAssembly").Single().Value, StringComparison.Ordinal);

        var usingTasks = targets.Elements("UsingTask").ToList();
        Assert.Equal(3, usingTasks.Count);
        Assert.All(usingTasks, u => Assert.Equal("$(_SchemaTaskAssembly)", (string?)u.Attribute("AssemblyFile")));
        Assert.All(frameworkByCondition.Values, framework => Assert.Contains($"tasks/{framework}/SchemaTasks.Build.dll", package.EntryNames));
    }

    [Fact]
    public async Task FrameworkTask_WritesTheSameSnapshotAndManifestAsTheSdkTask()
    {
        // No .NET Framework MSBuild runs on this OS; the net472 task assembly still loads in the
        // SDK's MSBuild, which runs the framework build of the code (its polyfills included).
        using var sdk = FixtureProject.Create("BuildOnly");
        sdk.AddMigrations("Scenario1Prisma");
        using var framework = FixtureProject.Create("BuildOnly");
        framework.AddMigrations("Scenario1Prisma");

        var sdkBuild = await sdk.BuildAsync();
        var frameworkBuild = await framework.BuildAsync("-p:_SchemaTaskFramework=net472", "-v:d");

        Assert.True(sdkBuild.ExitCode == 0, sdkBuild.ToString());
        Assert.True(frameworkBuild.ExitCode == 0, frameworkBuild.ToString());
        Assert.Matches(@"Using ""GenerateSchemaArtifacts"" task from assembly "".*[/\\]tasks[/\\]net472[/\\]SchemaTasks\.Build\.dll""", frameworkBuild.Output);
        Assert.Equal(File.ReadAllText(sdk.PathOf("schema.snapshot.json")), File.ReadAllText(framework.PathOf("schema.snapshot.json")));
        Assert.Equal(sdk.ReadGeneratedManifest(), framework.ReadGeneratedManifest());
    }

    private static List<string> References(PackedPackage package, string entry)
    {
        using var reader = new PEReader(new MemoryStream(package.ReadBytes(entry)));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}
