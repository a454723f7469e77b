using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Lists the files of a migrations folder and its subfolders: every <c>.sql</c> file, Prisma's
/// lock file and goose's <c>.go</c> migrations, Atlas's <c>atlas.sum</c> and a Liquibase master changelog at the top, drizzle-kit's <c>meta/_journal.json</c>
/// and the <c>snapshot.json</c> of each folder directly inside. A symbolic link to a folder is followed at most once: a link
/// back into a folder that contains it, or to a folder already read by another path, is
/// reported (ST1009) and not followed, so a walk always ends and never reads a file twice.
/// </summary>
internal static class MigrationFolderWalk
{
    // Linux resolves at most 40 links in one path (ELOOP); a longer chain is a loop of links.
    private const int MaxLinksInPath = 40;

    private static readonly StringComparer PathComparer =
        OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// Whether the walk reads a file of this name: every <c>.sql</c> file, and the other files a
    /// layout reads, each where its tool keeps it: Prisma's lock file, goose's Go-function
    /// migrations beside the SQL files, pop's fizz migrations (to say they are not read), Atlas's
    /// sum file, a Liquibase master changelog, drizzle-kit's journal and its snapshots. The build's
    /// incremental check asks the same question (CheckSchemaInputs), so the two cannot disagree.
    /// </summary>
    /// <param name="name">The file's name.</param>
    /// <param name="depth">How deep its folder is below the migrations folder: 0 for the folder itself.</param>
    /// <param name="inMeta">Whether its folder is <c>meta</c>, directly in the migrations folder.</param>
    internal static bool IsReadFile(ReadOnlySpan<char> name, int depth, bool inMeta) =>
        name.EndsWith(".sql".AsSpan(), StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(PopMigrationFile.FizzUpSuffix.AsSpan(), StringComparison.Ordinal)
        || (depth == 0
            && (name.Equals(MigrationDiscovery.PrismaLockFile.AsSpan(), StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".go".AsSpan(), StringComparison.Ordinal)
                || name.SequenceEqual(AtlasDirectory.SumFile.AsSpan())
                || LiquibaseMasterChangelog.IsMasterName(name)))
        || (depth == 1 && inMeta && name.SequenceEqual("_journal.json".AsSpan()))
        || (depth == 1 && name.SequenceEqual("snapshot.json".AsSpan()));

    public static IReadOnlyList<MigrationSourceFile> Read(string directory, List<SchemaDiagnostic> diagnostics)
    {
        var root = Path.GetFullPath(directory);
        var rootReal = RealPath(root) ?? root;
        var walk = new Walk(diagnostics);
        walk.ReadBy[rootReal] = "";
        walk.Visit(root, rootReal, "", [rootReal]);
        return walk.ReadFiles();
    }

    /// <summary>
    /// The path with every symbolic link in it resolved, as the operating system resolves it;
    /// <see langword="null"/> when the links form a loop.
    /// </summary>
    internal static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Components(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // current never holds a link, so its lexical parent is its real parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinksInPath)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            foreach (var component in Components(target).Reverse())
            {
                pending.Push(component);
            }
        }

        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> is <paramref name="folder"/> or lies under it, compared as
    /// this file system compares names. The build's input check uses it too, so that the walk and
    /// the check agree on which links they follow.
    /// </summary>
    internal static bool IsSameOrUnder(string path, string folder)
    {
        var comparison = PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return path.Equals(folder, comparison)
            || (path.StartsWith(folder, comparison)
                && (Path.EndsInDirectorySeparator(folder) || path[folder.Length] == Path.DirectorySeparatorChar));
    }

    private static IEnumerable<string> Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private sealed class Walk(List<SchemaDiagnostic> diagnostics)
    {
        // The files found, read after the walk (ReadFiles); with the count of diagnostics when
        // each was found, so that a file that cannot be read is reported where the walk met it.
        private readonly List<(string Path, string Relative, int DiagnosticsBefore)> _found = [];

        /// <summary>Each folder read so far, by its real path, with the relative path it was read as.</summary>
        public Dictionary<string, string> ReadBy { get; } = new(PathComparer);

        public void Visit(string path, string real, string relative, List<string> ancestors)
        {
            List<FolderEntry> entries;
            try
            {
                entries = FolderListing.List(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Unreadable(relative.Length == 0 ? "." : relative.TrimEnd('/'), ex);
                return;
            }

            var depth = relative.Count(c => c == '/');
            var inMeta = relative == "meta/";
            foreach (var entry in entries)
            {
                var entryRelative = relative + entry.Name;
                if (entry.IsFolder)
                {
                    VisitFolder(new DirectoryInfo(Path.Combine(path, entry.Name)), Path.Combine(real, entry.Name), entryRelative, ancestors);
                }
                else if (IsReadFile(entry.Name.AsSpan(), depth, inMeta))
                {
                    Found(Path.Combine(path, entry.Name), entryRelative);
                }
            }
        }

        private void VisitFolder(FileSystemInfo folder, string lexicalReal, string relative, List<string> ancestors)
        {
            var link = folder.LinkTarget;
            var real = link is null ? lexicalReal : RealPath(lexicalReal);
            if (real is null)
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.FolderLinkCycle,
                    $"'{relative}' is a symbolic link to '{link}', and the links from there never reach a folder (more than {MaxLinksInPath} links in a row). SchemaTasks did not follow it; remove the link or point it at a folder.",
                    relative));
                return;
            }

            // A link to the folder that holds it, or to any folder above, leads back to itself.
            if (link is not null && IsSameOrUnder(ancestors[^1], real))
            {
                var target = PathComparer.Equals(real, ancestors[0]) ? "the migrations folder itself"
                    : ReadBy.TryGetValue(real, out var asRelative) ? $"'{asRelative.TrimEnd('/')}', a folder that contains the link"
                    : "a folder that contains the migrations folder";
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.FolderLinkCycle,
                    $"'{relative}' is a symbolic link to '{link}', which is {target}: following it would read the same files again without end. SchemaTasks did not follow it; remove the link, or point it at a folder outside the migrations folder.",
                    relative));
                return;
            }

            if (ReadBy.TryGetValue(real, out var readAs))
            {
                var described = link is null ? $"'{relative}'" : $"'{relative}' (a symbolic link to '{link}')";
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.FolderLinkCycle,
                    $"{described} is the folder already read as '{readAs.TrimEnd('/')}': its files would be read twice. SchemaTasks read them once; remove the symbolic link that leads there a second time.",
                    relative));
                return;
            }

            ReadBy[real] = relative + "/";
            Visit(folder.FullName, real, relative + "/", [.. ancestors, real]);
        }

        private void Found(string path, string relative) => _found.Add((path, relative, diagnostics.Count));

        /// <summary>The files found, in the walk's order, each read (<see cref="FileReads"/>).</summary>
        public List<MigrationSourceFile> ReadFiles()
        {
            var reads = FileReads.Run(_found.Count, i => MigrationFileText.ReadWithChecksum(_found[i].Path));
            var files = new List<MigrationSourceFile>(_found.Count);
            for (var i = 0; i < _found.Count; i++)
            {
                if (reads[i].Read is { } read)
                {
                    files.Add(new MigrationSourceFile(_found[i].Relative, read.Text) { KnownChecksum = read.Checksum });
                }
            }

            // Backwards, so that each insertion leaves the places of the earlier ones as they were.
            for (var i = _found.Count - 1; i >= 0; i--)
            {
                if (reads[i].Failure is { } failure)
                {
                    diagnostics.Insert(_found[i].DiagnosticsBefore, UnreadableEntry(_found[i].Relative, failure));
                }
            }

            return files;
        }

        private void Unreadable(string relative, Exception ex) => diagnostics.Add(UnreadableEntry(relative, ex));

        private static SchemaDiagnostic UnreadableEntry(string relative, Exception ex) =>
            SchemaDiagnostic.Error(
                DiagnosticCodes.FolderEntryUnreadable,
                $"'{relative}' in the migrations folder cannot be read ({ex.Message}). Fix its permissions or the link it is, or move it out of the migrations folder.",
                relative);
    }
}
