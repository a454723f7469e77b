using SchemaTasks.Migrations;

namespace SchemaTasks.Testing;

/// <summary>
/// The five acceptance scenarios' migrations (linked from SchemaTasks.Core.Tests/Fixtures), read
/// the way the build reads them.
/// </summary>
internal static class ScenarioMigrations
{
    public static readonly string[] Postgres = ["1-prisma-job-status", "3-plain-content-request-status", "4-check-bots-health-status", "5-prisma-momentum"];

    public static readonly string[] MySql = ["2-golang-migrate-job-tracking"];

    public static MigrationSet Load(string scenario)
    {
        var result = MigrationDiscovery.Discover(Files(scenario));
        return result.Set ?? throw new InvalidOperationException($"Scenario {scenario} has no migrations: {string.Join("; ", result.Diagnostics)}");
    }

    /// <summary>The scenario's files, paths relative to its folder, as a migrations folder is read.</summary>
    public static IReadOnlyList<MigrationSourceFile> Files(string scenario)
    {
        var root = Directory(scenario);
        return System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => new MigrationSourceFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
    }

    /// <summary>The scenario's folder in the test output.</summary>
    public static string Directory(string scenario) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scenarios", scenario);
}
