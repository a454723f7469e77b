using System.Text;
using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Atlas's versioned migration directory: every <c>*.sql</c> file directly in it, sorted by name
/// byte by byte, is a migration (version = the name up to the first <c>_</c>); <c>atlas.sum</c>
/// holds, for each file, the SHA-256 of every file name and file content up to and including it,
/// so an edit, an added file or a removed one changes that entry and every later one.
/// </summary>
/// <remarks>
/// Atlas refuses to run a directory whose files do not add up to the sum file ("checksum
/// mismatch"); SchemaTasks computes the same entries and names the first file that differs.
/// File directives (<c>-- atlas:txmode none</c>) count only in the comment lines at the top of a
/// file that a blank line separates from its statements, as Atlas reads them.
/// </remarks>
internal static class AtlasDirectory
{
    /// <summary>The sum file's name, directly in the migrations folder.</summary>
    public const string SumFile = "atlas.sum";

    // Atlas's directive pattern: printable ASCII, "atlas:", the name, then arguments.
    private static readonly Regex Directive = new(@"^([ -~]*)atlas:([0-9A-Za-z_]+)(?: +([ -~]*))*", RegexOptions.CultureInvariant);

    /// <summary>One line of the sum file: a file name and its chained hash (base64, without <c>h1:</c>).</summary>
    public sealed record Entry(string Name, string Hash, int Line);

    /// <summary>One file directive: its name, its arguments and the 1-based line it is on.</summary>
    public sealed record FileDirective(string Name, string Arguments, int Line);

