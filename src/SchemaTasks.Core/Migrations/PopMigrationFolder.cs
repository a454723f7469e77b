using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Which files of a pop migrations folder run for one dialect, as popx's <c>SortAndFilter</c>
/// chooses them: for each version the up files written for the dialect, or when it has none the
/// up files without a dialect. A version with only other dialects' files runs nothing.
/// </summary>
/// <remarks>
/// pop names a dialect in the file name, so one folder serves several databases: ory kratos
/// keeps <c>.postgres.</c>, <c>.cockroach.</c>, <c>.mysql.</c> and <c>.sqlite3.</c> files side by
/// side. Down files never run forward and are not chosen.
/// </remarks>
internal static class PopMigrationFolder
{
    /// <summary>The paths of the up files that run for <paramref name="dialect"/>.</summary>
    /// <returns>
    /// The paths, or <see langword="null"/> when files name a dialect and none is given, so the
    /// choice cannot be made (reported as <c>ST1008</c>).
    /// </returns>
    public static HashSet<string>? Choose(IReadOnlyList<MigrationSourceFile> sqlFiles, SqlDialect? dialect, MigrationSettingNames names, List<SchemaDiagnostic> diagnostics)
    {
        var ups = new List<(string Path, PopMigrationFile File)>();
        foreach (var file in sqlFiles)
        {
            if (PopMigrationFile.Parse(FileName(file.RelativePath)) is not { IsDown: false } pop)
            {
                continue;
            }

            if (pop.Dialect is not null && !pop.IsKnownDialect)
            {
                // popx passes over a dialect it cannot connect to; a misspelt one would never run either.
                diagnostics.Add(new SchemaDiagnostic(
                    DiagnosticCodes.FileNotRead,
                    DiagnosticSeverity.Info,
                    $"'{file.RelativePath}' is not a migration and was skipped: it is written for dialect '{pop.Dialect}', none of the postgres, cockroach, mysql and sqlite3 pop knows, so it never runs on PostgreSQL, MySQL or MariaDB.",
                    file.RelativePath));
                continue;
            }

            ups.Add((file.RelativePath, pop));
        }

        var firstSpecific = ups.FirstOrDefault(u => u.File.Dialect is not null);
        if (dialect is null && firstSpecific.Path is not null)
        {
            diagnostics.Add(SchemaDiagnostic.Error(
                DiagnosticCodes.DialectRequired,
                $"The pop migrations name the dialect they are written for ('{firstSpecific.Path}'), and pop runs a version's file for the database's dialect instead of the one without a dialect: SchemaTasks needs {names.Dialect} to choose them. {names.HowToSetDialect}",
                firstSpecific.Path));
            return null;
        }

        var part = dialect is { } chosen ? PopMigrationFile.DialectPart(chosen) : null;
        var versionsWithOwnFile = new HashSet<string>(ups.Where(u => u.File.Dialect == part && part is not null).Select(u => u.File.Version), StringComparer.Ordinal);
        return new HashSet<string>(
            ups.Where(u => u.File.Dialect is null ? !versionsWithOwnFile.Contains(u.File.Version) : u.File.Dialect == part).Select(u => u.Path),
            StringComparer.Ordinal);
    }

    private static string FileName(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.Substring(slash + 1);
    }
}
