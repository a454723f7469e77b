using SchemaTasks.Diagnostics;

namespace SchemaTasks.Migrations;

/// <summary>What <see cref="MigrationFolderReader"/> found in a migrations folder.</summary>
/// <param name="Set">The migrations in apply order, or <see langword="null"/> when an error makes them untrustworthy.</param>
/// <param name="Dialect">The dialect set or declared, if any.</param>
/// <param name="Files">Every file read, with its whole text (a migration's checksum covers the whole file).</param>
/// <param name="Diagnostics">Every finding: errors, warnings, and the files no layout rule read (<c>ST1010</c>, information).</param>
public sealed record MigrationFolderReading(
    MigrationSet? Set,
    SqlDialect? Dialect,
    IReadOnlyList<MigrationSourceFile> Files,
    IReadOnlyList<SchemaDiagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error; then <see cref="Set"/> is <see langword="null"/>.</summary>
    public bool HasErrors => SchemaDiagnostic.AnyError(Diagnostics);

    /// <summary>The whole text of the file <paramref name="migration"/> was read from.</summary>
    public string FileText(Migration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return Files.First(f => string.Equals(f.RelativePath, migration.RelativePath, StringComparison.Ordinal)).Text;
    }
}
