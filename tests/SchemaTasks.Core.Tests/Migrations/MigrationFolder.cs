using SchemaTasks.Migrations;

namespace SchemaTasks.Core.Tests.Migrations;

/// <summary>A migrations folder in memory: the files <see cref="MigrationDiscovery"/> is handed.</summary>
internal sealed class MigrationFolder
{
    private readonly List<MigrationSourceFile> files = [];

    public MigrationFolder With(string relativePath, string text = "SELECT 1;\n")
    {
        files.Add(new MigrationSourceFile(relativePath, text));
        return this;
    }

    public MigrationDiscoveryResult Discover(MigrationLayout? layout = null) => MigrationDiscovery.Discover(files, layout);

    /// <summary>Discovers with the dialect set, as the folder reader passes it on.</summary>
    public MigrationDiscoveryResult Discover(SqlDialect dialect, MigrationLayout? layout = null) => MigrationDiscovery.Discover(files, layout, MigrationSettingNames.MsBuild, dialect);

    /// <summary>Discovers and asserts that no diagnostic was reported.</summary>
    public MigrationSet DiscoverClean(MigrationLayout? layout = null)
    {
        var result = Discover(layout);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Set);
        return result.Set;
    }
}
