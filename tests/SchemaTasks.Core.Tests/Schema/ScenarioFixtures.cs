using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>Reads a scenario folder under Fixtures/Scenarios the way the build does.</summary>
internal static class ScenarioFixtures
{
    public static MigrationSet Load(string scenario)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scenarios", scenario);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => new MigrationSourceFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
        var result = MigrationDiscovery.Discover(files);
        Assert.NotNull(result.Set);
        return result.Set!;
    }
}