    /// <summary>
    /// Checks <paramref name="files"/> (the directory's <c>.sql</c> files, sorted by name) against
    /// <paramref name="sum"/> as <c>atlas migrate validate</c> does, reporting <c>ST1018</c> at the
    /// first file or sum line that differs.
    /// </summary>
    public static void Verify(IReadOnlyList<MigrationSourceFile> files, MigrationSourceFile? sum, List<SchemaDiagnostic> diagnostics)
    {
        if (sum is null)
        {
            if (files.Count > 0)
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.AtlasSumMismatch,
                    $"The migrations folder has no {SumFile}, and Atlas refuses to apply a directory without one (\"checksum file not found\"). Run `atlas migrate hash` in the folder."));
            }

            return;
        }

        if (Read(sum, diagnostics) is not { } recorded) return;

        var chain = new RunningSha256();
        var next = 0;
        foreach (var file in files)
        {
            var name = FileName(file.RelativePath);
            var expected = next < recorded.Count ? recorded[next] : null;
            (chain, var hash) = Next(chain, name, file.Text, expected?.Name == name ? expected.Hash : null);
            if (hash is null) continue; // atlas:sum ignore: the name counts, the file has no line.
            if (expected is null || expected.Name != name)
            {
                var removed = expected is not null && !files.Any(f => FileName(f.RelativePath) == expected.Name);
                diagnostics.Add(removed
                    ? Removed(sum, expected!)
                    : SchemaDiagnostic.Error(
                        DiagnosticCodes.AtlasSumMismatch,
                        $"'{file.RelativePath}' is not in {SumFile}: the file was added after `atlas migrate hash` ran, and Atlas refuses the directory (\"checksum mismatch\"). Run `atlas migrate hash` after checking the new file.",
                        file.RelativePath, 1, 1));
                return;
            }

            if (hash != expected.Hash)
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.AtlasSumMismatch,
                    $"'{file.RelativePath}' does not match {SumFile} (line {expected.Line} records h1:{expected.Hash}, the file gives h1:{hash}): it was edited after `atlas migrate hash` ran, and Atlas refuses the directory (\"checksum mismatch\"). Undo the edit, or, if the migration was never applied anywhere, run `atlas migrate hash`.",
                    file.RelativePath, 1, 1));
                return;
            }

            next++;
        }

        if (next < recorded.Count) diagnostics.Add(Removed(sum, recorded[next]));
    }

    private static SchemaDiagnostic Removed(MigrationSourceFile sum, Entry entry) => SchemaDiagnostic.Error(
        DiagnosticCodes.AtlasSumMismatch,
        $"{SumFile} lists '{entry.Name}', which is not in the migrations folder: a migration was removed or renamed, and Atlas refuses the directory (\"checksum mismatch\"). Restore the file, or run `atlas migrate hash`.",
        sum.RelativePath, entry.Line, 1);

    /// <summary>
    /// The chained hash Atlas records for each file (its <c>atlas.sum</c> entry and its revision's
    /// <c>hash</c>), in order; <see langword="null"/> for a file marked <c>atlas:sum ignore</c>.
    /// </summary>
    /// <param name="files">Each file's name and text, in Atlas's order.</param>
    /// <param name="recorded">The hash recorded for the file at an index, if known: tried with a byte-order mark too.</param>
    public static IReadOnlyList<string?> Hashes(IReadOnlyList<(string Name, string Text)> files, Func<int, string?>? recorded = null)
    {
        var chain = new RunningSha256();
        var hashes = new List<string?>();
        for (var i = 0; i < files.Count; i++)
        {
            (chain, var hash) = Next(chain, files[i].Name, files[i].Text, recorded?.Invoke(i));
            hashes.Add(hash);
        }

        return hashes;
    }

    /// <summary>The directives of the file's header, as Atlas reads them.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="ignored">
    /// Directives in header comments that Atlas ignores because no blank line follows them.
    /// </param>
    public static IReadOnlyList<FileDirective> Directives(string text, out IReadOnlyList<FileDirective> ignored)
    {
        var found = new List<FileDirective>();
        var content = text;
        var line = 1;
        while (content.StartsWith("#", StringComparison.Ordinal) || content.StartsWith("--", StringComparison.Ordinal))
        {
            var end = content.IndexOf('\n');
            if (end < 0)
            {
                // A file of comments only: Atlas finds no blank line after them, so no directives.
                Add(content, line);
                break;
            }

            Add(content.Substring(0, end).Trim(), line);
            content = content.Substring(end + 1);
            line++;
        }

        if (content.StartsWith("\n", StringComparison.Ordinal))
        {
            ignored = [];
            return found;
        }

        ignored = found;
        return [];

        void Add(string comment, int at)
        {
            var match = Directive.Match(comment);
            if (match.Success) found.Add(new FileDirective(match.Groups[2].Value, match.Groups[3].Value, at));
        }
    }

    /// <summary>
    /// Whether Atlas runs the file outside a transaction (<c>-- atlas:txmode none</c>), reporting
    /// <c>ST1019</c> for the directives Atlas refuses or SchemaTasks cannot read, at their line.
    /// </summary>
    public static bool NoTransaction(MigrationSourceFile file, List<SchemaDiagnostic>? diagnostics)
    {
        var directives = Directives(file.Text, out var ignored);
        foreach (var directive in ignored.Where(d => d.Name is "txmode" or "delimiter" or "checkpoint"))
        {
            diagnostics?.Add(SchemaDiagnostic.Warning(
                DiagnosticCodes.AtlasDirective,
                $"'atlas:{directive.Name}' in '{file.RelativePath}' is ignored by Atlas: file directives count only in the comments at the top of a file when a blank line follows them. Add an empty line after the header comments, or remove the directive.",
                file.RelativePath, directive.Line, 1));
        }

        var modes = directives.Where(d => d.Name == "txmode").ToList();
        foreach (var directive in directives.Where(d => d.Name is "delimiter" or "checkpoint"))
        {
            diagnostics?.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.AtlasDirective,
                directive.Name == "delimiter"
                    ? $"'{file.RelativePath}' sets 'atlas:delimiter {directive.Arguments}': Atlas then splits its statements on that delimiter, which SchemaTasks cannot read. End each statement with ';' (and use the dialect's own routine bodies), or keep this migration out of the folder SchemaTasks reads."
                    : $"'{file.RelativePath}' is an Atlas checkpoint ('atlas:checkpoint'): Atlas runs only the files from the last checkpoint on a new database, which SchemaTasks does not read yet. Keep checkpoint files out of the folder SchemaTasks reads.",
                file.RelativePath, directive.Line, 1));
        }

        if (modes.Count == 0) return false;
        if (modes.Count > 1)
        {
            diagnostics?.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.AtlasDirective,
                $"'{file.RelativePath}' sets 'atlas:txmode' {modes.Count} times, and Atlas refuses the file (\"multiple txmode values\"). Keep one.",
                file.RelativePath, modes[1].Line, 1));
            return false;
        }

        var mode = modes[0].Arguments;
        if (mode is "none" or "file") return mode == "none";
        diagnostics?.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.AtlasDirective,
            mode == "all"
                ? $"'{file.RelativePath}' sets 'atlas:txmode all', which Atlas refuses in a file (it is a command-line setting). Use 'atlas:txmode file' or 'atlas:txmode none'."
                : $"'{file.RelativePath}' sets 'atlas:txmode {mode}', which Atlas does not know. Use 'atlas:txmode none' (no transaction) or 'atlas:txmode file' (the default).",
            file.RelativePath, modes[0].Line, 1));
        return false;
    }

    // Atlas feeds the file name, then (unless the file starts with an "atlas:sum ignore" directive)
    // the file's bytes, and records the hash so far. The text here was read without its byte-order
    // mark; when the recorded hash is known and differs, the text with the mark is tried too.
    private static (RunningSha256 Chain, string? Hash) Next(RunningSha256 chain, string name, string text, string? expected)
    {
        chain.Append(Encoding.UTF8.GetBytes(name));
        var first = Directive.Match(text);
        if (first.Success && first.Groups[2].Value == "sum" && first.Groups[3].Value == "ignore")
        {
            return (chain, null);
        }

        var withText = chain.Copy();
        withText.Append(Encoding.UTF8.GetBytes(text));
        var hash = Convert.ToBase64String(withText.Current());
        if (expected is null || hash == expected) return (withText, hash);

        var withMark = chain.Copy();
        withMark.Append([0xEF, 0xBB, 0xBF]);
        withMark.Append(Encoding.UTF8.GetBytes(text));
        var marked = Convert.ToBase64String(withMark.Current());
        return marked == expected ? (withMark, marked) : (withText, hash);
    }

    // Atlas's reading: the first line is "h1:<sum>"; each further line "<name> h1:<hash>"; line
    // ends may be CRLF. The first line must be the sum of the others.
    private static List<Entry>? Read(MigrationSourceFile sum, List<SchemaDiagnostic> diagnostics)
    {
        var lines = sum.Text.Split('\n').Select(l => l.EndsWith("\r", StringComparison.Ordinal) ? l.Substring(0, l.Length - 1) : l).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0 && sum.Text.EndsWith("\n", StringComparison.Ordinal)) lines.RemoveAt(lines.Count - 1);
        var header = lines.Count == 0 ? string.Empty : lines[0];
        var total = header.StartsWith("h1:", StringComparison.Ordinal) ? header.Substring(3) : header;
        var entries = new List<Entry>();
        for (var i = 1; i < lines.Count; i++)
        {
            var at = lines[i].IndexOf("h1:", StringComparison.Ordinal);
            if (at < 0)
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.AtlasSumMismatch,
                    $"Line {i + 1} of {SumFile} is not '<file> h1:<hash>', and Atlas refuses the file (\"checksum file format invalid\"). Run `atlas migrate hash` to write it again.",
                    sum.RelativePath, i + 1, 1));
                return null;
            }

            entries.Add(new Entry(lines[i].Substring(0, at).Trim(), lines[i].Substring(at + 3), i + 1));
        }

        if (total != Total(entries))
        {
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.AtlasSumMismatch,
                $"The first line of {SumFile} (h1:{total}) is not the sum of its other lines ({Total(entries)}): the file was edited by hand or merged, and Atlas refuses it (\"checksum mismatch\"). Run `atlas migrate hash` to write it again.",
                sum.RelativePath, 1, 1));
            return null;
        }

        return entries;
    }

    private static string Total(List<Entry> entries)
    {
        var sha = new RunningSha256();
        foreach (var entry in entries)
        {
            sha.Append(Encoding.UTF8.GetBytes(entry.Name));
            sha.Append(Encoding.UTF8.GetBytes(entry.Hash));
        }

        return Convert.ToBase64String(sha.Current());
    }

    private static string FileName(string relativePath) => relativePath.Substring(relativePath.LastIndexOf('/') + 1);
}
