using System.IO.Enumeration;

namespace SchemaTasks.Build;

/// <summary>
/// Lists one folder for <see cref="InputFingerprint"/>: each file goes to the fingerprint by its
/// name, time stamp and length as the directory listing holds them, with no string or
/// <see cref="FileSystemInfo"/> made for it; only subfolders are returned. The .NET Framework
/// task has its own listing (NetFramework/InputFolderListing.cs).
/// </summary>
internal static class InputFolderListing
{
    // Everything, hidden files too, as the core's folder walk lists them; an unreadable folder
    // throws.
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>Sends the files of <paramref name="folder"/> to <paramref name="fingerprint"/> and returns its subfolders.</summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be listed.</exception>
    public static List<InputSubfolder> List(InputFolder folder, InputFingerprint fingerprint)
    {
        using var listing = new Listing(folder, fingerprint);
        var subfolders = new List<InputSubfolder>();
        while (listing.MoveNext())
        {
            subfolders.Add(listing.Current);
        }

        return subfolders;
    }

    private sealed class Listing(InputFolder folder, InputFingerprint fingerprint)
        : FileSystemEnumerator<InputSubfolder>(folder.Path, Everything)
    {
        protected override bool ShouldIncludeEntry(ref FileSystemEntry entry)
        {
            // A symbolic link counts as a folder when it leads to one, as in the core's listing.
            if (entry.IsDirectory)
            {
                return true;
            }

            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                // The listing describes the link itself; what the walk reads is its target.
                var target = new FileInfo(entry.ToFullPath()).ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
                var exists = target is { Exists: true };
                fingerprint.AddFolderFile(folder, entry.FileName, exists ? target!.LastWriteTimeUtc.Ticks : -1, exists ? target!.Length : -1);
                return false;
            }

            fingerprint.AddFolderFile(folder, entry.FileName, entry.LastWriteTimeUtc.UtcTicks, entry.Length);
            return false;
        }

        protected override InputSubfolder TransformEntry(ref FileSystemEntry entry) =>
            new(entry.ToFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0);
    }
}
