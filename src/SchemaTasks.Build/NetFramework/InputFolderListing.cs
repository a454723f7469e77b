// Compiled only into the .NET Framework task (net472), in place of InputFolderListing.cs:
// .NET Framework has no FileSystemEnumerable, so each entry is a FileSystemInfo. A reparse
// point stays unread, as the core's walk leaves it there (NetFramework/FileSystemOverloads.cs).
namespace SchemaTasks.Build;

internal static class InputFolderListing
{
    public static List<InputSubfolder> List(InputFolder folder, InputFingerprint fingerprint)
    {
        var subfolders = new List<InputSubfolder>();
        foreach (var entry in new DirectoryInfo(folder.Path).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo)
            {
                subfolders.Add(new InputSubfolder(entry.FullName, (entry.Attributes & FileAttributes.ReparsePoint) != 0));
            }
            else
            {
                fingerprint.AddFolderFile(folder, entry.Name.AsSpan(), entry.LastWriteTimeUtc.Ticks, ((FileInfo)entry).Length);
            }
        }

        return subfolders;
    }
}
