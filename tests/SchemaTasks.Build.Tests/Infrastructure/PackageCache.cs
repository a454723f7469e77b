namespace SchemaTasks.Build.Tests.Infrastructure;

/// <summary>
/// A NuGet package folder private to this test run. A package with the same version cached by
/// an earlier run can therefore never stand in for the package just packed.
/// </summary>
internal static class PackageCache
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "schematasks-tests", "packages-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    });

    public static string Location => Folder.Value;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it would not be.
        }
    }
}
