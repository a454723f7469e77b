using System.Runtime.CompilerServices;
using SchemaTasks.Migrations;

namespace SchemaTasks.Build;

/// <summary>
/// One value that changes whenever anything the schema check reads changes: each file of the
/// migrations folder by its path, time stamp and length (so an edit, an addition, a removal and
/// a rename all show), other input files the same way, and the settings the check runs with.
/// </summary>
/// <remarks>
/// MSBuild's own incremental check would need the folder's files as items, and on a build that
/// changed nothing those items were most of what SchemaTasks allocated in MSBuild's process
/// (docs/benchmarks.md, "A build that changed nothing, without the folder's items"). Here the
/// folder is listed without a string per file: each file's name is hashed where the listing
/// holds it, and the files of a folder are combined in an order-free way, so they need no sorting.
/// </remarks>
internal sealed class InputFingerprint
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    private ulong _ordered = FnvOffset;
    private ulong _filesSum;
    private ulong _filesXor;
    private long _fileCount;
    private readonly List<string> _followedLinks = [];
    private string _root = "";
    private string? _rootReal;
    private bool _readFilesOnly;

    /// <summary>How many files of the migrations folder were added.</summary>
    public long FolderFileCount => _fileCount;

    /// <summary>The fingerprint, as text for the record file.</summary>
    public string Value => $"{_ordered:x16}{_filesSum:x16}{_filesXor:x16}{_fileCount:x}";

    /// <summary>Adds a setting (in order: the same settings in another order are another fingerprint).</summary>
    public void AddSetting(string? value)
    {
        _ordered = Mix(_ordered, (value ?? "\u0001").AsSpan());
        _ordered = Mix(_ordered, '\u0000');
    }

    /// <summary>Adds a file outside the folder by its path, time stamp and length; a missing file counts too.</summary>
    public void AddFile(string path)
    {
        var file = new FileInfo(path);
        AddSetting(path);
        _ordered = Finish(Mix(Mix(_ordered, file.Exists ? file.LastWriteTimeUtc.Ticks : -1), file.Exists ? file.Length : -1));
    }

    /// <summary>
    /// Adds every file of the migrations folder and its subfolders, or, when
    /// <paramref name="readFilesOnly"/>, only those the core's folder walk reads
    /// (<see cref="MigrationFolderWalk.IsReadFile"/>). A symbolic link to a folder is followed once,
    /// as the walk follows it; one the walk refuses (a loop, a folder read twice) is added by its
    /// target alone: the walk fails the build there anyway.
    /// </summary>
    public void AddFolder(string directory, bool readFilesOnly)
    {
        var root = Path.GetFullPath(directory);
        _root = root;
        _readFilesOnly = readFilesOnly;
        var pending = new Stack<InputFolder>();
        pending.Push(new InputFolder(root, Mix(FnvOffset, '/'), 0, false));
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            List<InputSubfolder> subfolders;
            try
            {
                subfolders = InputFolderListing.List(folder, this);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The walk reports a folder it cannot list and fails the build, so no fingerprint
                // is recorded while the folder stays so.
                AddEntry(folder.Seed, "\u0002unreadable".AsSpan(), 0, 0);
                continue;
            }

            foreach (var subfolder in subfolders)
            {
                var name = NameOf(subfolder.Path);
                var seed = Mix(Mix(folder.Seed, name), '/');
                if (subfolder.IsLink && !FollowLink(subfolder.Path, seed))
                {
                    continue;
                }

                pending.Push(new InputFolder(subfolder.Path, seed, folder.Depth + 1, folder.Depth == 0 && name.SequenceEqual("meta".AsSpan())));
            }
        }
    }

    /// <summary>A file found by <see cref="InputFolderListing"/> in <paramref name="folder"/>.</summary>
    internal void AddFolderFile(InputFolder folder, ReadOnlySpan<char> name, long lastWriteTicks, long length)
    {
        if (!_readFilesOnly || IsReadByTheWalk(name, folder))
        {
            AddEntry(folder.Seed, name, lastWriteTicks, length);
        }
    }

    private bool FollowLink(string path, ulong seed)
    {
        _rootReal ??= RealPath(_root) ?? _root;
        var real = RealPath(path);
        var followed = real is not null
            && !Overlaps(real, _rootReal)
            && !_followedLinks.Exists(other => Overlaps(real, other));
        if (followed)
        {
            _followedLinks.Add(real!);
        }
        else
        {
            AddEntry(seed, (real ?? "\u0003loop").AsSpan(), 0, 0);
        }

        return followed;
    }

    // The core's assembly is loaded only when one of these runs: a build that changed nothing
    // in a folder without links, beside the project, never needs it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsReadByTheWalk(ReadOnlySpan<char> name, InputFolder folder) =>
        MigrationFolderWalk.IsReadFile(name, folder.Depth, folder.IsMeta);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? RealPath(string path) => MigrationFolderWalk.RealPath(path);

    private static ReadOnlySpan<char> NameOf(string path)
    {
        var separator = path.LastIndexOfAny(Separators);
        return path.AsSpan(separator + 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Overlaps(string a, string b) =>
        MigrationFolderWalk.IsSameOrUnder(a, b) || MigrationFolderWalk.IsSameOrUnder(b, a);

    private void AddEntry(ulong folderSeed, ReadOnlySpan<char> name, long lastWriteTicks, long length)
    {
        var entry = Finish(Mix(Mix(Mix(folderSeed, name), lastWriteTicks), length));
        _filesSum += entry;
        _filesXor ^= entry;
        _fileCount++;
    }

    private static ulong Mix(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, char c) => (hash ^ c) * FnvPrime;

    private static ulong Mix(ulong hash, long value)
    {
        for (var shift = 0; shift < 64; shift += 16)
        {
            hash = Mix(hash, (char)(value >> shift));
        }

        return hash;
    }

    // The files of a folder are summed, so each one's hash must spread over all 64 bits
    // (the finaliser of SplitMix64).
    private static ulong Finish(ulong hash)
    {
        hash = (hash ^ (hash >> 30)) * 0xbf58476d1ce4e5b9;
        hash = (hash ^ (hash >> 27)) * 0x94d049bb133111eb;
        return hash ^ (hash >> 31);
    }
}

/// <summary>A folder to list: its path, the hash of its path below the migrations folder, its depth, and whether it is the top-level <c>meta</c> folder.</summary>
internal sealed record InputFolder(string Path, ulong Seed, int Depth, bool IsMeta);

/// <summary>A subfolder found by <see cref="InputFolderListing"/>, and whether it is a symbolic link.</summary>
internal sealed record InputSubfolder(string Path, bool IsLink);
