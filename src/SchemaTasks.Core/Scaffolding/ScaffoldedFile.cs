namespace SchemaTasks.Scaffolding;

/// <summary>A migration file to create.</summary>
/// <param name="RelativePath">Relative to the migrations folder, with <c>/</c> separators.</param>
/// <param name="Text">The file's content.</param>
internal sealed record ScaffoldedFile(string RelativePath, string Text);
