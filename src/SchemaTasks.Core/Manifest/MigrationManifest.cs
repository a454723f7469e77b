using SchemaTasks.Migrations;

namespace SchemaTasks.Manifest;

/// <summary>
/// The list of migrations a build embedded, with their checksums. The runtime checks every
/// embedded migration against it before it hands out any SQL.
/// </summary>
/// <param name="Layout">The layout the migrations were read in.</param>
/// <param name="Dialect">The dialect, when the project or the layout declares one.</param>
/// <param name="Migrations">The migrations in the order they apply.</param>
public sealed record MigrationManifest(MigrationLayout Layout, SqlDialect? Dialect, IReadOnlyList<ManifestEntry> Migrations)
{
    /// <summary>The version of the file format this code writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The manifest of <paramref name="set"/>.</summary>
    public static MigrationManifest From(MigrationSet set, SqlDialect? dialect)
        => new(
            set.Layout,
            dialect ?? set.Dialect,
            set.Migrations.Select(m => new ManifestEntry(m.Id, m.Name, m.RelativePath, m.Checksum)).ToList());
}
