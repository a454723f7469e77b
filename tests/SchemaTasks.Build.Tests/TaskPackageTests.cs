using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SchemaTasks.Build.Tests.Infrastructure;

namespace SchemaTasks.Build.Tests;

/// <summary>
/// The task ships for every MSBuild: tasks/net10.0 (compiled ahead of time) for the .NET 10
/// SDK's, tasks/net8.0 for older SDKs' and tasks/net472 for the .NET Framework one of Visual
/// Studio, chosen by MSBuildRuntimeType and the runtime MSBuild runs on.
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
        Assert.Contains("tasks/net10.0/SchemaTasks.Build.dll", entries);
        Assert.Contains("tasks/net10.0/SchemaTasks.Core.dll", entries);
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
        Assert.Contains("System.Runtime", References(package, "tasks/net10.0/SchemaTasks.Build.dll"));
    }

    [Fact]
    public void Net10Task_IsCompiledAheadOfTime_AndTheNet8TaskIsNot()
    {
        // ReadyToRun code is what spares a build after a migration edit the JIT; the .NET 8
        // folder stays IL, which every runtime from .NET 8 on can run.
        using var package = PackedPackage.Open("SchemaTasks.Build");

        foreach (var assembly in new[] { "SchemaTasks.Build.dll", "SchemaTasks.Core.dll" })
        {
            Assert.True(IsReadyToRun(package, $"tasks/net10.0/{assembly}"), $"tasks/net10.0/{assembly} has no ReadyToRun code");
            Assert.False(IsReadyToRun(package, $"tasks/net8.0/{assembly}"), $"tasks/net8.0/{assembly} has ReadyToRun code");
        }
    }

    [Fact]
    public void Net10Engine_HoldsTheFrameworkCollectionsItUses_CompiledAheadOfTime()
    {
        // Dictionary<QualifiedName, ...> and the like are the framework's code over the engine's
        // types; without this the JIT compiled about a hundred of them in every build after a
        // migration edit (docs/benchmarks.md, "The framework's generic code in the task's image").
        using var package = PackedPackage.Open("SchemaTasks.Build");

        Assert.True(HoldsCodeOfOtherModules(package, "tasks/net10.0/SchemaTasks.Core.dll"), "tasks/net10.0/SchemaTasks.Core.dll holds no generic code of the framework's");
    }

    [Fact]
    public void TaskAssemblies_CarryTheReleaseInTheirAssemblyVersion()
    {
        // Visual Studio's MSBuild would otherwise reuse an older release's task it holds loaded.
        using var package = PackedPackage.Open("SchemaTasks.Build");
        var release = new Version(RepositoryLayout.PackageVersion.Split('-')[0] + ".0");

        foreach (var task in new[] { "tasks/net8.0/SchemaTasks.Build.dll", "tasks/net10.0/SchemaTasks.Build.dll", "tasks/net472/SchemaTasks.Build.dll" })
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
    public void Targets_PickTheTaskFolderByMSBuildRuntimeTypeAndRuntimeVersion()
    {
        using var package = PackedPackage.Open("SchemaTasks.Build");
        var targets = XDocument.Parse(package.ReadText("build/SchemaTasks.Build.targets")).Root!;

        var frameworkByCondition = targets.Elements("PropertyGroup").Elements("_SchemaTaskFramework")
            .ToDictionary(e => (string?)e.Attribute("Condition") ?? "", e => e.Value, StringComparer.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["'$(MSBuildRuntimeType)' == 'Core' and $([System.Environment]::Version.Major) >= 10"] = "net10.0",
                ["'$(MSBuildRuntimeType)' == 'Core' and '$(_SchemaTaskFramework)' == ''"] = "net8.0",
                ["'$(MSBuildRuntimeType)' != 'Core'"] = "net472",
            },
            frameworkByCondition);
        Assert.Contains("'tasks', '$(_SchemaTaskFramework)', 'SchemaTasks.Build.dll'", targets.Elements("PropertyGroup").Elements("_SchemaTaskAssembly").Single().Value, StringComparison.Ordinal);

        var usingTasks = targets.Elements("UsingTask").ToList();
        Assert.Equal(4, usingTasks.Count);
        Assert.All(usingTasks, u => Assert.Equal("$(_SchemaTaskAssembly)", (string?)u.Attribute("AssemblyFile")));
        Assert.All(frameworkByCondition.Values, framework => Assert.Contains($"tasks/{framework}/SchemaTasks.Build.dll", package.EntryNames));
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net472")]
    public async Task OtherTaskBuilds_WriteTheSameSnapshotAndManifestAsTheOneDotnetBuildPicks(string framework)
    {
        // The tests run on the .NET 10 SDK, whose MSBuild picks tasks/net10.0. The .NET 8 SDK's
        // folder, and the net472 one (no .NET Framework MSBuild runs on this OS), still load in
        // it: the net472 build runs the framework build of the code, its polyfills included.
        using var picked = FixtureProject.Create("BuildOnly");
        picked.AddMigrations("Scenario1Prisma");
        using var other = FixtureProject.Create("BuildOnly");
        other.AddMigrations("Scenario1Prisma");

        var pickedBuild = await picked.BuildAsync("-v:d");
        var otherBuild = await other.BuildAsync($"-p:_SchemaTaskFramework={framework}", "-v:d");

        Assert.True(pickedBuild.ExitCode == 0, pickedBuild.ToString());
        Assert.True(otherBuild.ExitCode == 0, otherBuild.ToString());
        Assert.Matches(@"Using ""GenerateSchemaArtifacts"" task from assembly "".*[/\\]tasks[/\\]net10\.0[/\\]SchemaTasks\.Build\.dll""", pickedBuild.Output);
        Assert.Matches($@"Using ""GenerateSchemaArtifacts"" task from assembly "".*[/\\]tasks[/\\]{Regex.Escape(framework)}[/\\]SchemaTasks\.Build\.dll""", otherBuild.Output);
        Assert.Equal(File.ReadAllText(picked.PathOf("schema.snapshot.json")), File.ReadAllText(other.PathOf("schema.snapshot.json")));
        Assert.Equal(picked.ReadGeneratedManifest(), other.ReadGeneratedManifest());
    }

    private static bool IsReadyToRun(PackedPackage package, string entry)
    {
        using var reader = new PEReader(new MemoryStream(package.ReadBytes(entry)));
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    // The ReadyToRun header's flag READYTORUN_FLAG_UNRELATED_R2R_CODE: the image holds code
    // for methods that belong to other modules, which the runtime looks up there.
    private static bool HoldsCodeOfOtherModules(PackedPackage package, string entry)
    {
        const uint UnrelatedCode = 0x80;
        using var reader = new PEReader(new MemoryStream(package.ReadBytes(entry)));
        var header = reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        Assert.True(reader.PEHeaders.TryGetDirectoryOffset(header, out var offset), $"{entry}: no ReadyToRun header");
        var image = reader.GetEntireImage().GetContent();
        Assert.Equal(0x00525452u, BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan()[offset..]));
        return (BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan()[(offset + 8)..]) & UnrelatedCode) != 0;
    }

    private static List<string> References(PackedPackage package, string entry)
    {
        using var reader = new PEReader(new MemoryStream(package.ReadBytes(entry)));
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}
