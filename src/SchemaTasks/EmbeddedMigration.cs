namespace SchemaTasks;

/// <summary>A migration read from an assembly, whose text matched the manifest's checksum.</summary>
/// <param name="Id">The key the layout's history table uses.</param>
/// <param name="Name">The human description.</param>
/// <param name="RelativePath">The file the build embedded, relative to the migrations folder.</param>
/// <param name="Sha256">The verified checksum.</param>
/// <param name="Text">The file's text, as embedded.</param>
public sealed record EmbeddedMigration(string Id, string Name, string RelativePath, string Sha256, string Text);
