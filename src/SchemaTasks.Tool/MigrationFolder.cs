using SchemaTasks.Migrations;

namespace SchemaTasks.Tool;

/// <summary>Reads a migrations folder from disk into the core's input form, as the build task does.</summary>
internal static class MigrationFolder
{
    public static IReadOnlyList<MigrationSourceFile> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"the migrations folder '{directory}' does not exist.");
        }

        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
                || Path.GetFileName(path).Equals(MigrationDiscovery.PrismaLockFile, StringComparison.OrdinalIgnoreCase))
            .Select(path => new MigrationSourceFile(
                Path.GetRelativePath(directory, path).Replace('\\', '/'),
                File.ReadAllText(path)))
            .ToList();
    }
}
