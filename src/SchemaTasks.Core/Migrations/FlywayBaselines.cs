using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>
/// Flyway's baseline migrations (<c>B&lt;version&gt;__</c>) stand for every versioned migration up
/// to their version. On an empty database Flyway applies the newest baseline and then only the
/// versioned migrations above it; a database migrated before keeps its versioned history. So the
/// versioned migrations are the history wherever the folder still holds those the baseline
/// stands for, and the newest baseline starts it where the folder no longer does.
/// </summary>
internal static class FlywayBaselines
{
    /// <param name="ordered">Baseline and versioned migrations, in version order.</param>
    /// <param name="diagnostics">Receives a note for each baseline migration that is not read.</param>
    /// <returns>The migrations that make the schema, in order.</returns>
    public static List<Migration> Choose(List<Migration> ordered, List<SchemaDiagnostic> diagnostics)
    {
        var baselines = ordered.Where(IsBaseline).ToList();
        if (baselines.Count == 0) return ordered;

        var versioned = ordered.Where(m => !IsBaseline(m)).ToList();
        var newest = baselines.OrderBy(m => m.Version, NaturalStringComparer.Instance).Last();
        var coveredByVersioned = versioned.Any(m => NaturalStringComparer.Instance.Compare(m.Version, newest.Version) <= 0);
        foreach (var baseline in baselines.Where(b => coveredByVersioned || !ReferenceEquals(b, newest)))
        {
            var why = coveredByVersioned
                ? "the folder also holds the versioned (V) migrations it stands for, and the schema is built from those"
                : $"the newer baseline '{newest.RelativePath}' stands for it";
            diagnostics.Add(new SchemaDiagnostic(
                DiagnosticCodes.FileNotRead,
                DiagnosticSeverity.Info,
                $"'{baseline.RelativePath}' is a Flyway baseline migration and was skipped: {why}.",
                baseline.RelativePath));
        }

        if (coveredByVersioned) return versioned;

        diagnostics.Add(new SchemaDiagnostic(
            DiagnosticCodes.FileNotRead,
            DiagnosticSeverity.Info,
            $"'{newest.RelativePath}' is a Flyway baseline migration and no versioned migration up to its version {newest.Version} is in the folder, so the schema starts from it, as Flyway does on an empty database.",
            newest.RelativePath));
        return [newest, .. versioned];
    }

    private static bool IsBaseline(Migration migration)
    {
        var slash = migration.RelativePath.LastIndexOf('/');
        var first = migration.RelativePath[slash + 1];
        return first is 'B' or 'b';
    }
}
