namespace SchemaTasks.Tool;

/// <summary>
/// Writes a command's output file whole or not at all: to a new file beside it, then moved into
/// place, so a reader never sees half of it. A move replaces whatever is at the path, though, so a
/// symbolic link is followed to the file it names, and a device (<c>/dev/null</c>, <c>/dev/stdout</c>,
/// Windows' <c>NUL</c>) is written as it is: run as root, a move would put a regular file in its place.
/// </summary>
internal static class OutputPath
{
    private static readonly string[] WindowsDevices = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var target = Target(path);
        if (target is null)
        {
            using var device = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }

        // Two runs writing the same file at once each move a whole file of their own into place.
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                write(file);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // The file to replace: the path, or the file a link at it names; null for a device, which is written in place.
    private static string? Target(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            var name = Path.GetFileNameWithoutExtension(full);
            return full.StartsWith(@"\\.\", StringComparison.Ordinal) || WindowsDevices.Contains(name, StringComparer.OrdinalIgnoreCase) ? null : full;
        }

        if (File.Exists(full) && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } linked)
        {
            // A link to a pipe or terminal (/dev/stdout) ends at no file of a folder.
            full = Path.IsPathRooted(linked.FullName) && Directory.Exists(Path.GetDirectoryName(linked.FullName)) ? linked.FullName : string.Empty;
        }

        return full.Length == 0 || full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal) ? null : full;
    }
}
