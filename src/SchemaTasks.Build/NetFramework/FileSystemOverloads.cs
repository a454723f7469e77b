// Compiled only into the .NET Framework task (net472): the file-system calls of .NET 8 that the
// task's sources make, written with what .NET Framework has. .NET Framework runs on Windows only,
// so paths compare without regard to case, as Windows does.
namespace SchemaTasks;

internal static class FileSystemOverloads
{
    extension(Path)
    {
        public static string GetRelativePath(string relativeTo, string path)
        {
            var from = Path.GetFullPath(relativeTo).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var to = Path.GetFullPath(path);
            var fromParts = from.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var toParts = to.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

            var common = 0;
            while (common < fromParts.Length && common < toParts.Length
                && string.Equals(fromParts[common], toParts[common], StringComparison.OrdinalIgnoreCase))
            {
                common++;
            }

            // Different drives share nothing: .NET 8 answers with the full path too.
            if (common == 0)
            {
                return to;
            }

            var ups = Enumerable.Repeat("..", fromParts.Length - common);
            var relative = string.Join(Path.DirectorySeparatorChar.ToString(), ups.Concat(toParts.Skip(common)));
            return relative.Length == 0 ? "." : relative;
        }
    }

    extension(Path)
    {
        public static bool EndsInDirectorySeparator(string path)
            => path.Length > 0 && (path[path.Length - 1] == Path.DirectorySeparatorChar || path[path.Length - 1] == Path.AltDirectorySeparatorChar);
    }

    extension(OperatingSystem)
    {
        public static bool IsLinux() => false;
    }

    extension(FileSystemInfo info)
    {
        /// <summary>
        /// .NET Framework cannot read where a symbolic link or junction points. A reparse point
        /// answers with its own path, so the folder walk finds a loop of links and reports it
        /// (ST1009) instead of following it; documented in docs/msbuild.md.
        /// </summary>
        public string? LinkTarget => (info.Attributes & FileAttributes.ReparsePoint) != 0 ? info.FullName : null;
    }

    extension(File)
    {
        public static void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            if (overwrite && File.Exists(destFileName))
            {
                // Replaces in one step, as .NET 8's overwriting move does on Windows.
                File.Replace(sourceFileName, destFileName, destinationBackupFileName: null);
                return;
            }

            File.Move(sourceFileName, destFileName);
        }
    }
}
