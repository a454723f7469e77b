// Compiled only into the .NET Framework task (net472), in place of the core's
// Migrations/FolderListing.cs: .NET Framework has no FileSystemEnumerable, so each entry is a
// FileSystemInfo, as it was before the core's listing learned to do without.
namespace SchemaTasks.Migrations;

internal static class FolderListing
{
    public static List<FolderEntry> List(string path)
    {
        var entries = new DirectoryInfo(path).GetFileSystemInfos().Select(e => new FolderEntry(e.Name, e is DirectoryInfo)).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }
}
