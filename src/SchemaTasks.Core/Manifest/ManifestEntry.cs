namespace SchemaTasks.Manifest;

/// <summary>One migration as the manifest records it.</summary>
/// <param name="Id">The key the layout's history table uses (see <see cref="Migrations.Migration.Id"/>).</param>
/// <param name="Name">The human description.</param>
/// <param name="Path">The file, relative to the migrations folder, with <c>/</c> separators.</param>
/// <param name="Sha256">See <see cref="Migrations.MigrationChecksum"/>.</param>
public sealed record ManifestEntry(string Id, string Name, string Path, string Sha256);
