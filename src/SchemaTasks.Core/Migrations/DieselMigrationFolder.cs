using System.Text.RegularExpressions;

namespace SchemaTasks.Migrations;

/// <summary>
/// diesel's migrations: one folder per migration directly in the migrations folder, holding
/// <c>up.sql</c>, which diesel runs, and <c>down.sql</c>, which reverts it and is no schema history.
/// </summary>
/// <remarks>
/// As diesel_migrations reads them (<c>migrations_internals::version_from_string</c>,
/// <c>FileBasedMigrations</c>): the version is the folder name up to the first <c>_</c> with every
/// <c>-</c> removed, kept as text (<c>__diesel_schema_migrations.version</c> is a VARCHAR primary
/// key), and pending migrations run sorted by that text.
/// </remarks>
internal static class DieselMigrationFolder
{
    /// <summary>The file diesel runs to apply a migration.</summary>
    public const string UpFile = "up.sql";

    /// <summary>The file diesel runs to revert a migration.</summary>
    public const string DownFile = "down.sql";

    // The names `diesel migration generate` writes: '2019-02-26-002946_name' by default,
    // '20190226002946_name' with its plain timestamp, and diesel's own
    // '00000000000000_diesel_initial_setup'. Only these claim a folder when the layout is detected;
    // a set diesel layout reads any folder name, as diesel does.
    private static Regex GeneratedFolder => field ??= new(@"^(?:\d{4}-\d{2}-\d{2}-\d{6}|\d{14})_[^/]*$", RegexOptions.CultureInvariant);

    /// <summary>Whether <paramref name="relativePath"/> is the <c>up.sql</c> of a folder named as diesel names them.</summary>
    public static bool IsGeneratedMigration(string relativePath)
    {
        var slash = relativePath.IndexOf('/');
        return slash > 0
            && string.Equals(relativePath.Substring(slash + 1), UpFile, StringComparison.Ordinal)
            && GeneratedFolder.IsMatch(relativePath.Substring(0, slash));
    }

    /// <summary>
    /// Whether diesel reads the file at <paramref name="relativePath"/>: <c>up.sql</c> or <c>down.sql</c>
    /// of a folder directly inside, not a hidden one (diesel passes over folders whose name starts with <c>.</c>).
    /// </summary>
    public static bool Reads(string relativePath)
    {
        var slash = relativePath.IndexOf('/');
        if (slash <= 0 || relativePath[0] == '.' || relativePath.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        var name = relativePath.Substring(slash + 1);
        return name == UpFile || name == DownFile;
    }

    /// <summary>The folder of a migration file read by <see cref="Reads"/>.</summary>
    public static string Folder(string relativePath) => relativePath.Substring(0, relativePath.IndexOf('/'));

    /// <summary>The version diesel records for <paramref name="folder"/>: its name up to the first <c>_</c>, without <c>-</c>.</summary>
    public static string Version(string folder)
    {
        var underscore = folder.IndexOf('_');
        return (underscore < 0 ? folder : folder.Substring(0, underscore)).Replace("-", string.Empty);
    }

    /// <summary>The name after the version: the folder name after its first <c>_</c>.</summary>
    public static string Name(string folder)
    {
        var underscore = folder.IndexOf('_');
        return underscore < 0 ? string.Empty : folder.Substring(underscore + 1);
    }

    /// <summary>The <c>down.sql</c> files whose folder has no <c>up.sql</c>: diesel refuses such a folder.</summary>
    public static IEnumerable<MigrationSourceFile> DownWithoutUp(IReadOnlyList<MigrationSourceFile> sqlFiles)
    {
        var ups = new HashSet<string>(
            sqlFiles.Where(f => Reads(f.RelativePath) && f.RelativePath.EndsWith("/" + UpFile, StringComparison.Ordinal)).Select(f => Folder(f.RelativePath)),
            StringComparer.Ordinal);
        return sqlFiles.Where(f => Reads(f.RelativePath) && f.RelativePath.EndsWith("/" + DownFile, StringComparison.Ordinal) && !ups.Contains(Folder(f.RelativePath)));
    }
}
