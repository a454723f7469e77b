using System.Text.RegularExpressions;
using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// The down migrations of a folder read in the plain layout, told by their names as the tools
/// that write them name them: golang-migrate's and sqlx's <c>.down.sql</c> (and the
/// <c>V0001.Name.down.sql</c> of home-grown runners), diesel's <c>down.sql</c>, Postgrator's
/// <c>.undo.sql</c>, Flyway's <c>U&lt;version&gt;__</c> undo scripts; <c>_down.sql</c> only beside its
/// <c>_up.sql</c>, as "scale_down" may well be a forward migration's name.
/// </summary>
/// <remarks>
/// The plain layout runs every <c>.sql</c> file, so a down file would run as a forward migration
/// and quietly undo, in the snapshot, what its up file did. Where every file is one half of an
/// up/down pair, the up files alone are the history, in the order plain gives them (ST1023,
/// information). Otherwise which files the folder's tool runs is a guess, and the folder is
/// refused (ST1022).
/// </remarks>
internal static class PlainDownFiles
{
    private static Regex Postgrator => field ??= new(@"^(?<version>[^.]+)\.(?<direction>do|undo)(?:\..*)?\.sql$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static Regex FlywayVersioned => field ??= new(@"^(?<direction>[VU])(?<version>\d+(?:[._]\d+)*)__.+\.sql$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The down files to skip; <see langword="null"/>, with ST1022 reported, when they cannot be set
    /// apart from the forward migrations.
    /// </summary>
    /// <param name="sqlFiles">The folder's <c>.sql</c> files, in path order.</param>
    /// <param name="layoutSetting">The layout setting as the user writes it.</param>
    /// <param name="diagnostics">Where ST1022 and ST1023 go.</param>
    public static HashSet<string>? Find(IReadOnlyList<MigrationSourceFile> sqlFiles, string layoutSetting, List<SchemaDiagnostic> diagnostics)
    {
        var named = sqlFiles.Select(f => (File: f, Half: Half.Of(f.RelativePath))).ToList();
        var upKeys = new HashSet<string>(named.Where(n => n.Half is { IsDown: false }).Select(n => n.Half!.Key), StringComparer.Ordinal);
        var downs = named.Where(n => n.Half is { IsDown: true } half && (half.IsSureDown || upKeys.Contains(half.Key))).ToList();
        if (downs.Count == 0)
        {
            return [];
        }

        var downPaths = new HashSet<string>(downs.Select(d => d.File.RelativePath), StringComparer.Ordinal);
        var orphan = downs.FirstOrDefault(d => !upKeys.Contains(d.Half!.Key));
        var undirected = named.FirstOrDefault(n => n.Half is null || (n.Half.IsDown && !downPaths.Contains(n.File.RelativePath)));
        if (orphan.File is null && undirected.File is null)
        {
            var down = downs[0];
            var up = named.First(n => n.Half is { IsDown: false } half && half.Key == down.Half!.Key);
            diagnostics.Add(new SchemaDiagnostic(
                DiagnosticCodes.DownMigrationsSkipped,
                DiagnosticSeverity.Info,
                $"The migrations folder is made of up/down pairs (such as '{up.File.RelativePath}' and '{down.File.RelativePath}'): the plain layout reads the {named.Count - downs.Count} up files in name order and skips the {downs.Count} down files, which revert them. If a tool with its own layout reads the folder, set {layoutSetting} to it.",
                down.File.RelativePath));
            return downPaths;
        }

        var (downNamed, reason) = orphan.File is { } lone
            ? (lone, $"Its up file ('{orphan.Half!.ExpectedUp}') is not in the folder, so SchemaTasks cannot tell the folder's forward migrations from the others.")
            : (downs[0].File, $"'{undirected.File!.RelativePath}' beside it is neither an up nor a down file, so SchemaTasks cannot tell which files the tool that reads the folder runs.");
        diagnostics.Add(SchemaDiagnostic.Error(
            DiagnosticCodes.DownMigrationsInPlainFolder,
            $"'{downNamed.RelativePath}' is a down migration by its name ({downs.Count} in the folder), and the plain layout would run it as a forward migration, undoing its migration in the snapshot. {reason} "
            + $"Set {layoutSetting} to the layout of the tool that wrote the folder (golang-migrate and sqlx read '<version>_<name>.up.sql' beside '.down.sql', diesel '<version>_<name>/up.sql' beside 'down.sql', flyway 'V<version>__<name>.sql' beside 'U' undo files), or keep only the up files in the folder SchemaTasks reads.",
            downNamed.RelativePath));
        return null;
    }

    /// <summary>One half of an up/down pair, known by its name.</summary>
    /// <param name="Key">What the two halves of a pair share: folder, naming style and stem or version.</param>
    /// <param name="IsDown">Whether this is the down half.</param>
    /// <param name="IsSureDown">Whether the name alone makes it a down migration, without its up file beside it.</param>
    /// <param name="ExpectedUp">The up file a down half pairs with, as the message names it.</param>
    private sealed record Half(string Key, bool IsDown, bool IsSureDown, string ExpectedUp)
    {
        public static Half? Of(string relativePath)
        {
            var slash = relativePath.LastIndexOf('/');
            var folder = relativePath.Substring(0, slash + 1);
            var name = relativePath.Substring(slash + 1);
            var lower = name.ToLowerInvariant();
            if (lower is "up.sql" or "down.sql")
            {
                return new(folder + "|folder", lower == "down.sql", true, folder + "up.sql");
            }

            foreach (var (up, down, sure) in Suffixes)
            {
                if (lower.EndsWith(up, StringComparison.Ordinal) || lower.EndsWith(down, StringComparison.Ordinal))
                {
                    var isDown = lower.EndsWith(down, StringComparison.Ordinal);
                    var stem = name.Substring(0, name.Length - (isDown ? down : up).Length);
                    return new(folder + up + "|" + stem.ToLowerInvariant(), isDown, sure, folder + stem + up);
                }
            }

            // The patterns are built only for names that may match them: most plain folders hold neither.
            if ((lower.IndexOf(".do.", StringComparison.Ordinal) >= 0 || lower.IndexOf(".undo.", StringComparison.Ordinal) >= 0) && Postgrator.Match(name) is { Success: true } postgrator)
            {
                var version = postgrator.Groups["version"].Value;
                var isDown = postgrator.Groups["direction"].Value.Equals("undo", StringComparison.OrdinalIgnoreCase);
                return new(folder + "|postgrator|" + version.ToLowerInvariant(), isDown, true, $"{folder}{version}.do.sql");
            }

            if (name.Length > 1 && name[0] is 'V' or 'U' && name[1] is >= '0' and <= '9' && FlywayVersioned.Match(name) is { Success: true } flyway)
            {
                // Flyway pairs an undo script with the versioned migration of the same version.
                var version = flyway.Groups["version"].Value.Replace('_', '.');
                return new(folder + "|flyway|" + version, flyway.Groups["direction"].Value == "U", true, $"{folder}V{flyway.Groups["version"].Value}__<description>.sql");
            }

            return null;
        }

        // The up and down endings of one naming style; '_down.sql' alone is no proof of a down file.
        private static readonly (string Up, string Down, bool Sure)[] Suffixes =
        [
            (".up.sql", ".down.sql", true),
            ("_up.sql", "_down.sql", false),
        ];
    }
}
