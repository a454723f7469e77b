using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// The master changelog of a Liquibase folder (<c>db.changelog-master.yaml</c> or <c>.xml</c>):
/// its <c>include</c> entries give the order Liquibase runs the formatted SQL changelogs in, and
/// its <c>includeAll</c> entries a folder's files in path order. Only these two are read; a file
/// the master does not include is never run by Liquibase.
/// </summary>
internal static class LiquibaseMasterChangelog
{
    private static readonly Regex YamlEntry = new(@"^\s*-?\s*(?<kind>include|includeAll)\s*:\s*$|^\s*(?<key>file|path)\s*:\s*[""']?(?<value>[^""'\s]+)[""']?\s*$|^\s*-\s*(?<kind>include|includeAll)\s*:\s*\{(?<inline>[^}]*)\}", RegexOptions.CultureInvariant);
    private static readonly Regex XmlEntry = new(@"<(?<kind>include|includeAll)\b(?<attributes>[^>]*)/?>", RegexOptions.CultureInvariant);
    private static readonly Regex XmlAttribute = new(@"\b(?<key>file|path)\s*=\s*""(?<value>[^""]*)""", RegexOptions.CultureInvariant);

    /// <summary>One entry: a file (<c>include</c>) or a folder (<c>includeAll</c>), as written, and its line.</summary>
    public sealed record Entry(string Path, bool IsFolder, int Line);

    /// <summary>Whether <paramref name="file"/>, directly in the migrations folder, is a master changelog.</summary>
    public static bool IsMaster(MigrationSourceFile file) =>
        !file.RelativePath.Contains('/', StringComparison.Ordinal)
        && IsMasterName(file.RelativePath)
        && file.Text.Contains("databaseChangeLog", StringComparison.Ordinal);

    /// <summary>Whether a file name may be a master changelog the folder walk should read.</summary>
    public static bool IsMasterName(ReadOnlySpan<char> name) =>
        name.IndexOf("changelog".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
        && (name.EndsWith(".yaml".AsSpan(), StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml".AsSpan(), StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xml".AsSpan(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The entries, in order.</summary>
    public static IReadOnlyList<Entry> Read(MigrationSourceFile master)
    {
        var entries = new List<Entry>();
        var lines = master.Text.Split('\n');
        if (master.RelativePath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match element in XmlEntry.Matches(lines[i]))
                {
                    var attribute = XmlAttribute.Match(element.Groups["attributes"].Value);
                    if (attribute.Success) entries.Add(new Entry(attribute.Groups["value"].Value, element.Groups["kind"].Value == "includeAll", i + 1));
                }
            }

            return entries;
        }

        string? kind = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = YamlEntry.Match(lines[i].TrimEnd('\r'));
            if (!match.Success) continue;
            if (match.Groups["inline"].Success)
            {
                var inline = Regex.Match(match.Groups["inline"].Value, @"\b(file|path)\s*:\s*[""']?(?<value>[^""',\s}]+)");
                if (inline.Success) entries.Add(new Entry(inline.Groups["value"].Value, match.Groups["kind"].Value == "includeAll", i + 1));
            }
            else if (match.Groups["kind"].Success)
            {
                kind = match.Groups["kind"].Value;
            }
            else if (kind is not null)
            {
                entries.Add(new Entry(match.Groups["value"].Value, kind == "includeAll", i + 1));
                kind = null;
            }
        }

        return entries;
    }

    /// <summary>
    /// The <c>.sql</c> files the master runs, in its order: an entry names a file by its path
    /// from the master's folder, or from a search path above it (whose end is the folder's path).
    /// A missing file is <c>ST1020</c> at the entry, as Liquibase stops there.
    /// </summary>
    public static List<MigrationSourceFile> Order(MigrationSourceFile master, IReadOnlyList<MigrationSourceFile> sqlFiles, List<SchemaDiagnostic> diagnostics)
    {
        var ordered = new List<MigrationSourceFile>();
        foreach (var entry in Read(master))
        {
            var path = entry.Path.Replace('\\', '/').TrimStart('/');
            path = path.StartsWith("classpath:", StringComparison.Ordinal) ? path.Substring("classpath:".Length).TrimStart('/') : path;
            if (entry.IsFolder)
            {
                var folder = path.TrimEnd('/') + "/";
                var inFolder = sqlFiles.Where(f => Under(f.RelativePath, folder)).OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
                ordered.AddRange(inFolder.Where(f => !ordered.Contains(f)));
                continue;
            }

            var file = sqlFiles.FirstOrDefault(f => f.RelativePath == path || path.EndsWith("/" + f.RelativePath, StringComparison.Ordinal));
            if (file is null)
            {
                diagnostics.Add(SchemaDiagnostic.Error(
                    DiagnosticCodes.LiquibaseChangelog,
                    $"'{master.RelativePath}' includes '{entry.Path}', which is not a .sql file in the migrations folder, and Liquibase stops there. Restore the file, fix the path, or (for a YAML or XML changelog) keep formatted SQL changelogs only in the folder SchemaTasks reads.",
                    master.RelativePath,
                    entry.Line,
                    1));
                continue;
            }

            if (!ordered.Contains(file)) ordered.Add(file);
        }

        return ordered;
    }

    // An includeAll path is relative to the master's folder or to a search path above it.
    private static bool Under(string relativePath, string folder) =>
        relativePath.StartsWith(folder, StringComparison.Ordinal)
        || Enumerable.Range(0, folder.Length).Any(i => (i == 0 || folder[i - 1] == '/') && relativePath.StartsWith(folder.Substring(i), StringComparison.Ordinal) && folder.Substring(i).Length > 0);
}
