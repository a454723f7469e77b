using System.IO.Enumeration;

namespace SchemaTasks.Migrations;

/// <summary>
/// The entries of one folder, by name, in ordinal order, each known to be a folder or not.
/// </summary>
/// <remarks>
/// A migrations folder is listed at every build and every cold tool run, often a thousand
/// folders of one file each. The directory listing already says which entries are folders, so
/// nothing here asks the file system about an entry again, and no <see cref="FileSystemInfo"/>
/// is made per entry. The .NET Framework task has its own listing (src/SchemaTasks.Build/NetFramework).
/// </remarks>
internal static class FolderListing
{
    // Everything, hidden files too, as DirectoryInfo.GetFileSystemInfos() lists them; an
    // unreadable folder throws, so that the walk reports it.
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>The entries of <paramref name="path"/>, sorted by name (ordinal).</summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be listed.</exception>
    public static List<FolderEntry> List(string path)
    {
        // A symbolic link counts as a folder when it leads to one, as the listing of
        // FileSystemInfos does.
        var entries = new List<FolderEntry>(new FileSystemEnumerable<FolderEntry>(
            path, (ref FileSystemEntry entry) => new FolderEntry(entry.FileName.ToString(), entry.IsDirectory), Everything));
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }
}
